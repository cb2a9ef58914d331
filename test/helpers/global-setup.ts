import { PGlite } from '@electric-sql/pglite';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '@/platform/db/migrate';
import { fromPglite } from '@/platform/db/pglite';
import { openPostgres } from '@/platform/db/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    dbKind: 'pglite' | 'postgres';
    pgliteDumpPath: string;
    postgresTemplate: string;
    runId: string;
  }
}

/** Postgres URL of another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Migrates once per run: a PGlite dump every test file loads, and a Postgres template database. */
export default async function setup(project: TestProject) {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  const dir = mkdtempSync(join(tmpdir(), 'koda-test-'));

  const pglite = fromPglite(await PGlite.create());
  await migrateDatabase(pglite);
  const dump = await pglite.client.dumpDataDir('none');
  await pglite.close();
  const dumpPath = join(dir, 'migrated.tar');
  writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteDumpPath', dumpPath);
  project.provide('runId', runId);

  const url = process.env.TEST_DATABASE_URL;
  const template = `koda_tpl_${runId}`;
  project.provide('postgresTemplate', template);
  let admin: postgres.Sql | undefined;
  if (url) {
    admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE "${template}"`);
    const database = openPostgres(withDatabase(url, template), { max: 1 });
    await migrateDatabase(database);
    await database.close();
  }

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (!admin) return;
    const leftovers = await admin<{ datname: string }[]>`
      select datname from pg_database where datname like ${`koda_%${runId}%`}`;
    for (const { datname } of leftovers) {
      await admin.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    await admin.end();
  };
}
