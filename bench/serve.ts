/**
 * One Koda server for `npm run bench` (bench/run.ts forks it with an IPC channel): seeds 1 000
 * events over a year (a 1.5 kB summary, a five-item agenda, a recording with ten chapters for
 * every second past event) on PGlite in memory or a scratch Postgres database, serves the app
 * on a loopback port through @hono/node-server (the stack of `npm start`) and answers the
 * parent's questions: its CPU time and memory, a fresh event for a registration rush, the rush's
 * outcome, an edit.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import { createApp } from '@/app';
import { parseConfig } from '@/config';
import { migrateDatabase } from '@/platform/db/migrate';
import { chapters, events, recordings, registrations } from '@/platform/db/schema';
import type { Deps } from '@/platform/deps';
import { createLog } from '@/platform/log';
import { noMailer } from '@/platform/mail/mailer';
import { missingFileStore } from '@/platform/files/store';
import { NOW, scratchDatabase, seed } from './calendar';
import { seedCaptions } from './captions';

export type BenchRequest =
  | { id: number; cmd: 'cpu' }
  | { id: number; cmd: 'memory' }
  | { id: number; cmd: 'rush-event'; capacity: number }
  | { id: number; cmd: 'rush-outcome'; slug: string }
  | { id: number; cmd: 'edit'; n: number }
  | { id: number; cmd: 'stop' };

export type RushOutcome = {
  confirmed: number;
  waitlisted: number;
  /** Waitlist positions in createdAt order are 1..N when every registration has its own time. */
  distinctCreatedAt: number;
};

function procStatus(field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
    readFileSync('/proc/self/status', 'utf8'),
  );
  return match ? Number(match[1]) * 1024 : process.memoryUsage().rss;
}

const startedAt = performance.now();
const url = process.env.BENCH_POSTGRES_URL || undefined;
const database = await scratchDatabase(url);
await migrateDatabase(database);
const deps: Deps = {
  db: database.db,
  config: parseConfig({
    PUBLIC_URL: 'https://koda.example',
    LOG_LEVEL: 'silent',
    // The rush comes from many clients: each request names its own address.
    TRUST_PROXY: 'true',
  }),
  // The seeded year's clock, moving on in real time: registrations get distinct times.
  clock: { now: () => new Date(NOW.getTime() + (performance.now() - startedAt)) },
  mailer: noMailer,
  log: createLog('silent'),
  files: missingFileStore('The bench keeps no files'),
};
const ids = await seed(deps, Number(process.env.BENCH_EVENTS ?? 1_000));
// 300 recordings of past events, ten chapters each, and 100 hours of captions: what the search
// searches (issue 19: 1 000 events, 300 recordings, 100 h of captions).
const past = ids.filter((_, index) => index % 2 === 0).slice(0, 300);
const recordingIds: number[] = [];
for (let batch = 0; batch < past.length; batch += 100) {
  const inserted = await deps.db
    .insert(recordings)
    .values(
      past.slice(batch, batch + 100).map((eventId, offset) => ({
        eventId,
        title: `Salvestus ${batch + offset}: kaasav eelarve ja külade ühistransport`,
        sourceUrl: 'https://www.youtube.com/watch?v=bench',
        provider: 'youtube',
        durationSeconds: 3 * 60 * 60,
        updatedAt: NOW,
      })),
    )
    .returning({ id: recordings.id });
  recordingIds.push(...inserted.map((row) => row.id));
  await deps.db.insert(chapters).values(
    inserted.flatMap((row) =>
      Array.from({ length: 10 }, (_, n) => ({
        recordingId: row.id,
        offsetSeconds: n * 600,
        title: `Peatükk ${n + 1}: õpilaste sõidud, tänavavalgustus ja eakate päevakeskus`,
      })),
    ),
  );
}

await seedCaptions(deps, recordingIds, Number(process.env.BENCH_CAPTION_HOURS ?? 100));

const app = createApp(deps);
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
await new Promise<void>((resolve) => server.once('listening', resolve));
const port = (server.address() as AddressInfo).port;

let rushes = 0;
async function answer(request: BenchRequest): Promise<unknown> {
  switch (request.cmd) {
    case 'cpu': {
      const used = process.cpuUsage();
      return (used.user + used.system) / 1000;
    }
    case 'memory':
      return { rss: procStatus('VmRSS'), peak: procStatus('VmHWM') };
    case 'rush-event': {
      rushes += 1;
      const slug = `rush-${rushes}`;
      const [row] = await deps.db
        .insert(events)
        .values({
          slug,
          kind: 'forum',
          status: 'published',
          title: `Tormijooks ${rushes}`,
          startsAt: new Date(NOW.getTime() + 30 * 86_400_000),
          endsAt: new Date(NOW.getTime() + 30 * 86_400_000 + 3 * 3_600_000),
          capacity: request.capacity,
          waitlist: true,
          updatedAt: NOW,
        })
        .returning({ id: events.id });
      if (!row) throw new Error('no rush event');
      return slug;
    }
    case 'rush-outcome': {
      const rows = await deps.db
        .select({
          status: registrations.status,
          count: sql<number>`count(*)::int`,
          distinctCreatedAt: sql<number>`count(distinct ${registrations.createdAt})::int`,
        })
        .from(registrations)
        .innerJoin(events, eq(events.id, registrations.eventId))
        .where(and(eq(events.slug, request.slug)))
        .groupBy(registrations.status);
      const of = (status: string) => rows.find((row) => row.status === status);
      return {
        confirmed: of('confirmed')?.count ?? 0,
        waitlisted: of('waitlisted')?.count ?? 0,
        distinctCreatedAt: of('waitlisted')?.distinctCreatedAt ?? 0,
      } satisfies RushOutcome;
    }
    case 'edit': {
      await deps.db
        .update(events)
        .set({ title: `Muudetud pealkiri ${request.n}` })
        .where(eq(events.id, ids[(request.n * 37) % ids.length] ?? 0));
      return true;
    }
    case 'stop':
      server.close();
      server.closeAllConnections();
      await database.close();
      setImmediate(() => process.exit(0));
      return true;
  }
}

process.on('message', (message: BenchRequest) => {
  answer(message).then(
    (result) => process.send?.({ id: message.id, result }),
    (error: unknown) => process.send?.({ id: message.id, error: String(error) }),
  );
});
process.send?.({ ready: true, port, databaseUrl: database.url ?? null });
