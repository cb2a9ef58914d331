import type { Queryable } from './types';

/**
 * A query built once per database (or transaction) rather than on every call: drizzle's builder
 * walks every column and condition each time it turns a query into SQL, which for the reads of a
 * busy path (an event by its slug, on every page and registration) costs more CPU than the
 * database's answer. `build` makes the query with `sql.placeholder`s and `.prepare()`s it; the
 * function answers that query for the database it is given (kept as long as the database is).
 */
export function builtOnce<Query>(build: (db: Queryable) => Query): (db: Queryable) => Query {
  const built = new WeakMap<Queryable, Query>();
  return (db) => {
    let query = built.get(db);
    if (query === undefined) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}
