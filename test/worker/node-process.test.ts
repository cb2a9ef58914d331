/**
 * The foundation's acceptance check, with real processes: `npm start` (src/server.ts) on
 * PGlite starts, serves, stops on Ctrl-C in time, keeps its data, refuses a second process on
 * the same data directory, and fails with one line on a bad setting or an unreachable database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, freePort, run, SERVER, startServer as spawnServer, type Running } from './processes';

let dataDir: string;
const running: Running[] = [];

/** The server's environment: this data directory, loopback only, never an inherited Postgres. */
function serverEnv(port: number, extra: Record<string, string | undefined> = {}) {
  return {
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: undefined,
    PUBLIC_URL: undefined,
    SMTP_URL: undefined,
    SEED_DEMO: undefined,
    LOG_LEVEL: 'info',
    ...extra,
  };
}

function startServer(env: Record<string, string | undefined>): Running {
  const server = spawnServer(env);
  running.push(server);
  return server;
}

/** The operator-facing lines of a failed start (tsx adds nothing; Node might warn). */
function lines(output: string): string[] {
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.includes('ExperimentalWarning'));
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'koda-process-'));
});

afterAll(async () => {
  await Promise.all(running.map((server) => server.stop('SIGKILL')));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start on PGlite', () => {
  let token: string;
  let eventSlug: string;
  let eventTotal: number;
  let secondPort: number;
  let second: Running;

  it('lets an operator make an admin and an API token before the first start', async () => {
    const env = serverEnv(1);
    const user = await cli(
      [
        'user:create',
        '--email',
        'admin@koda.test',
        '--name',
        'Protsessi Admin',
        '--password',
        'a long enough test password',
        '--role',
        'admin',
      ],
      env,
    );
    expect(user.output).toContain('Created admin admin@koda.test');
    expect(user.code).toBe(0);
    const created = await cli(['token:create', '--email', 'admin@koda.test'], env);
    expect(created.code).toBe(0);
    token = created.output.split('\n')[0]?.trim() ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });

  it('starts within 20 s, prints its URL and serves the home page and /healthz', async () => {
    const port = await freePort();
    const server = startServer(serverEnv(port));
    const [, url] = await server.waitFor(/Koda is running at (\S+)/, 20_000);
    expect(url).toBe(`http://localhost:${port}`);
    await server.waitFor(/Demo organizer login: korraldaja@koda\.example/, 2_000);
    // The participant's pages the demo could not otherwise reach (their links are stored hashed).
    const [, feedback] = await server.waitFor(
      /Demo participant's feedback form: \S+(\/feedback\/[A-Za-z0-9_-]{43})/,
      2_000,
    );
    const [, manage] = await server.waitFor(
      /Demo participant's registration: \S+(\/registrations\/[A-Za-z0-9_-]{43})/,
      2_000,
    );
    expect(server.output()).toContain('demo programme loaded');
    // One format at start-up: every line a JSON log line, the URL and the login included.
    for (const line of lines(server.output())) {
      expect(() => JSON.parse(line) as unknown, line).not.toThrow();
      expect(JSON.parse(line) as object, line).toMatchObject({ level: expect.any(String) });
    }
    const base = `http://127.0.0.1:${port}`;

    expect((await fetch(`${base}${feedback}`)).status).toBe(200);
    expect((await fetch(`${base}${manage}`)).status).toBe(200);

    const home = await fetch(`${base}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Mõttekoda Rõuges');
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    // A write of its own, to look for after the restart.
    const create = await fetch(`${base}/api/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'meeting',
        title: 'Protsessitesti koosolek',
        startsAt: '2027-03-04T18:00',
        endsAt: '2027-03-04T20:00',
        hosts: ['keila'],
        status: 'published',
      }),
    });
    expect(create.status).toBe(201);
    eventSlug = ((await create.json()) as { slug: string }).slug;
    const list = await fetch(`${base}/api/v1/events?perPage=1`);
    expect(list.status).toBe(200);
    eventTotal = ((await list.json()) as { total: number }).total;
    expect(eventTotal).toBeGreaterThan(1);

    const stoppedAt = Date.now();
    const exit = await server.stop('SIGINT', 10_000);
    expect(Date.now() - stoppedAt).toBeLessThan(2_000);
    expect(exit).toEqual({ code: 0, signal: null });
  });

  it('starts again on the same data directory with the same data, without seeding again', async () => {
    secondPort = await freePort();
    second = startServer(serverEnv(secondPort));
    await second.waitFor(/Koda is running at \S+/, 20_000);
    expect(second.output()).not.toContain('demo programme loaded');
    expect(second.output()).not.toContain('Demo organizer login');
    const base = `http://127.0.0.1:${secondPort}`;
    const event = await fetch(`${base}/api/v1/events/${eventSlug}`);
    expect(event.status).toBe(200);
    expect(((await event.json()) as { title: string }).title).toBe('Protsessitesti koosolek');
    const list = await fetch(`${base}/api/v1/events?perPage=1`);
    expect(((await list.json()) as { total: number }).total).toBe(eventTotal);
  });

  it('refuses a second process on a data directory in use, with one line and a non-zero exit', async () => {
    const third = startServer(serverEnv(await freePort()));
    const exit = await Promise.race([
      third.exited,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`still running:\n${third.output()}`)), 20_000),
      ),
    ]);
    expect(exit.code).not.toBe(0);
    expect(exit.code).not.toBeNull();
    const said = lines(third.output());
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/in use by another Koda process \(pid \d+\)/);
    // The first one is unharmed.
    const health = await fetch(`http://127.0.0.1:${secondPort}/healthz`);
    expect(health.status).toBe(200);
    expect((await second.stop('SIGINT', 10_000)).code).toBe(0);
  });
});

describe('a start that cannot work', () => {
  it('stops on a bad setting with one line naming it', async () => {
    const result = await run(SERVER[0], [...SERVER[1]], serverEnv(1, { PORT: 'abc' }), 20_000);
    expect(result.code).toBe(1);
    const said = lines(result.output);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^Invalid setting PORT: /);
  });

  it('stops on an unreachable DATABASE_URL with one line and a non-zero exit', async () => {
    const nobody = await freePort();
    const result = await run(
      SERVER[0],
      [...SERVER[1]],
      serverEnv(await freePort(), {
        DATABASE_URL: `postgres://postgres@127.0.0.1:${nobody}/koda`,
      }),
      30_000,
    );
    expect(result.code).toBe(1);
    const said = lines(result.output);
    expect(said).toHaveLength(1);
    expect(said[0]).toContain(`Cannot reach the database at 127.0.0.1:${nobody}/koda`);
  });
});
