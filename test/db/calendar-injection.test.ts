/**
 * Hardening (issue 21, finding 1; issue 15, iCal): text that reached the database by any path
 * (here written straight into it, past every validator) can never add, end or change a calendar
 * component. Every feed and the confirmation email's .ics, read by ical.js, hold exactly the
 * events they should; every content line ends with CRLF and carries no other control character.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedToken } from '@/calendar/tokens';
import {
  actionItems,
  actionPlans,
  agendaItems,
  eventHosts,
  events,
  municipalities,
  outbox,
  recordings,
  registrations,
} from '@/platform/db/schema';
import { eq } from 'drizzle-orm';
import { TEST_NOW } from '../helpers/app';
import { createTestContext, type TestContext } from '../helpers/app';
import { body, register } from './registrations-fixtures';

let ctx: TestContext;
const DAY = 24 * 60 * 60 * 1000;

/** What a hostile title tries: close the line, add a VEVENT with another event's UID, go on. */
function hostile(victimUid: string, tag: string): string {
  return (
    `${tag} koosolek\r\nBEGIN:VEVENT\r\nUID:${victimUid}\r\nDTSTAMP:20260101T000000Z\r\n` +
    `DTSTART:20270101T100000Z\r\nSUMMARY:Süstitud\r\nEND:VEVENT\r\nX-KODA-TAIL:saba` +
    // A lone CR, a lone LF, NEL, LS, vertical tab, escape, DEL, C1 and iCal's own specials.
    `\rüks\ntwo\u0085kolm\u2028neli\u000b\u001b[31m\u007f\u009b;,\\ lõpp`
  );
}

let victim: { id: number; slug: string };
let target: { id: number; slug: string };
let planId = 0;
let itemId = 0;
let personalToken = '';
let victimUid = '';
const municipalitySlug = 'ryndaja';

async function insertMunicipality(slug: string, name: string): Promise<number> {
  const [row] = await ctx.deps.db
    .insert(municipalities)
    .values({ slug, name, kind: 'parish' })
    .returning({ id: municipalities.id });
  if (!row) throw new Error('no municipality');
  return row.id;
}

beforeAll(async () => {
  ctx = await createTestContext({ config: { MAIL_FROM: 'Koda <koda@koda.test>' } });
  const now = ctx.clock.now().getTime();
  const innocentHost = await insertMunicipality('viisakas', 'Viisakas vald');
  const [innocent] = await ctx.deps.db
    .insert(events)
    .values({
      slug: 'viisakas-foorum',
      kind: 'forum',
      status: 'published',
      title: 'Viisakas foorum',
      updatedAt: new Date('2026-11-20T08:30:00Z'),
      startsAt: new Date(now + 20 * DAY),
      endsAt: new Date(now + 20 * DAY + 2 * 3600_000),
      timezone: 'Europe/Tallinn',
    })
    .returning({ id: events.id, slug: events.slug });
  if (!innocent) throw new Error('no event');
  victim = innocent;
  await ctx.deps.db.insert(eventHosts).values({ eventId: victim.id, municipalityId: innocentHost });
  victimUid = `event-${victim.id}@koda.test`;

  const evilHost = await insertMunicipality(municipalitySlug, hostile(victimUid, 'Vald'));
  const [row] = await ctx.deps.db
    .insert(events)
    .values({
      slug: 'ryndaja-foorum',
      kind: 'think_tank',
      status: 'published',
      title: hostile(victimUid, 'Pealkiri'),
      summary: hostile(victimUid, 'Kokkuvõte'),
      startsAt: new Date(now + 9 * DAY),
      endsAt: new Date(now + 9 * DAY + 3 * 3600_000),
      timezone: 'Europe/Tallinn',
      venueName: hostile(victimUid, 'Koht'),
      venueAddress: hostile(victimUid, 'Aadress'),
      onlineUrl: 'https://stream.example/ryndaja',
    })
    .returning({ id: events.id, slug: events.slug });
  if (!row) throw new Error('no event');
  target = row;
  await ctx.deps.db.insert(eventHosts).values({ eventId: target.id, municipalityId: evilHost });
  await ctx.deps.db.insert(agendaItems).values({
    eventId: target.id,
    position: 0,
    startsAt: new Date(now + 9 * DAY),
    endsAt: new Date(now + 9 * DAY + 3600_000),
    title: hostile(victimUid, 'Päevakord'),
    kind: 'talk',
    speakers: [hostile(victimUid, 'Esineja')],
    room: hostile(victimUid, 'Ruum'),
  });

  // A participant's personal feed holds the hostile event.
  await ctx.deps.db.insert(registrations).values({
    eventId: target.id,
    name: 'Mari',
    email: 'mari@example.ee',
    attendance: 'online',
    status: 'confirmed',
    manageTokenHash: 'not-a-real-hash',
    consentAt: new Date(now),
  });
  personalToken = await createFeedToken(ctx.deps.db, 'mari@example.ee');

  const [plan] = await ctx.deps.db
    .insert(actionPlans)
    .values({
      municipalityId: evilHost,
      title: hostile(`plan-item-1@koda.test`, 'Kava'),
      periodStart: '2027-01-01',
      periodEnd: '2027-12-31',
      status: 'adopted',
    })
    .returning({ id: actionPlans.id });
  if (!plan) throw new Error('no plan');
  planId = plan.id;
  const [item] = await ctx.deps.db
    .insert(actionItems)
    .values({
      planId,
      position: 0,
      title: hostile(`plan-item-999@koda.test`, 'Tegevus'),
      responsible: hostile(`plan-item-999@koda.test`, 'Vastutaja'),
      dueDate: '2027-06-30',
    })
    .returning({ id: actionItems.id });
  if (!item) throw new Error('no item');
  itemId = item.id;
});
afterAll(() => ctx.close());

