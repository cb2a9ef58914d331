import { PGlite } from '@electric-sql/pglite';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { ProvidedContext } from 'vitest';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '@/platform/db/migrate';
import { fromPglite } from '@/platform/db/pglite';
import { openPostgres } from '@/platform/db/postgres';
import { TEST_NOW } from './app';
import { seedDemo } from './demo';

declare module 'vitest' {
  export interface ProvidedContext {
    dbKind: 'pglite' | 'postgres';
    pgliteDumpPath: string;
    pgliteDemoDumpPath: string;
    postgresTemplate: string;
    postgresDemoTemplate: string;
    runId: string;
  }
}

/** Postgres URL of another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Migrates once per project: a PGlite dump every test file of a PGlite project loads, or a
 * Postgres template database; and one more of each with the demo loaded at TEST_NOW, which most
 * files start from (createTestContext({ demo: true })) instead of seeding it themselves. vitest
 * runs this for every project (and the root), so each does only the work its own dbKind uses:
 * none for the unit tests.
 */
export default async function setup(project: TestProject) {
  const kind: ProvidedContext['dbKind'] | undefined = project.getProvidedContext().dbKind;
  if (kind === 'pglite') return setupPglite(project);
  if (kind === 'postgres') return setupPostgres(project);
}

async function setupPglite(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'koda-test-'));
  const pglite = fromPglite(await PGlite.create());
  const dump = async (name: string) => {
    const path = join(dir, name);
    const tar = await pglite.client.dumpDataDir('none');
    writeFileSync(path, Buffer.from(await tar.arrayBuffer()));
    return path;
  };
  await migrateDatabase(pglite);
  project.provide('pgliteDumpPath', await dump('migrated.tar'));
  await seedDemo(pglite.db, new Date(TEST_NOW));
  project.provide('pgliteDemoDumpPath', await dump('demo.tar'));
  await pglite.close();
  return () => rmSync(dir, { recursive: true, force: true });
}

async function setupPostgres(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  const template = `koda_tpl_${runId}`;
  project.provide('runId', runId);
  project.provide('postgresTemplate', template);
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${template}"`);
  const database = openPostgres(withDatabase(url, template), { max: 1 });
  await migrateDatabase(database);
  await database.close();
  const demoTemplate = `koda_tpl_demo_${runId}`;
  project.provide('postgresDemoTemplate', demoTemplate);
  await admin.unsafe(`CREATE DATABASE "${demoTemplate}" TEMPLATE "${template}"`);
  const demo = openPostgres(withDatabase(url, demoTemplate), { max: 1 });
  await seedDemo(demo.db, new Date(TEST_NOW));
  await demo.close();

  return async () => {
    const leftovers = await admin<{ datname: string }[]>`
      select datname from pg_database where datname like ${`koda_%${runId}%`}`;
    for (const { datname } of leftovers) {
      await admin.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    await admin.end();
  };
}
