/**
 * Feeds and pages kept in memory stay exact across processes: two `npm start` processes on one
 * Postgres keep a feed's state (src/calendar/freshness.ts), the whole text and anonymous public
 * answers (src/platform/http/page-cache.ts), and a third writer (plain SQL, as a hand-written fix
 * would) changes them. Neither process may answer 304 to the old ETag or serve the old body
 * afterwards.
 */
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDatabase,
  freePort,
  migrateAndSeed,
  startServer,
  type Running,
  type TestDatabase,
} from './processes';

let database: TestDatabase;
let sql: postgres.Sql;
const servers: { process: Running; base: string }[] = [];

function env(port: number) {
  return {
    DATABASE_URL: database.url,
    SEED_DEMO: 'false',
    PORT: String(port),
    HOST: '127.0.0.1',
    // One site behind a load balancer: both processes write the same links.
    PUBLIC_URL: 'https://koda.test',
    DATA_DIR: undefined,
    SMTP_URL: undefined,
    LOG_LEVEL: 'warn',
  };
}

beforeAll(async () => {
  database = await createDatabase('fresh');
  await migrateAndSeed(database.url);
  sql = postgres(database.url, { max: 1, onnotice: () => {} });
  for (const port of [await freePort(), await freePort()]) {
    servers.push({ process: startServer(env(port)), base: `http://127.0.0.1:${port}` });
  }
  await Promise.all(
    servers.map((server) => server.process.waitFor(/Koda is running at \S+ \(Postgres\)/, 30_000)),
  );
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.process.stop('SIGTERM', 5_000)));
  await sql?.end();
  await database?.drop();
});

async function feed(index: number, etag?: string) {
  const server = servers[index];
  if (!server) throw new Error('the servers did not start');
  const res = await fetch(`${server.base}/calendar.ics`, {
    headers: etag ? { 'if-none-match': etag } : {},
  });
  return { status: res.status, etag: res.headers.get('etag') ?? '', text: await res.text() };
}

/** Both processes have the feed in memory: a full answer, then a 304, from each. */
async function warm(): Promise<string> {
  const first = await feed(0);
  expect(first.status).toBe(200);
  for (const index of [0, 1]) {
    expect((await feed(index)).etag).toBe(first.etag);
    expect((await feed(index, first.etag)).status).toBe(304);
  }
  return first.etag;
}

describe('feed freshness across two processes', () => {
  it('neither process answers the old feed after a change written by a third', async () => {
    const [event] = await sql<{ id: number; title: string }[]>`
      select id, title from events e where status = 'published'
        and exists (select 1 from agenda_items a where a.event_id = e.id)
      order by starts_at desc limit 1`;
    expect(event).toBeDefined();
    const etag = await warm();

    await sql`update events set title = 'Parandatud otse andmebaasis' where id = ${event?.id ?? 0}`;
    for (const index of [1, 0]) {
      const changed = await feed(index, etag);
      expect(changed.status).toBe(200);
      expect(changed.etag).not.toBe(etag);
      expect(changed.text).toContain('Parandatud otse andmebaasis');
      // Without a validator too: the whole-feed text in memory is not the old one.
      expect((await feed(index)).text).toContain('Parandatud otse andmebaasis');
    }

    // An agenda item's new title (a row of another table) reaches both as well.
    const etag2 = await warm();
    await sql`update agenda_items set title = 'Uus päevakorrapunkt' where id = (
      select id from agenda_items where event_id = ${event?.id ?? 0} order by position limit 1)`;
    for (const index of [0, 1]) {
      const changed = await feed(index, etag2);
      expect(changed.status).toBe(200);
      expect(changed.text.replace(/\r\n /g, '')).toContain('Uus päevakorrapunkt');
    }

    // A deleted event leaves both.
    const etag3 = await warm();
    await sql`delete from events where id = ${event?.id ?? 0}`;
    for (const index of [1, 0]) {
      const changed = await feed(index, etag3);
      expect(changed.status).toBe(200);
      expect(changed.text).not.toContain('Parandatud otse andmebaasis');
    }
  });
});

async function page(index: number, path: string, etag?: string) {
  const server = servers[index];
  if (!server) throw new Error('the servers did not start');
  const res = await fetch(`${server.base}${path}`, {
    headers: etag ? { 'if-none-match': etag } : {},
  });
  return { status: res.status, etag: res.headers.get('etag') ?? '', text: await res.text() };
}

describe('public pages across two processes', () => {
  it('neither process answers an old page, list or seat count after a third writes', async () => {
    const startsAt = new Date(Date.now() + 10 * 24 * 60 * 60 * 1000);
    const [event] = await sql<{ id: number }[]>`
      insert into events (slug, kind, status, title, description, capacity, starts_at, ends_at)
      values ('two-processes', 'forum', 'published', 'Kahe protsessi foorum', 'Vana kirjeldus', 5,
        ${startsAt}, ${new Date(startsAt.getTime() + 3_600_000)})
      returning id`;
    const paths = ['/events/two-processes', '/api/v1/events/two-processes'];
    /** Both processes keep every path: a full answer, then a 304, from each. */
    const warmPages = async () => {
      const etags: string[][] = [];
      for (const index of [0, 1]) {
        etags[index] = [];
        for (const path of paths) {
          const first = await page(index, path);
          expect(first.status).toBe(200);
          expect((await page(index, path, first.etag)).status).toBe(304);
          etags[index]?.push(first.etag);
        }
      }
      return etags;
    };
    let etags = await warmPages();
    await sql`update events set description = 'Uus kirjeldus' where id = ${event?.id ?? 0}`;
    for (const index of [1, 0]) {
      for (const [n, path] of paths.entries()) {
        const changed = await page(index, path, etags[index]?.[n]);
        expect(changed.status).toBe(200);
        expect(changed.text).toContain('Uus kirjeldus');
      }
    }

    etags = await warmPages();
    expect((await page(0, paths[0] ?? '')).text).toMatch(/5 (?:vaba kohta|seats left)/);
    await sql`insert into registrations (event_id, email, attendance, status, manage_token_hash, consent_at)
      values (${event?.id ?? 0}, 'kaks@example.test', 'in_person', 'confirmed', 'two-processes', now())`;
    for (const index of [1, 0]) {
      const changed = await page(index, paths[0] ?? '', etags[index]?.[0]);
      expect(changed.status).toBe(200);
      expect(changed.text).toMatch(/4 (?:vaba kohta|seats left)/);
    }
  });
});