/** The raw text obeys RFC 5545's line rules; ical.js reads it; the VEVENTs' UIDs, in order. */
function readCalendar(text: string): { root: ICAL.Component; uids: string[] } {
  // Every CR starts a CRLF, every LF ends one, and no other control character but HTAB is there.
  expect(text).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
  // eslint-disable-next-line no-control-regex
  expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/);
  expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  const root = new ICAL.Component(ICAL.parse(text));
  expect(root.name).toBe('vcalendar');
  // One calendar, its own properties once each.
  for (const name of ['name', 'x-wr-calname', 'prodid', 'method']) {
    expect(root.getAllProperties(name).length, name).toBeLessThanOrEqual(1);
  }
  const vevents = root.getAllSubcomponents('vevent');
  for (const vevent of vevents) {
    expect(vevent.getAllSubcomponents().length).toBe(0);
    for (const name of ['summary', 'location', 'uid', 'dtstamp', 'organizer']) {
      expect(vevent.getAllProperties(name).length, name).toBeLessThanOrEqual(1);
    }
    const summary = String(vevent.getFirstPropertyValue('summary'));
    expect(summary).not.toMatch(/[\r\n]/);
  }
  return { root, uids: vevents.map((vevent) => String(vevent.getFirstPropertyValue('uid'))) };
}

