import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { agendaItems, registrations } from '@/platform/db/schema';
import { languages, type Lang } from '@/platform/i18n';
import { createTestContext, type TestContext } from '../helpers/app';
import { sessionFor } from '../helpers/auth';
import { expectOnlyIn, expectRefusedFormIn } from '../helpers/form-language';
import { postForm } from '../helpers/session';
import { body, freshAddress, makeEvent, registered } from './registrations-fixtures';

/**
 * Every HTML form of events, registrations and recordings, refused, in each language: the
 * page says what to correct in that language only, never a validator's English or an
 * internal value (issue 13).
 */
let ctx: TestContext;
let keila: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true, config: { TRUST_PROXY: 'true' } });
  keila = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
});
afterAll(() => ctx.close());

const LANGS: Lang[] = [...languages];
const withLang = (path: string, lang: Lang) =>
  `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;

/** A form post as a person in `lang` sends it (organizer pages: signed in as the organizer). */
async function send(
  path: string,
  lang: Lang,
  fields: Record<string, string | string[]>,
  cookie?: string,
) {
  const res = await postForm(ctx, withLang(path, lang), fields, {
    ...freshAddress(),
    ...(cookie ? { cookie } : {}),
  });
  return { status: res.status, html: await res.text() };
}

async function manageToken(slug: string, overrides: Record<string, unknown> = {}) {
  const { manageUrl } = await registered(ctx, slug, body(overrides));
  return manageUrl.split('/').pop() as string;
}

describe.each(LANGS)('refused forms in %s', (lang) => {
  it('public registration form', async () => {
    const event = await makeEvent(ctx);
    const { status, html } = await send(`/events/${event.slug}/register`, lang, {
      name: ' ',
      email: 'vale',
      attendance: 'teleport',
    });
    expect(status).toBe(422);
    expectRefusedFormIn(html, lang, [
      'validation.required',
      'validation.email',
      'validation.choice',
      'registration.error.consent',
    ]);
    expect(html).toContain('value="vale"');
  });

  it('manage page: attendance, cancel and feed', async () => {
    const event = await makeEvent(ctx, { capacity: 1, waitlist: false });
    await manageToken(event.slug, { attendance: 'in_person' });
    const token = await manageToken(event.slug, { attendance: 'online' });
    const full = await send(`/registrations/${token}/attendance`, lang, {
      attendance: 'in_person',
    });
    expect(full.status).toBe(409);
    expectRefusedFormIn(full.html, lang, ['errors.event_full']);
    const bogus = await send(`/registrations/${token}/attendance`, lang, { attendance: 'mars' });
    expect(bogus.status).toBe(422);
    expectRefusedFormIn(bogus.html, lang, ['validation.choice']);
    // Cancel and feed of an address that is no registration: a page of its own, in the language.
    const unknown = 'x'.repeat(43);
    for (const action of ['cancel', 'feed']) {
      const res = await send(`/registrations/${unknown}/${action}`, lang, {});
      expect(res.status).toBe(404);
      expectOnlyIn(res.html, lang, ['errors.not_found']);
    }
  });

  it('organizer event form: new and edit', async () => {
    const created = await send(
      '/admin/events/new',
      lang,
      {
        kind: 'think_tank',
        title: '',
        startsAt: '2027-02-10T17:00',
        endsAt: 'homme',
        timezone: 'Mars/Olympus',
        capacity: '-1',
        onlineUrl: 'ftp://example.org/x',
      },
      keila,
    );
    expect(created.status).toBe(422);
    expectRefusedFormIn(created.html, lang, [
      'validation.required',
      'validation.dateTime',
      'event.error.timezone',
      'event.error.hosts',
      ['validation.tooSmall', { limit: 0 }],
      'validation.url',
    ]);
    const order = await send(
      '/admin/events/new',
      lang,
      {
        kind: 'forum',
        title: 'Järjekord',
        hosts: 'keila',
        startsAt: '2027-02-10T17:00',
        endsAt: '2027-02-10T16:00',
        registrationOpensAt: '2027-02-01T10:00',
        registrationClosesAt: '2027-01-01T10:00',
      },
      keila,
    );
    expect(order.status).toBe(422);
    expectRefusedFormIn(order.html, lang, [
      'event.error.endBeforeStart',
      'event.error.closesBeforeOpens',
    ]);
    const event = await makeEvent(ctx);
    const edited = await send(
      `/admin/events/${event.slug}`,
      lang,
      {
        kind: 'teleconference',
        title: event.title,
        hosts: ['keila', 'tartu'],
        startsAt: '2026-12-05T14:00',
        endsAt: '2026-12-05T17:00',
        registrationClosesAt: '2026-12-05T18:00',
      },
      keila,
    );
    expect(edited.status).toBe(422);
    expectRefusedFormIn(edited.html, lang, ['validation.choice']);
    const late = await send(
      `/admin/events/${event.slug}`,
      lang,
      {
        kind: 'forum',
        title: event.title,
        hosts: ['keila', 'tartu'],
        startsAt: '2026-12-05T14:00',
        endsAt: '2026-12-05T17:00',
        registrationClosesAt: '2026-12-05T18:00',
      },
      keila,
    );
    expect(late.status).toBe(422);
    expectRefusedFormIn(late.html, lang, ['event.error.closesAfterEnd']);
    const hosts = await send(
      `/admin/events/${event.slug}`,
      lang,
      {
        kind: 'forum',
        title: event.title,
        hosts: ['keila', 'tartu'],
        startsAt: '2026-12-05T14:00',
        endsAt: '2026-12-05T17:00',
      },
      keila,
    );
    expect(hosts.status).toBe(422);
    expectRefusedFormIn(hosts.html, lang, [['event.error.hostNotYours', { name: 'Tartu linn' }]]);
  });

  it('status change and copy', async () => {
    const event = await makeEvent(ctx);
    const path = `/admin/events/${event.slug}`;
    const noReason = await send(`${path}/status`, lang, { status: 'cancelled' }, keila);
    expect(noReason.status).toBe(422);
    expectRefusedFormIn(noReason.html, lang, ['event.error.cancelReason']);
    const bogus = await send(`${path}/status`, lang, { status: 'archived' }, keila);
    expect(bogus.status).toBe(422);
    expectRefusedFormIn(bogus.html, lang, ['validation.choice']);
    const skipped = await send(`${path}/copy`, lang, { startsAt: '2027-03-28T03:30' }, keila);
    expect(skipped.status).toBe(422);
    expectRefusedFormIn(skipped.html, lang, [
      ['event.error.invalidTime', { zone: 'Europe/Tallinn' }],
    ]);
    const empty = await send(`${path}/copy`, lang, { startsAt: '' }, keila);
    expect(empty.status).toBe(422);
    expectRefusedFormIn(empty.html, lang, ['validation.required']);
  });

  it('agenda editor', async () => {
    const event = await makeEvent(ctx);
    const { status, html } = await send(
      `/admin/events/${event.slug}/agenda`,
      lang,
      {
        'items.0.startsAt': '2026-12-05T14:00',
        'items.0.endsAt': '2026-12-05T14:30',
        'items.0.title': 'Avamine',
        'items.0.kind': 'talk',
        'items.1.startsAt': '2026-12-05T14:15',
        'items.1.endsAt': '2026-12-05T14:45',
        'items.1.title': 'Arutelu',
        'items.1.kind': 'discussion',
        'items.2.startsAt': '2026-12-05T20:00',
        'items.2.endsAt': '2026-12-05T20:30',
        'items.2.title': 'Hiline',
        'items.2.kind': 'talk',
      },
      keila,
    );
    expect(status).toBe(422);
    expectRefusedFormIn(html, lang, [
      ['event.error.agendaOverlap', { n: 1, title: 'Avamine' }],
      'event.error.agendaOutside',
    ]);
    const invalid = await send(
      `/admin/events/${event.slug}/agenda`,
      lang,
      {
        'items.0.startsAt': '2026-12-05T14:00',
        'items.0.endsAt': '2026-12-05T13:30',
        'items.0.title': 'Tagurpidi',
        'items.0.kind': 'talk',
        'items.1.startsAt': '2026-12-05T15:00',
        'items.1.endsAt': '2026-12-05T15:30',
        'items.1.title': '',
        'items.1.kind': 'lecture',
      },
      keila,
    );
    expect(invalid.status).toBe(422);
    expectRefusedFormIn(invalid.html, lang, ['validation.required', 'validation.choice']);
    const order = await send(
      `/admin/events/${event.slug}/agenda`,
      lang,
      {
        'items.0.startsAt': '2026-12-05T14:00',
        'items.0.endsAt': '2026-12-05T13:30',
        'items.0.title': 'Tagurpidi',
        'items.0.kind': 'talk',
      },
      keila,
    );
    expectRefusedFormIn(order.html, lang, ['event.error.endBeforeStart']);
  });

  it('registrations page: promote, cancel and messages', async () => {
    const event = await makeEvent(ctx, { capacity: 1 });
    await manageToken(event.slug);
    await manageToken(event.slug);
    const [first, second] = await ctx.deps.db
      .select()
      .from(registrations)
      .where(eq(registrations.eventId, event.id))
      .orderBy(registrations.id);
    const base = `/admin/events/${event.slug}/registrations`;
    const noSeat = await send(`${base}/${second?.id}/promote`, lang, {}, keila);
    expect(noSeat.status).toBe(409);
    expectRefusedFormIn(noSeat.html, lang, ['registration.admin.error.noSeat']);
    const confirmed = await send(`${base}/${first?.id}/promote`, lang, {}, keila);
    expect(confirmed.status).toBe(409);
    expectRefusedFormIn(confirmed.html, lang, ['errors.not_waitlisted']);
    const elsewhere = await send(`${base}/999999/cancel`, lang, {}, keila);
    expect(elsewhere.status).toBe(404);
    expectOnlyIn(elsewhere.html, lang, ['errors.not_found']);
    const messages = `/admin/events/${event.slug}/messages`;
    const empty = await send(
      messages,
      lang,
      { audience: 'everyone-ever', subject: 'Üks\nkaks', body: ' ' },
      keila,
    );
    expect(empty.status).toBe(422);
    expectRefusedFormIn(empty.html, lang, [
      'registration.message.error.audience',
      'registration.message.error.subject',
      'registration.message.error.body',
    ]);
    const nobody = await send(
      messages,
      lang,
      { audience: 'attended', subject: 'Aitäh', body: 'Tere!' },
      keila,
    );
    expect(nobody.status).toBe(422);
    expectRefusedFormIn(nobody.html, lang, ['registration.message.error.nobody']);
  });

  it('check-in page', async () => {
    const event = await makeEvent(ctx, { capacity: 1 });
    await manageToken(event.slug);
    await manageToken(event.slug);
    const [first, waiting] = await ctx.deps.db
      .select()
      .from(registrations)
      .where(eq(registrations.eventId, event.id))
      .orderBy(registrations.id);
    const base = `/admin/events/${event.slug}/registrations`;
    const refused = await send(`${base}/${waiting?.id}/check-in`, lang, { arrived: 'yes' }, keila);
    expect(refused.status).toBe(409);
    expectRefusedFormIn(refused.html, lang, ['errors.not_confirmed']);
    const bogus = await send(`${base}/${first?.id}/check-in`, lang, { arrived: 'maybe' }, keila);
    expect(bogus.status).toBe(422);
    expectRefusedFormIn(bogus.html, lang, ['validation.choice']);
  });

  it('recordings and chapters', async () => {
    const event = await makeEvent(ctx);
    const other = await makeEvent(ctx);
    const [foreign] = await ctx.deps.db
      .insert(agendaItems)
      .values({
        eventId: other.id,
        position: 0,
        startsAt: other.startsAt,
        endsAt: other.endsAt,
        title: 'Mujal',
        kind: 'talk',
      })
      .returning();
    await ctx.deps.db.insert(agendaItems).values({
      eventId: event.id,
      position: 0,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      title: 'Siin',
      kind: 'talk',
    });
    const base = `/admin/events/${event.slug}/recordings`;
    const bad = await send(
      base,
      lang,
      {
        url: 'javascript:alert(1)',
        duration: 'pikk',
        language: 'Eesti',
        captionsUrl: 'pole url',
        chapters: '0:00 Algus\nvale rida',
      },
      keila,
    );
    expect(bad.status).toBe(422);
    expectRefusedFormIn(bad.html, lang, [
      'validation.url',
      'recordings.error.duration',
      'recordings.error.language',
      ['recordings.admin.badLines', { lines: '2' }],
    ]);
    const made = await send(
      base,
      lang,
      { url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', published: 'on' },
      keila,
    );
    expect(made.status).toBe(303);
    const list = await (
      await ctx.app.request(withLang(base, lang), { headers: { cookie: keila } })
    ).text();
    const id = /recordings\/(\d+)\/move/.exec(list)?.[1] ?? /recordings\/(\d+)"/.exec(list)?.[1];
    expect(id).toBeDefined();
    const edited = await send(
      `${base}/${id}`,
      lang,
      {
        url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
        agendaItemId: String(foreign?.id),
        duration: '10:00',
        chapters: '0:00 Algus\n20:00 Pärast lõppu',
      },
      keila,
    );
    expect(edited.status).toBe(422);
    expectRefusedFormIn(edited.html, lang, [
      'recordings.error.agendaItem',
      ['recordings.error.chapterBeyond', { n: 2, duration: '10:00' }],
    ]);
    const moved = await send(`${base}/${id}/move`, lang, { direction: 'sideways' }, keila);
    expect(moved.status).toBe(422);
    expectRefusedFormIn(moved.html, lang, ['validation.choice']);
    const start = await send(
      `${base}/${id}/chapters-from-agenda`,
      lang,
      { startsAt: 'eile' },
      keila,
    );
    expect(start.status).toBe(422);
    expectRefusedFormIn(start.html, lang, ['validation.dateTime']);
  });
});
