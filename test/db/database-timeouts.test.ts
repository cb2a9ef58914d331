import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createApp } from '@/app';
import { openPostgres, ping } from '@/platform/db/postgres';
import type { Db } from '@/platform/db/types';
import { createTestContext, type TestContext } from '../helpers/app';
import { withDatabase } from '../helpers/global-setup';

/**
 * A database that stops answering rather than refusing (issue 21, finding 13): a TCP server
 * that accepts connections and never says a word stands in for a Postgres behind a dead link,
 * and on Postgres a TCP relay that stops forwarding for one whose link dies mid-way.
 */
let silent: Server;
const sockets: Socket[] = [];
let url = '';
let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  silent = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  url = `postgres://koda@127.0.0.1:${(silent.address() as AddressInfo).port}/koda`;
});
afterAll(async () => {
  await ctx.close();
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

describe('a database that does not answer', () => {
  it('makes ping (and so /healthz) answer false within its time limit, not the driver’s', async () => {
    const database = openPostgres(url, { connectTimeoutSeconds: 30 });
    try {
      // Without ping's own limit the driver would wait its 30 s connect timeout: past this test's.
      expect(await ping(database.db, 300)).toBe(false);
    } finally {
      void database.close();
    }
  }, 10_000);
});

describe('/healthz on a database that answers', () => {
  it('is 200, and the statement timeout of a Postgres connection is set', async () => {
    expect((await ctx.app.request('/healthz')).status).toBe(200);
    if (ctx.database.kind === 'postgres') {
      const rows = (await ctx.deps.db.execute(sql`show statement_timeout`)) as unknown as {
        statement_timeout: string;
      }[];
      expect(rows[0]?.statement_timeout).toBe('30s');
    }
  });
});

/** What a page, an API read and an embed answer on `db`, and how long each took. */
async function answersOn(db: Db) {
  const app = createApp({ ...ctx.deps, db });
  return Promise.all(
    [
      ['/?lang=en', {}],
      ['/events', {}],
      ['/api/v1/events', {}],
      ['/embed/events?lang=en', {}],
    ].map(async ([path, headers]) => {
      const startedAt = Date.now();
      const res = await app.request(String(path), { headers: headers as Record<string, string> });
      return { res, body: await res.text(), ms: Date.now() - startedAt };
    }),
  );
}

/** Every request answered 503 within a couple of seconds (3 s here, for a busy machine), naming its request id. */
function expectQuickUnavailable(answers: Awaited<ReturnType<typeof answersOn>>) {
  for (const { res, body, ms } of answers) {
    expect(res.status).toBe(503);
    expect(ms).toBeLessThan(3000);
    expect(body).toContain(res.headers.get('x-request-id') ?? 'no request id');
  }
  const [english, estonian, api, embed] = answers;
  expect(english?.body).toContain('The service is unavailable right now');
  expect(estonian?.body).toContain('Teenus pole hetkel saadaval');
  expect(JSON.parse(api?.body ?? '{}')).toMatchObject({ error: { code: 'unavailable' } });
  expect(embed?.body).toContain('The service is unavailable right now');
  expect(embed?.res.headers.get('content-security-policy')).toContain('frame-ancestors *');
}

describe('every request on a database that does not answer', () => {
  it('answers 503 within 3 s (not after the driver’s 30 s connect timeout)', async () => {
    const database = openPostgres(url, { connectTimeoutSeconds: 30 });
    try {
      expectQuickUnavailable(await answersOn(database.db));
    } finally {
      void database.close();
    }
  }, 10_000);

  // A relay needs a Postgres behind it.
  if (inject('dbKind') === 'postgres') {
    it('answers 503 within 3 s once the link to a working Postgres stops forwarding', async () => {
      let forwarding = true;
      const links: Socket[] = [];
      const relay = createServer((client) => {
        const upstream = connect(5432, '127.0.0.1');
        links.push(client, upstream);
        client.on('data', (data) => void (forwarding && upstream.write(data)));
        upstream.on('data', (data) => void (forwarding && client.write(data)));
        for (const socket of [client, upstream]) socket.on('error', () => {});
      });
      await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
      const rows = (await ctx.deps.db.execute(
        sql`select current_database() as name`,
      )) as unknown as { name: string }[];
      const relayed = new URL(
        withDatabase(process.env.TEST_DATABASE_URL ?? '', rows[0]?.name ?? ''),
      );
      relayed.host = `127.0.0.1:${(relay.address() as AddressInfo).port}`;
      const database = openPostgres(relayed.toString(), { connectTimeoutSeconds: 30 });
      try {
        const before = await answersOn(database.db);
        expect(before.map(({ res }) => res.status)).toEqual([200, 200, 200, 200]);
        forwarding = false;
        expectQuickUnavailable(await answersOn(database.db));
      } finally {
        for (const socket of links) socket.destroy();
        void database.close();
        relay.close();
      }
    }, 15_000);
  }
});