async function feedText(path: string): Promise<string> {
  const res = await ctx.app.request(path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
  return res.text();
}

describe('hostile text written straight into the database', () => {
  it('adds no VEVENT to the event feed, and its title stays text', async () => {
    const { root, uids } = readCalendar(await feedText(`/events/${target.slug}/calendar.ics`));
    expect(uids).toEqual([`event-${target.id}@koda.test`]);
    const name = String(root.getFirstPropertyValue('x-wr-calname'));
    expect(name).toContain('BEGIN:VEVENT');
    expect(name).not.toMatch(/[\r\n]/);
    const vevent = root.getFirstSubcomponent('vevent');
    const summary = String(vevent?.getFirstPropertyValue('summary'));
    expect(summary).toContain('Pealkiri koosolek BEGIN:VEVENT UID:');
    expect(summary).toContain(';,\\ lõpp');
    expect(String(vevent?.getFirstPropertyValue('location'))).toContain('Koht koosolek');
    expect(String(vevent?.getFirstPropertyValue('description'))).toContain('Päevakord koosolek');
  });

  it('adds no VEVENT to the collection feeds (all, municipality) nor the personal feed', async () => {
    const all = readCalendar(await feedText('/calendar.ics'));
    expect([...all.uids].sort()).toEqual([`event-${target.id}@koda.test`, victimUid].sort());
    const municipality = readCalendar(
      await feedText(`/municipalities/${municipalitySlug}/calendar.ics`),
    );
    expect(municipality.uids).toEqual([`event-${target.id}@koda.test`]);
    expect(String(municipality.root.getFirstPropertyValue('x-wr-calname'))).toContain(
      'Vald koosolek BEGIN:VEVENT',
    );
    const personal = readCalendar(await feedText(`/feeds/${personalToken}/calendar.ics`));
    expect(personal.uids).toEqual([`event-${target.id}@koda.test`]);
  });

  it('adds no VEVENT to the plan calendar', async () => {
    const { root, uids } = readCalendar(await feedText(`/plans/${planId}/calendar.ics`));
    expect(uids).toEqual([`plan-item-${itemId}@koda.test`]);
    expect(String(root.getFirstPropertyValue('x-wr-calname'))).toContain('Kava koosolek');
  });

  it('adds no VEVENT to the .ics attached to the confirmation email', async () => {
    const payload = body({ attendance: 'online' });
    const res = await register(ctx, target.slug, payload);
    expect(res.status).toBeLessThan(300);
    const [mail] = await ctx.deps.db
      .select()
      .from(outbox)
      .where(eq(outbox.recipient, String(payload.email)));
    const ics = mail?.attachments.find((file) => file.contentType.startsWith('text/calendar'));
    expect(ics).toBeDefined();
    const { uids } = readCalendar(ics?.content ?? '');
    expect(uids).toEqual([`event-${target.id}@koda.test`]);
  });
});

describe('what a published VEVENT says of itself (issue 15, iCal)', () => {
  it('names its host as ORGANIZER at a no-reply address of MAIL_FROM’s domain', async () => {
    const { root } = readCalendar(await feedText(`/events/${victim.slug}/calendar.ics`));
    const organizer = root.getFirstSubcomponent('vevent')?.getFirstProperty('organizer');
    expect(organizer?.getFirstValue()).toBe('mailto:no-reply@koda.test');
    expect(organizer?.getParameter('cn')).toBe('Viisakas vald');
    // A hostile host name stays one quoted parameter.
    const evil = readCalendar(await feedText(`/events/${target.slug}/calendar.ics`));
    const cn = evil.root.getFirstSubcomponent('vevent')?.getFirstProperty('organizer');
    expect(cn?.getFirstValue()).toBe('mailto:no-reply@koda.test');
    expect(String(cn?.getParameter('cn'))).toContain('Vald koosolek BEGIN:VEVENT');
  });

  it('stamps DTSTAMP with the time its content changed: the same bytes and ETag on every request until it changes', async () => {
    const path = `/events/${victim.slug}/calendar.ics`;
    const first = await ctx.app.request(path);
    const firstText = await first.text();
    const stamp = (text: string) =>
      readCalendar(text).root.getFirstSubcomponent('vevent')?.getFirstProperty('dtstamp');
    expect(stamp(firstText)?.toICALString()).toBe('DTSTAMP:20261120T083000Z');
    ctx.clock.set(new Date(new Date(TEST_NOW).getTime() + 3 * 3600_000));
    try {
      const again = await ctx.app.request(path);
      expect(await again.text()).toBe(firstText);
      expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
      const revalidated = await ctx.app.request(path, {
        headers: { 'if-none-match': first.headers.get('etag') ?? '' },
      });
      expect(revalidated.status).toBe(304);
      // An edit is a new version of the VEVENT: a later DTSTAMP, a new ETag.
      await ctx.deps.db
        .update(events)
        .set({ title: 'Viisakas foorum (uus)', updatedAt: new Date('2026-11-26T13:00:00Z') })
        .where(eq(events.id, victim.id));
      const edited = await ctx.app.request(path);
      expect(stamp(await edited.text())?.toICALString()).toBe('DTSTAMP:20261126T130000Z');
      expect(edited.headers.get('etag')).not.toBe(first.headers.get('etag'));
      // A published recording changes what the VEVENT shows (after the event) without an edit of
      // the event row: DTSTAMP follows the content, not the row's updatedAt.
      await ctx.deps.db.insert(recordings).values({
        eventId: victim.id,
        title: 'Salvestus',
        sourceUrl: 'https://video.example/viisakas.mp4',
        provider: 'file',
        updatedAt: new Date('2026-11-26T14:00:00Z'),
      });
      const recorded = await ctx.app.request(path);
      expect(stamp(await recorded.text())?.toICALString()).toBe('DTSTAMP:20261126T140000Z');
    } finally {
      ctx.clock.set(TEST_NOW);
    }
  });
});
