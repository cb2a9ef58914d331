import { PGlite } from '@electric-sql/pglite';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { DateTime } from 'luxon';
import { createApp } from '@/app';
import { parseConfig } from '@/config';
import { migrateDatabase } from '@/platform/db/migrate';
import { fromPglite } from '@/platform/db/pglite';
import { openPostgres } from '@/platform/db/postgres';
import type { Database } from '@/platform/db/types';
import { agendaItems, eventHosts, events, municipalities } from '@/platform/db/schema';
import type { Deps } from '@/platform/deps';
import { fixedClock } from '@/platform/clock';
import { createLog } from '@/platform/log';
import { noMailer } from '@/platform/mail/mailer';
import { missingFileStore } from '@/platform/files/store';

export type CalendarBenchResult = {
  events: number;
  bytes: number;
  /** The process's first feed: nothing cached, JIT cold. */
  first: Timing;
  /** Nothing of this feed cached (the JIT warmed by building the English one): median of 3. */
  cold: Timing;
  /** After one event changed: median of 5 (each changes another event). */
  oneChange: Timing;
  /** Everything from the cache: median of 5. */
  repeat: Timing;
  /** 304 for the current ETag: median of 5. */
  notModified: Timing;
};

export const NOW = new Date('2026-11-26T12:00:00Z');
const ZONE = 'Europe/Tallinn';
const SUMMARY =
  'Mõttekoda, kus elanikud, külaseltsid ja vallavalitsus arutavad koos, kuidas kaasamine, ' +
  'info jagamine ja koostöö paremini käima panna. Räägime ühistranspordist, õpilastest, ' +
  'eakatest ja öisest tänavavalgustusest; töörühmades sõnastame ettepanekud volikogule. ';

export async function seed(deps: Deps, count: number): Promise<number[]> {
  const [place] = await deps.db
    .insert(municipalities)
    .values({ slug: 'bench', name: 'Benchi vald', kind: 'parish' })
    .returning({ id: municipalities.id });
  if (!place) throw new Error('municipality insert failed');
  const ids: number[] = [];
  const start = DateTime.fromJSDate(NOW).setZone(ZONE).minus({ days: 365 }).set({ hour: 16 });
  for (let batch = 0; batch < count; batch += 100) {
    const rows = Array.from({ length: Math.min(100, count - batch) }, (_, offset) => {
      const n = batch + offset;
      const starts = start.plus({ hours: n * 17 });
      return {
        slug: `bench-${n}`,
        kind: 'think_tank' as const,
        status: n % 50 === 0 && n > 600 ? ('cancelled' as const) : ('published' as const),
        title: `Mõttekoda nr ${n}: kogukond ja omavalitsus`,
        summary: SUMMARY.repeat(4),
        startsAt: starts.toJSDate(),
        endsAt: starts.plus({ hours: 3 }).toJSDate(),
        timezone: ZONE,
        venueName: 'Rahvamaja',
        venueAddress: 'Keskväljak 1, Põltsamaa',
        venueLat: 58.65,
        venueLon: 25.97,
        onlineUrl: 'https://www.youtube.com/watch?v=bench',
        updatedAt: NOW,
      };
    });
    const inserted = await deps.db.insert(events).values(rows).returning({
      id: events.id,
      startsAt: events.startsAt,
    });
    await deps.db
      .insert(eventHosts)
      .values(inserted.map((row) => ({ eventId: row.id, municipalityId: place.id })));
    await deps.db.insert(agendaItems).values(
      inserted.flatMap((row) =>
        [0, 1, 2, 3, 4].map((position) => ({
          eventId: row.id,
          position,
          startsAt: new Date(row.startsAt.getTime() + position * 30 * 60_000),
          endsAt: new Date(row.startsAt.getTime() + (position + 1) * 30 * 60_000),
          title: `Päevakorrapunkt ${position + 1}: arutelu töörühmades`,
          kind: 'discussion' as const,
        })),
      ),
    );
    ids.push(...inserted.map((row) => row.id));
  }
  return ids;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, value };
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export type Timing = { ms: number; cpuMs: number };

/**
 * An empty database: PGlite in memory, or a scratch database on a Postgres server (its `url`
 * given; dropped by `close`).
 */
export async function scratchDatabase(postgresUrl?: string): Promise<Database & { url?: string }> {
  if (!postgresUrl) return fromPglite(await PGlite.create());
  const name = `koda_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = postgres(postgresUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString(), { max: 10 });
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * A 1 000-event feed: cold, after one change, repeated (cache), and a 304. On PGlite in memory,
 * or (with a server URL) on a scratch Postgres database that is dropped afterwards.
 */
export async function benchCalendar(
  count = 1_000,
  postgresUrl?: string,
): Promise<CalendarBenchResult> {
  const database = await scratchDatabase(postgresUrl);
  try {
    await migrateDatabase(database);
    const deps: Deps = {
      db: database.db,
      config: parseConfig({ PUBLIC_URL: 'https://koda.example', LOG_LEVEL: 'silent' }),
      clock: fixedClock(NOW),
      mailer: noMailer,
      log: createLog('silent'),
      files: missingFileStore('The bench keeps no files'),
    };
    const ids = await seed(deps, count);
    const app = createApp(deps);
    const fetchFeed = async (headers: Record<string, string> = {}) => {
      const res = await app.request('/calendar.ics', { headers });
      const text = await res.text();
      return { status: res.status, etag: res.headers.get('etag') ?? '', text };
    };

    const first = await timed(() => fetchFeed());
    const events_ = (first.value.text.match(/BEGIN:VEVENT/g) ?? []).length;
    if (first.value.status !== 200 || events_ !== count) {
      throw new Error(`unexpected feed: status ${first.value.status}, ${events_} events`);
    }
    const cold: Timing[] = [];
    for (const lang of ['en', 'en', 'en']) {
      // A new database object has an empty VEVENT cache; the same data is reused.
      const fresh = { ...deps, db: Object.create(deps.db) as Deps['db'] };
      const freshApp = createApp(fresh);
      const run = await timed(async () => {
        const res = await freshApp.request(`/calendar.ics?lang=${lang}`);
        return res.text();
      });
      cold.push(run);
    }

    const oneChange: Timing[] = [];
    for (let n = 0; n < 5; n++) {
      const changedId = ids[100 + n * 150] ?? 0;
      await deps.db
        .update(events)
        .set({
          title: `Muudetud pealkiri ${n}`,
          updatedAt: new Date(NOW.getTime() + (n + 1) * 1000),
        })
        .where(eq(events.id, changedId));
      const run = await timed(() => fetchFeed());
      if (!run.value.text.includes(`Muudetud pealkiri ${n}`)) throw new Error('change not in feed');
      oneChange.push(run);
    }

    const repeat: Timing[] = [];
    const notModified: Timing[] = [];
    for (let n = 0; n < 5; n++) {
      const run = await timed(() => fetchFeed());
      repeat.push(run);
      const conditional = await timed(() => fetchFeed({ 'If-None-Match': run.value.etag }));
      if (conditional.value.status !== 304) throw new Error('expected 304');
      notModified.push(conditional);
    }

    const summary = (runs: Timing[]): Timing => ({
      ms: median(runs.map((run) => run.ms)),
      cpuMs: median(runs.map((run) => run.cpuMs)),
    });
    return {
      events: events_,
      bytes: Buffer.byteLength(first.value.text),
      first: { ms: first.ms, cpuMs: first.cpuMs },
      cold: summary(cold),
      oneChange: summary(oneChange),
      repeat: summary(repeat),
      notModified: summary(notModified),
    };
  } finally {
    await database.close();
  }
}
