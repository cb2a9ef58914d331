import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { openPostgres, ping } from '@/platform/db/postgres';
import { createTestContext, type TestContext } from '../helpers/app';

/**
 * A database that stops answering rather than refusing (issue 21, finding 13): a TCP server
 * that accepts connections and never says a word stands in for a Postgres behind a dead link.
 */
let silent: Server;
const sockets: Socket[] = [];
let url = '';

beforeAll(async () => {
  silent = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  url = `postgres://koda@127.0.0.1:${(silent.address() as AddressInfo).port}/koda`;
});
afterAll(async () => {
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
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(async () => {
    await ctx.close();
  });
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
