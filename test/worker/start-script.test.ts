/**
 * `npm start`'s own runner (scripts/start.mjs, issue 22): the bundle it builds serves on PGlite
 * (a package it imports from outside the bundle) and on Postgres (the API and its OpenAPI
 * document), the first start writes V8's code cache next to the bundle, and the next start takes
 * it and still reaches the packages outside the bundle.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDatabase,
  freePort,
  ROOT,
  run,
  start,
  type Running,
  type TestDatabase,
} from './processes';

const BUNDLE_FOLDER = join(ROOT, 'dist/server/bundle');
/** `npm start`'s command (package.json's `node …`) without npm in between. */
const NPM_START = [
  process.execPath,
  (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }
  ).scripts.start
    .split(' ')
    .slice(1),
] as const;

let dataDir: string;
let database: TestDatabase;
const running: Running[] = [];

function startScript(env: Record<string, string | undefined>): Running {
  const server = start(NPM_START[0], [...NPM_START[1]], {
    HOST: '127.0.0.1',
    PUBLIC_URL: undefined,
    SMTP_URL: undefined,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'info',
    ...env,
  });
  running.push(server);
  return server;
}

function codeCaches(): string[] {
  return readdirSync(BUNDLE_FOLDER).filter((name) => name.endsWith('.cache'));
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'koda-start-'));
  database = await createDatabase('start');
  // Built before the starts, as after a pull; a build also removes the caches of older bundles.
  const built = await run(process.execPath, ['scripts/start.mjs', '--build'], {}, 120_000);
  expect(built.code, built.output).toBe(0);
  for (const name of codeCaches()) rmSync(join(BUNDLE_FOLDER, name), { force: true });
}, 150_000);

afterAll(async () => {
  await Promise.all(running.map((server) => server.stop('SIGKILL')));
  rmSync(dataDir, { recursive: true, force: true });
  await database?.drop();
});

describe('npm start runs the bundle with a code cache', () => {
  it('serves on PGlite, writes the code cache, and the next start takes it', async () => {
    const port = await freePort();
    const first = startScript({ DATA_DIR: dataDir, DATABASE_URL: undefined, PORT: String(port) });
    await first.waitFor(/Koda is running at \S+ \(PGlite/, 60_000);
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
    expect(codeCaches()).toHaveLength(1);
    expect(await first.stop('SIGTERM')).toMatchObject({ code: 0 });
    const [cache = ''] = codeCaches();
    const written = statSync(join(BUNDLE_FOLDER, cache)).mtimeMs;

    // With the cache, PGlite is still imported from node_modules (a vm.Script's own import()
    // loses its loader for functions taken from a code cache on Node 20).
    const secondPort = await freePort();
    const second = startScript({
      DATA_DIR: dataDir,
      DATABASE_URL: undefined,
      PORT: String(secondPort),
    });
    await second.waitFor(/Koda is running at \S+ \(PGlite/, 60_000);
    expect((await fetch(`http://127.0.0.1:${secondPort}/events`)).status).toBe(200);
    // A cache V8 refused would have been written again.
    expect(codeCaches()).toEqual([cache]);
    expect(statSync(join(BUNDLE_FOLDER, cache)).mtimeMs).toBe(written);
    expect(second.output()).not.toMatch(/Warning|Error/);
    expect(await second.stop('SIGTERM')).toMatchObject({ code: 0 });
  });

  it('serves the API and its OpenAPI document on Postgres', async () => {
    const port = await freePort();
    const server = startScript({ DATABASE_URL: database.url, PORT: String(port) });
    await server.waitFor(/Koda is running at \S+ \(Postgres\)/, 60_000);
    const document = await fetch(`http://127.0.0.1:${port}/api/openapi.json`);
    expect(document.status).toBe(200);
    expect(await document.json()).toMatchObject({ openapi: '3.1.0' });
    const events = await fetch(`http://127.0.0.1:${port}/api/v1/events`);
    expect(events.status).toBe(200);
    expect(events.headers.get('access-control-allow-origin')).toBe('*');
    expect(await server.stop('SIGTERM')).toMatchObject({ code: 0 });
  });
});
