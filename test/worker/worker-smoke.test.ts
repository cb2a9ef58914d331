/**
 * The Worker through workerd (`wrangler dev`, offline) against a real Postgres, migrated and
 * seeded from Node as an operator would: pages, a feed, the API document, a registration and
 * a cron run all go through src/worker.ts and Hyperdrive's local connection string.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slugify } from '@/platform/slug';
import {
  createDatabase,
  databaseUrl,
  freePort,
  migrateAndSeed,
  run,
  start,
  WRANGLER,
  type Running,
  type TestDatabase,
} from './processes';
import sharp from 'sharp';
import { pdfSaying } from '../helpers/files';

let database: TestDatabase;
let wrangler: Running | undefined;
let buildDir: string;
let stateDir: string;
let base: string;

const KEILA_FORUM = slugify('Näidis: Keila linna foorum — kaasav eelarve');

beforeAll(async () => {
  database = await createDatabase('smoke');
  await migrateAndSeed(database.url);
  // Build once, check the bundle, and serve exactly that file: `wrangler dev` on the sources
  // would rebuild (and restart) whenever someone edits a file during the run.
  buildDir = mkdtempSync(join(tmpdir(), 'koda-worker-build-'));
  // The local R2 bucket lives outside the build folder: with --no-bundle, wrangler watches the
  // entry's folder and reloads the Worker when a stored object is written there (mid-upload).
  stateDir = mkdtempSync(join(tmpdir(), 'koda-worker-state-'));
  const build = await run(
    WRANGLER,
    ['deploy', '--dry-run', '--outdir', buildDir, '--metafile'],
    { WRANGLER_SEND_METRICS: 'false', CI: 'true' },
    120_000,
  );
  if (build.code !== 0) throw new Error(`wrangler could not build the Worker:\n${build.output}`);
  const check = await run(
    process.execPath,
    ['scripts/check-worker-bundle.mjs', join(buildDir, 'bundle-meta.json')],
    {},
  );
  if (check.code !== 0) throw new Error(check.output);

  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  wrangler = start(
    WRANGLER,
    [
      'dev',
      '--config',
      'wrangler.toml',
      '--no-bundle',
      join(buildDir, 'worker.js'),
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--inspector-port',
      String(await freePort()),
      '--show-interactive-dev-session=false',
      '--persist-to',
      stateDir,
      '--var',
      `PUBLIC_URL:${base}`,
    ],
    {
      // Hyperdrive's local mode wants a password in the URL; trust auth ignores it.
      CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE: databaseUrl(
        database.name,
        'postgres',
      ),
      WRANGLER_SEND_METRICS: 'false',
      CI: 'true',
    },
  );
  await wrangler.waitFor(new RegExp(`Ready on http://127\\.0\\.0\\.1:${port}`), 90_000);
}, 150_000);

afterAll(async () => {
  await wrangler?.stop('SIGTERM', 5_000);
  // KODA_TEST_VERBOSE=1 shows what workerd printed (the app's JSON log lines among them).
  if (process.env.KODA_TEST_VERBOSE) console.log(wrangler?.output());
  await database?.drop();
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

async function participantEmails(): Promise<string[]> {
  const sql = postgres(database.url, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ email: string }[]>`
      select email from registrations where email is not null`;
    return rows.map((row) => row.email);
  } finally {
    await sql.end();
  }
}

describe('the Worker in workerd against Postgres', () => {
  it('answers /healthz from the database', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('gives every answer an X-Request-Id, keeping a sane one the proxy sent', async () => {
    for (const path of ['/', '/no-such-page', '/api/v1/events/no-such-event', '/calendar.ics']) {
      const res = await fetch(`${base}${path}`);
      await res.arrayBuffer();
      expect(res.headers.get('x-request-id'), path).toMatch(/^[0-9a-f-]{36}$/);
    }
    const res = await fetch(`${base}/api/v1/events/no-such-event`, {
      headers: { 'x-request-id': 'edge-abc123' },
    });
    expect(res.headers.get('x-request-id')).toBe('edge-abc123');
    expect(((await res.json()) as { error: { requestId: string } }).error.requestId).toBe(
      'edge-abc123',
    );
  });

  it('serves the home page in Estonian, without participants', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toMatch(/^<!DOCTYPE html><html lang="et">/);
    expect(html).toContain('Mõttekoda Rõuges');
    const emails = await participantEmails();
    expect(emails.length).toBeGreaterThan(0);
    for (const email of emails) expect(html).not.toContain(email);
  });

  it('serves an event page', async () => {
    const res = await fetch(`${base}/events/${KEILA_FORUM}?lang=en`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Keila linna foorum');
    expect(html).toContain('application/ld+json');
  });

  it('answers an unknown page with the HTML 404', async () => {
    const res = await fetch(`${base}/no-such-page`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Lehte ei leitud');
  });

  it('serves the API and its OpenAPI document with the Worker’s PUBLIC_URL', async () => {
    const doc = await fetch(`${base}/api/openapi.json`);
    expect(doc.status).toBe(200);
    const openapi = (await doc.json()) as { openapi: string; servers: { url: string }[] };
    expect(openapi.openapi).toBe('3.1.0');
    expect(openapi.servers[0]?.url).toBe(`${base}/api/v1`);
    const event = await fetch(`${base}/api/v1/events/${KEILA_FORUM}`);
    expect(event.status).toBe(200);
    const body = (await event.json()) as { slug: string; startsAt: string };
    expect(body.slug).toBe(KEILA_FORUM);
    expect(body.startsAt).toMatch(/T18:00:00\+0[23]:00$/);
  });

  it('serves the calendar feed, parseable, with the demo events', async () => {
    const res = await fetch(`${base}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await res.text();
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThan(0);
    const summaries = events.map((event) => String(event.getFirstPropertyValue('summary')));
    expect(summaries.some((summary) => summary.includes('Keila linna foorum'))).toBe(true);
    for (const email of await participantEmails()) expect(text).not.toContain(email);
    // Workers cannot read the zone files: the VTIMEZONE is made from luxon's data instead.
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(
      'Europe/Tallinn',
    );
    expect(text).toMatch(/DTSTART;TZID=Europe\/Tallinn:\d{8}T\d{6}\r\n/);
    expect(text).not.toMatch(/DTSTART:\d{8}T\d{6}Z/);
  });

  it('takes a registration through the Worker and counts the seat in Postgres', async () => {
    const res = await fetch(`${base}/api/v1/events/${KEILA_FORUM}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Töötaja Proov',
        email: 'worker-smoke@koda.test',
        attendance: 'in_person',
        consent: true,
      }),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { status: string; manageUrl?: string };
    // The demo leaves one of twelve seats free. The manage link is only emailed (issue 21 #9).
    expect(body).toEqual({ status: 'confirmed' });
    expect(await participantEmails()).toContain('worker-smoke@koda.test');
    const sql = postgres(database.url, { max: 1, onnotice: () => {} });
    try {
      const [row] = await sql<{ confirmed: number }[]>`
        select count(*)::int as confirmed from registrations r join events e on e.id = r.event_id
        where e.slug = ${KEILA_FORUM} and r.status = 'confirmed' and r.attendance = 'in_person'`;
      expect(row?.confirmed).toBe(12);
      // Its confirmation email waits in the outbox, in the same transaction as the seat.
      const [mail] = await sql<{ n: number }[]>`
        select count(*)::int as n from outbox where recipient = 'worker-smoke@koda.test'`;
      expect(mail?.n).toBe(1);
    } finally {
      await sql.end();
    }
  });

  it('logs an organizer in through the Worker, with the session kept in Postgres', async () => {
    const login = await fetch(`${base}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
      body: new URLSearchParams({
        email: 'korraldaja@koda.example',
        password: 'mottekoda-2014',
      }).toString(),
      redirect: 'manual',
    });
    expect(login.status).toBe(303);
    const cookie = /koda_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
    expect(cookie).toBeDefined();
    const admin = await fetch(`${base}/admin`, {
      headers: { cookie: cookie! },
      redirect: 'manual',
    });
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain('Kadri Korraldaja');
  });

  it('keeps an uploaded document in R2 and serves it back, a range of it too', async () => {
    const login = await fetch(`${base}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
      body: new URLSearchParams({
        email: 'korraldaja@koda.example',
        password: 'mottekoda-2014',
      }).toString(),
      redirect: 'manual',
    });
    const cookie = /koda_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? '';
    const pdf = await pdfSaying('Töötoa kava');
    const form = new FormData();
    form.append('title', 'Töötoa kava');
    form.append('published', 'true');
    form.append('file', new Blob([pdf as Uint8Array<ArrayBuffer>]), 'töötoa kava.pdf');
    const upload = await fetch(`${base}/admin/events/${KEILA_FORUM}/attachments`, {
      method: 'POST',
      headers: { cookie, origin: base },
      body: form,
      redirect: 'manual',
    });
    expect(upload.status, await upload.clone().text()).toBe(303);
    const page = await (await fetch(`${base}/events/${KEILA_FORUM}`)).text();
    const href = /href="(\/files\/\d+\/t%C3%B6%C3%B6toa%20kava\.pdf)"/.exec(page)?.[1];
    expect(href).toBeDefined();
    const download = await fetch(`${base}${href}`);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);
    const part = await fetch(`${base}${href}`, { headers: { range: 'bytes=5-14' } });
    expect(part.status).toBe(206);
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(pdf.subarray(5, 15));

    // A photo is the event's picture; a Worker has no resizer, so its preview is the original.
    const png = new Uint8Array(
      await sharp({ create: { width: 40, height: 30, channels: 3, background: '#246' } })
        .png()
        .toBuffer(),
    );
    const photo = new FormData();
    photo.append('title', 'Töötoa saal');
    photo.append('kind', 'photo');
    photo.append('published', 'true');
    photo.append('file', new Blob([png]), 'saal.png');
    const stored = await fetch(`${base}/admin/events/${KEILA_FORUM}/attachments`, {
      method: 'POST',
      headers: { cookie, origin: base },
      body: photo,
      redirect: 'manual',
    });
    expect(stored.status, await stored.clone().text()).toBe(303);
    const withPicture = await (await fetch(`${base}/events/${KEILA_FORUM}`)).text();
    const src = /<img class="event-image" src="(\/files\/\d+\/preview\?w=640)"/.exec(
      withPicture,
    )?.[1];
    expect(src).toBeDefined();
    const preview = await fetch(`${base}${src}`);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await preview.arrayBuffer())).toEqual(png);
  });

  it('runs the cron jobs', async () => {
    const res = await fetch(
      `${base}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent('*/10 * * * *')}`,
    );
    expect(res.status).toBe(200);
    await wrangler?.waitFor(/"message":"scheduled run finished"[^\n]*"failed":\[\]/, 30_000);
  });
});
