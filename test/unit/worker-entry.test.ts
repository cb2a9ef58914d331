import { createServer } from 'node:net';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@/config';
import type { Deps } from '@/platform/deps';
import { fixedClock } from '@/platform/clock';
import { memoryLog } from '@/platform/log';
import { noMailer } from '@/platform/mail/mailer';
import { missingFileStore } from '@/platform/files/store';
import worker, { runScheduledJobs, scheduledJobs, workerConfig, type WorkerEnv } from '@/worker';

const hyperdrive = { connectionString: 'postgres://u:p@127.0.0.1:1/koda' };

describe('workerConfig', () => {
  it('reads the vars, leaves bindings out, and never seeds or uses PGlite settings', () => {
    const config = workerConfig({
      HYPERDRIVE: hyperdrive,
      PUBLIC_URL: 'https://koda.example.org/',
      RETENTION_DAYS: '30',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'true',
      DATABASE_URL: 'postgres://ignored@elsewhere/db',
    });
    expect(config.publicUrl).toBe('https://koda.example.org');
    expect(config.retentionDays).toBe(30);
    expect(config.logLevel).toBe('warn');
    expect(config.seedDemo).toBe(false);
    expect(config.databaseUrl).toBeUndefined();
  });

  it('trusts Cloudflare for the client address unless told otherwise', () => {
    expect(workerConfig({ HYPERDRIVE: hyperdrive }).trustProxy).toBe('cloudflare');
    expect(workerConfig({ HYPERDRIVE: hyperdrive, TRUST_PROXY: 'false' }).trustProxy).toBe('none');
  });

  it('refuses a bad var with the one-line config error', () => {
    expect(() => workerConfig({ HYPERDRIVE: hyperdrive, RETENTION_DAYS: 'soon' })).toThrow(
      ConfigError,
    );
  });
});

function jobDeps(): Deps & { log: ReturnType<typeof memoryLog> } {
  return {
    db: {} as Deps['db'], // the jobs below never touch it
    config: workerConfig({ HYPERDRIVE: hyperdrive }),
    clock: fixedClock('2026-11-26T12:00:00Z'),
    mailer: noMailer,
    log: memoryLog(),
    files: missingFileStore('The jobs below keep no files'),
  };
}

describe('runScheduledJobs', () => {
  it('runs every job in order and keeps going after one fails', async () => {
    const ran: string[] = [];
    const deps = jobDeps();
    const failed = await runScheduledJobs(deps, [
      { name: 'first', run: async () => ran.push('first') },
      {
        name: 'broken',
        run: async () => {
          ran.push('broken');
          throw new Error('no luck');
        },
      },
      { name: 'last', run: async () => ran.push('last') },
    ]);
    expect(ran).toEqual(['first', 'broken', 'last']);
    expect(failed).toEqual(['broken']);
    const errors = deps.log.lines
      .map((line) => JSON.parse(line))
      .filter((e) => e.level === 'error');
    expect(errors).toEqual([
      expect.objectContaining({ message: 'scheduled job failed', job: 'broken', error: 'no luck' }),
    ]);
  });

  it('runs the reminders, feedback requests, follow news and the purge, and leaves outbox sending to Node', () => {
    expect(scheduledJobs.map((job) => job.name)).toEqual([
      'reminders',
      'feedback',
      'follows',
      'purge',
    ]);
  });
});

describe('the fetch handler', () => {
  it('answers 503 when Hyperdrive cannot reach the database, and closes its client', async () => {
    // A port that refuses connections at once.
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = (server.address() as { port: number }).port;
    server.close();
    await once(server, 'close');

    const waited: Promise<unknown>[] = [];
    const env: WorkerEnv = {
      HYPERDRIVE: { connectionString: `postgres://u:p@127.0.0.1:${port}/koda` },
      LOG_LEVEL: 'silent',
    };
    const ctx = { waitUntil: (promise: Promise<unknown>) => void waited.push(promise) };
    const health = await worker.fetch(new Request('http://koda.test/healthz'), env, ctx);
    expect(health.status).toBe(503);
    const page = await worker.fetch(new Request('http://koda.test/'), env, ctx);
    expect(page.status).toBe(503);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(waited).toHaveLength(2);
    await Promise.all(waited);
  });

  it('serves concurrent requests each with its own deps, from one app per isolate', async () => {
    const ctx = { waitUntil: () => {} };
    const envFor = (host: string): WorkerEnv => ({
      HYPERDRIVE: hyperdrive,
      PUBLIC_URL: `https://${host}`,
      LOG_LEVEL: 'silent',
    });
    const hosts = ['a.koda.test', 'b.koda.test', 'c.koda.test', 'a.koda.test'];
    // The OpenAPI document needs no database, only the request's config.
    const answers = await Promise.all(
      hosts.map((host) =>
        worker.fetch(new Request('http://koda.test/api/openapi.json'), envFor(host), ctx),
      ),
    );
    const servers = await Promise.all(
      answers.map(async (res) => ((await res.json()) as { servers: { url: string }[] }).servers),
    );
    expect(servers.map((list) => list[0]?.url)).toEqual(
      hosts.map((host) => `https://${host}/api/v1`),
    );
  });

  it('refuses to run without the HYPERDRIVE binding', async () => {
    const ctx = { waitUntil: () => {} };
    await expect(
      worker.fetch(new Request('http://koda.test/'), {} as WorkerEnv, ctx),
    ).rejects.toThrow(/HYPERDRIVE binding is missing/);
  });
});
