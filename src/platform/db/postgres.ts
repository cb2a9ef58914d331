import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from '@/platform/db/schema';
import type { Database, Db } from './types';

export type PostgresOptions = {
  max?: number;
  connectTimeoutSeconds?: number;
  /** The server cancels any statement running longer (a runaway query never holds a connection). */
  statementTimeoutMs?: number;
};

/** Opens Postgres through postgres.js. Safe to import on Workers (no Node-only modules). */
export function openPostgres(
  url: string,
  options: PostgresOptions = {},
): Database & { client: postgres.Sql } {
  const client = postgres(url, {
    max: options.max ?? 10,
    connect_timeout: options.connectTimeoutSeconds ?? 10,
    connection: {
      statement_timeout: options.statementTimeoutMs ?? 30_000,
      idle_in_transaction_session_timeout: 60_000,
    },
    onnotice: () => {},
  });
  const db = drizzle({
    client: preparingStatements(client),
    schema,
    casing: 'snake_case',
  }) as unknown as Db;
  const probe = livenessProbe(url, options.connectTimeoutSeconds ?? 10);
  probes.set(db, probe);
  return {
    db,
    kind: 'postgres',
    client,
    ping: () => ping(db),
    close: async () => {
      await Promise.all([client.end({ timeout: 5 }), probe.close()]);
    },
  };
}

/** Statements longer or with more parameters than this are not kept prepared (see below). */
const PREPARED_MAX_CHARACTERS = 8_000;
const PREPARED_MAX_PARAMETERS = 64;
/** A list of parameters whose length varies from call to call: `in ($1, $2…)`, rows of `values`. */
const VARIABLE_LIST = /\bin \(\$\d+, \$\d+|\), \(\$\d+/i;

/**
 * drizzle runs every statement it was not given a name for with `prepare: false`, and postgres.js
 * then sends a statement with parameters twice: first to learn the parameters' types (Parse,
 * Describe, Sync, and a wait for the answer), then to run it. Prepared, a statement text is
 * described once per connection and each later run is one round trip: about half the time and
 * the CPU of a query, on both sides. postgres.js prepares it again when a migration changes what
 * it reads (RevalidateCachedQuery; inside a transaction the first such statement fails instead,
 * see docs/deploy.md). Long statements, ones with many parameters and ones with a list whose
 * length varies (an `in` list, the rows of a multi-row insert: a text per length) are run
 * unprepared: a connection keeps one statement per place in the code, a bounded set.
 */
function preparingStatements<Client extends postgres.Sql | postgres.TransactionSql>(
  client: Client,
): Client {
  const unsafe: postgres.Sql['unsafe'] = (query, parameters, options) =>
    client.unsafe(query, parameters, {
      ...options,
      prepare:
        query.length <= PREPARED_MAX_CHARACTERS &&
        (parameters?.length ?? 0) <= PREPARED_MAX_PARAMETERS &&
        !VARIABLE_LIST.test(query),
    });
  // A transaction's (or savepoint's) statements run on the client it hands its callback.
  const wrapCallback =
    (method: 'begin' | 'savepoint') =>
    (...args: unknown[]) => {
      const callback = args.at(-1) as (inner: postgres.TransactionSql) => unknown;
      const call = (client as unknown as Record<string, (...args: unknown[]) => unknown>)[method];
      return call?.(...args.slice(0, -1), (inner: postgres.TransactionSql) =>
        callback(preparingStatements(inner)),
      );
    };
  const begin = wrapCallback('begin');
  const savepoint = wrapCallback('savepoint');
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') return unsafe;
      if (property === 'begin') return begin;
      if (property === 'savepoint') return savepoint;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

type LivenessProbe = { answers(timeoutMs: number): Promise<boolean>; close(): Promise<void> };

/** The liveness probe of each Postgres database opened here (PGlite, in-process, has none). */
const probes = new WeakMap<Db, LivenessProbe>();

/**
 * Asks `select 1` on a connection of its own, outside the pool: a pool busy with a rush of
 * slow-but-answering requests still gets a quick answer, and only a database that does not
 * answer gets none. A connection that did not answer in time is dropped (it may be a dead
 * link), so the next question opens a new one.
 */
function livenessProbe(url: string, connectTimeoutSeconds: number): LivenessProbe {
  let client: postgres.Sql | null = null;
  // Requests waiting at the same moment share one question rather than queue hundreds.
  let asking: Promise<boolean> | null = null;
  return {
    async answers(timeoutMs) {
      client ??= postgres(url, {
        max: 1,
        connect_timeout: connectTimeoutSeconds,
        onnotice: () => {},
      });
      const asked = client;
      if (!asking) {
        const question = asked`select 1`.then(
          () => true,
          () => false,
        );
        asking = question;
        void question.finally(() => {
          if (asking === question) asking = null;
        });
      }
      const answered = await withinTime(asking, timeoutMs, false);
      if (!answered && client === asked) {
        client = null;
        asking = null;
        void asked.end({ timeout: 0 }).catch(() => {});
      }
      return answered;
    },
    close: async () => {
      await client?.end({ timeout: 1 });
    },
  };
}

/**
 * Whether the database may stop answering (a server across a network; in-process PGlite
 * cannot) and so whether waiting requests should be watched (`answerWhileDatabaseSilent`).
 */
export function canFallSilent(db: Db): boolean {
  return probes.has(db);
}

async function withinTime<T>(work: Promise<T>, timeoutMs: number, late: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(late), timeoutMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether the database answers `select 1` within `timeoutMs` (on Postgres through the liveness
 * probe's own connection): a database that stops answering (rather than refusing) must not hold
 * /healthz for the driver's own timeouts.
 */
export async function ping(db: Db, timeoutMs = 2000): Promise<boolean> {
  const probe = probes.get(db);
  if (probe) return probe.answers(timeoutMs);
  const answered = db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  return withinTime(answered, timeoutMs, false);
}
