import { and, eq } from 'drizzle-orm';
import type { Logger } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDashboard } from '@/dashboard/load';
import type { CurrentUser } from '@/platform/auth/auth';
import {
  actionItems,
  actionPlans,
  eventHosts,
  events,
  municipalities,
  outbox,
  outcomes,
  recordings,
  registrations,
} from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';
import { loginCookie, makeUser } from '../helpers/session';
import { makeEvent } from './registrations-fixtures';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

let ctx: TestContext;
let adminCookie: string;
let keilaCookie: string;
let now: number;
let tokens = 0;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  now = ctx.clock.now().getTime();
  const admin = await makeUser(ctx, { role: 'admin' });
  const keila = await makeUser(ctx, { role: 'organizer', municipalities: ['keila'] });
  adminCookie = await loginCookie(ctx, admin.email, admin.password);
  keilaCookie = await loginCookie(ctx, keila.email, keila.password);
});
afterAll(() => ctx.close());

const dashboard = async (cookie: string, query = '') => {
  const res = await ctx.app.request(`/admin${query}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return res.text();
};

/** The part of the page from the heading that starts with `heading` to the next h2. */
function section(html: string, heading: string): string {
  const start = html.indexOf(`<h2>${heading}`);
  expect(start, `no section "${heading}"`).toBeGreaterThanOrEqual(0);
  const end = html.indexOf('<h2>', start + 4);
  return html.slice(start, end === -1 ? undefined : end);
}

/** The list item that links to `href`. */
function itemLinking(html: string, href: string): string {
  const at = html.indexOf(`href="${href}"`);
  expect(at, `no link to ${href}`).toBeGreaterThanOrEqual(0);
  const start = html.lastIndexOf('<li>', at);
  return html.slice(start, html.indexOf('</li>', at));
}

async function addRegistration(
  eventId: number,
  status: 'confirmed' | 'waitlisted' | 'cancelled',
  attendance: 'in_person' | 'online' = 'in_person',
) {
  const n = ++tokens;
  await ctx.deps.db.insert(registrations).values({
    eventId,
    name: `Salajane Osaleja ${n}`,
    email: `salajane${n}@example.ee`,
    attendance,
    status,
    manageTokenHash: `dashboard-test-${n}`,
    consentAt: new Date(now - DAY),
  });
}

async function municipalityId(slug: string): Promise<number> {
  const [row] = await ctx.deps.db
    .select({ id: municipalities.id })
    .from(municipalities)
    .where(eq(municipalities.slug, slug));
  if (!row) throw new Error(`no municipality ${slug}`);
  return row.id;
}

describe('coming up', () => {
  it("shows an organizer their municipality's events with counts and warnings, not others'", async () => {
    // The demo's Keila forum (in 9 days) has 11 of 12 seats taken: fill it and start a waitlist.
    const [forum] = await ctx.deps.db
      .select()
      .from(events)
      .where(eq(events.slug, 'naidis-keila-linna-foorum-kaasav-eelarve'));
    if (!forum) throw new Error('the demo forum is missing');
    await addRegistration(forum.id, 'confirmed');
    await addRegistration(forum.id, 'waitlisted');
    await addRegistration(forum.id, 'waitlisted');
    await addRegistration(forum.id, 'cancelled');
    await addRegistration(forum.id, 'confirmed', 'online');
    // A draft without an agenda, and a published one whose registration closes in two days.
    const draft = await makeEvent(ctx, {
      title: 'Keila mustand ilma päevakavata',
      status: 'draft',
      startsAt: new Date(now + 5 * DAY),
      endsAt: new Date(now + 5 * DAY + 2 * HOUR),
      registrationClosesAt: new Date(now + 2 * DAY),
    });
    const closing = await makeEvent(ctx, {
      title: 'Keila foorum, registreerimine sulgub',
      startsAt: new Date(now + 4 * DAY),
      endsAt: new Date(now + 4 * DAY + 2 * HOUR),
      registrationClosesAt: new Date(now + 2 * DAY),
    });
    // Beyond 30 days: not coming up yet. Another municipality's: not this organizer's.
    await makeEvent(ctx, {
      title: 'Keila kaugel tulevikus',
      startsAt: new Date(now + 40 * DAY),
      endsAt: new Date(now + 40 * DAY + 2 * HOUR),
    });
    await makeEvent(
      ctx,
      {
        title: 'Rõuge lähiajal',
        startsAt: new Date(now + 3 * DAY),
        endsAt: new Date(now + 3 * DAY + 2 * HOUR),
      },
      'rouge',
    );

    const html = await dashboard(keilaCookie);
    const upcoming = section(html, 'Tulemas');
    // By start: the draft (5 days) after the closing one (4 days), the forum (9 days) last.
    const order = [closing.slug, draft.slug, forum.slug].map((slug) =>
      upcoming.indexOf(`href="/admin/events/${slug}"`),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(upcoming).not.toContain('Keila kaugel tulevikus');
    expect(upcoming).not.toContain('Rõuge');
    expect(html).not.toContain('Rõuge lähiajal');

    const forumItem = itemLinking(upcoming, `/admin/events/${forum.slug}`);
    expect(forumItem).toContain(`href="/admin/events/${forum.slug}/registrations"`);
    expect(forumItem).toContain('kinnitatud kohapeal 12 / 12');
    expect(forumItem).toContain('veebis 1');
    expect(forumItem).toContain('ootenimekirjas 2');
    expect(forumItem).toContain('täis, ootajad järjekorras');
    expect(forumItem).not.toContain('päevakava puudub');
    expect(forumItem).not.toContain('registreerimine sulgub');

    const draftItem = itemLinking(upcoming, `/admin/events/${draft.slug}`);
    expect(draftItem).toContain('mustand, avaldamata');
    expect(draftItem).toContain('päevakava puudub');
    expect(draftItem).not.toContain('registreerimine sulgub');
    expect(draftItem).toContain('kinnitatud kohapeal 0 / 10');

    const closingItem = itemLinking(upcoming, `/admin/events/${closing.slug}`);
    expect(closingItem).toContain('registreerimine sulgub 3 päeva jooksul');
    expect(closingItem).toContain('päevakava puudub');
    expect(closingItem).not.toContain('mustand');
    expect(closingItem).not.toContain('täis');
    // Times in the event's zone (Tallinn, UTC+2 in November).
    const start = new Date(now + 4 * DAY);
    expect(closingItem).toContain(`kell ${start.getUTCHours() + 2}.00`);

    // Counts only: nobody's name or email.
    expect(html).not.toContain('Salajane');
    expect(html).not.toContain('Näidis Osaleja');
    expect(html).not.toContain('@example.ee');
  });
});

describe('waiting for what came of it', () => {
  it('lists an event that ended 10 days ago until it has a published outcome note', async () => {
    const ended = await makeEvent(ctx, {
      title: 'Keila foorum, mis lõppes',
      startsAt: new Date(now - 10 * DAY - 3 * HOUR),
      endsAt: new Date(now - 10 * DAY),
      registrationClosesAt: null,
    });
    const older = await makeEvent(ctx, {
      title: 'Keila foorum ammu',
      startsAt: new Date(now - 70 * DAY - 3 * HOUR),
      endsAt: new Date(now - 70 * DAY),
      registrationClosesAt: null,
    });
    const rouge = await makeEvent(
      ctx,
      {
        title: 'Rõuge foorum, mis lõppes',
        startsAt: new Date(now - 5 * DAY - 3 * HOUR),
        endsAt: new Date(now - 5 * DAY),
        registrationClosesAt: null,
      },
      'rouge',
    );
    let awaiting = section(await dashboard(keilaCookie), 'Ootab tulemusi');
    let item = itemLinking(awaiting, `/admin/events/${ended.slug}`);
    expect(item).toContain(`href="/admin/events/${ended.slug}/recordings"`);
    expect(item).toContain(`href="/admin/events/${ended.slug}/outcomes"`);
    expect(awaiting).not.toContain(older.slug);
    expect(awaiting).not.toContain(rouge.slug);
    expect(section(await dashboard(adminCookie), 'Ootab tulemusi')).toContain(rouge.slug);

    const db = ctx.deps.db;
    await db.insert(recordings).values({
      eventId: ended.id,
      title: 'Salvestis',
      sourceUrl: 'https://example.org/video.mp4',
      provider: 'file',
      published: true,
    });
    // A draft note does not count.
    const [note] = await db
      .insert(outcomes)
      .values({ eventId: ended.id, kind: 'minutes', title: 'Kokkuvõte', body: 'Tekst' })
      .returning();
    awaiting = section(await dashboard(keilaCookie), 'Ootab tulemusi');
    item = itemLinking(awaiting, `/admin/events/${ended.slug}`);
    // The recordings stay a click away (their chapters and captions two), no longer as missing.
    expect(item).toContain(`href="/admin/events/${ended.slug}/recordings">Salvestised</a>`);
    expect(item).not.toContain('salvestis avaldamata');
    expect(item).toContain(`href="/admin/events/${ended.slug}/outcomes"`);

    await db.update(outcomes).set({ published: true }).where(eq(outcomes.id, note!.id));
    awaiting = section(await dashboard(keilaCookie), 'Ootab tulemusi');
    expect(awaiting).not.toContain(ended.slug);
  });
});

describe('within two clicks of the dashboard', () => {
  /** The /admin pages and form actions a page links to (POST actions count: a button is a click). */
  const links = (html: string) =>
    [...html.matchAll(/(?:href|action)="(\/admin[^"?#]*)/g)].map((match) => match[1] as string);

  it('an organizer reaches every action on a recent event, and on plans and their account', async () => {
    const db = ctx.deps.db;
    const ended = await makeEvent(ctx, {
      title: 'Keila foorum kahe klõpsu kaugusel',
      startsAt: new Date(now - 3 * DAY - 3 * HOUR),
      endsAt: new Date(now - 3 * DAY),
      registrationClosesAt: null,
    });
    const [recording] = await db
      .insert(recordings)
      .values({
        eventId: ended.id,
        title: 'Salvestis',
        sourceUrl: 'https://example.org/video.mp4',
        provider: 'file',
      })
      .returning();
    const upcoming = await makeEvent(ctx, { title: 'Keila foorum tulemas' });
    const seen = new Set<string>();
    let frontier = ['/admin'];
    for (let click = 1; click <= 2; click++) {
      const next: string[] = [];
      for (const path of frontier) {
        const res = await ctx.app.request(path, { headers: { cookie: keilaCookie } });
        if (res.status !== 200 || !res.headers.get('content-type')?.includes('html')) continue;
        for (const link of links(await res.text())) {
          if (seen.has(link)) continue;
          seen.add(link);
          // Only pages are opened for the next click; a form's action is the click itself.
          next.push(link);
        }
      }
      frontier = next.filter((link) => !/\/(logout|copy|status|delete|move|publish)$/.test(link));
    }
    const base = (slug: string) => `/admin/events/${slug}`;
    const wanted = [
      '/admin/events/new',
      '/admin/plans',
      '/admin/outbox',
      '/admin/tokens',
      '/admin/account',
      ...[upcoming.slug, ended.slug].flatMap((slug) => [
        base(slug),
        `${base(slug)}/agenda`,
        `${base(slug)}/registrations`,
        `${base(slug)}/check-in`,
        `${base(slug)}/questions`,
        `${base(slug)}/recordings`,
        `${base(slug)}/outcomes`,
        `${base(slug)}/attachments`,
        `${base(slug)}/feedback`,
        `${base(slug)}/copy`,
        `${base(slug)}/status`,
      ]),
      `${base(ended.slug)}/recordings/${recording!.id}`,
      `${base(ended.slug)}/recordings/${recording!.id}/captions`,
    ];
    expect(wanted.filter((path) => !seen.has(path))).toEqual([]);
  });
});

describe('action plans', () => {
  it('counts the overdue items of a managed plan, today in the plan’s zone', async () => {
    const db = ctx.deps.db;
    const keila = await municipalityId('keila');
    const [plan] = await db
      .select({ id: actionPlans.id })
      .from(actionPlans)
      .where(and(eq(actionPlans.municipalityId, keila), eq(actionPlans.status, 'adopted')));
    if (!plan) throw new Error('no Keila plan');
    // The demo plan: due in 2015–2016, one done, three not → 3 overdue. Add: due yesterday
    // (overdue), due today (not yet), dropped long ago and done long ago (neither counts).
    const item = (title: string, dueDate: string, status: 'planned' | 'dropped' | 'done') => ({
      planId: plan.id,
      position: 100 + tokens++,
      title,
      dueDate,
      status,
    });
    await db
      .insert(actionItems)
      .values([
        item('Eile tähtaeg', '2026-11-25', 'planned'),
        item('Täna tähtaeg', '2026-11-26', 'planned'),
        item('Loobutud', '2020-01-01', 'dropped'),
        item('Tehtud', '2020-01-01', 'done'),
      ]);
    // A draft plan with overdue items shows no count.
    const [draft] = await db
      .insert(actionPlans)
      .values({
        municipalityId: keila,
        title: 'Keila tegevuskava mustand',
        periodStart: '2026-01-01',
        periodEnd: '2027-12-31',
      })
      .returning({ id: actionPlans.id });
    await db.insert(actionItems).values({
      planId: draft!.id,
      position: 0,
      title: 'Mustandi tegevus',
      dueDate: '2026-01-01',
    });

    const plans = section(await dashboard(keilaCookie), 'Tegevuskavad');
    expect(itemLinking(plans, `/admin/plans/${plan.id}`)).toContain('tähtaja ületanud tegevusi: 4');
    expect(itemLinking(plans, `/admin/plans/${draft!.id}`)).not.toContain('tähtaja ületanud');
    const rougePlan = await db
      .select({ id: actionPlans.id })
      .from(actionPlans)
      .where(eq(actionPlans.municipalityId, await municipalityId('rouge')));
    for (const other of rougePlan) expect(plans).not.toContain(`/admin/plans/${other.id}"`);

    // 22:30 UTC is already 00:30 on the 27th in Tallinn: the item due on the 26th is overdue.
    ctx.clock.set('2026-11-26T22:30:00Z');
    try {
      const late = section(await dashboard(keilaCookie), 'Tegevuskavad');
      expect(itemLinking(late, `/admin/plans/${plan.id}`)).toContain(
        'tähtaja ületanud tegevusi: 5',
      );
    } finally {
      ctx.clock.set('2026-11-26T12:00:00Z');
    }
  });
});

describe('the outbox', () => {
  it('shows admins how many emails failed, and organizers nothing of it', async () => {
    const email = (status: 'failed' | 'sent' | 'pending') => ({
      kind: 'test',
      recipient: `vastuvotja${tokens++}@example.ee`,
      subject: 'Proov',
      text: 'Proov',
      status,
    });
    await ctx.deps.db
      .insert(outbox)
      .values([email('failed'), email('failed'), email('sent'), email('pending')]);
    const admin = await dashboard(adminCookie);
    expect(admin).toMatch(
      /<a href="\/admin\/outbox\?status=failed">Saatmine ebaõnnestus: 2 kirja<\/a>/,
    );
    expect(admin).not.toContain('vastuvotja');
    const organizer = await dashboard(keilaCookie);
    expect(organizer).not.toContain('/admin/outbox?status=failed');
    expect(organizer).not.toContain('Saatmine ebaõnnestus');
    expect(organizer).not.toContain('Väljuvad kirjad:');
  });

  it('lets an organizer read the messages about their own events, and no others', async () => {
    const db = ctx.deps.db;
    const eventOf = async (slug: string) => {
      const [host] = await db
        .select({ id: events.id })
        .from(events)
        .innerJoin(eventHosts, eq(eventHosts.eventId, events.id))
        .innerJoin(municipalities, eq(municipalities.id, eventHosts.municipalityId))
        .where(eq(municipalities.slug, slug))
        .limit(1);
      if (!host) throw new Error(`no event of ${slug}`);
      return host.id;
    };
    const keilaEvent = await eventOf('keila');
    const tartuEvent = await eventOf('tartu');
    const mail = (subject: string, eventId: number | null, kind = 'registration.confirmed') => ({
      kind,
      recipient: `${subject.toLowerCase()}@example.ee`,
      subject,
      text: `Tekst ${subject}`,
      eventId,
    });
    await db
      .insert(outbox)
      .values([
        mail('Keilakiri', keilaEvent),
        mail('Tartukiri', tartuEvent),
        mail('Tagasisidekiri', keilaEvent, 'feedback.request'),
        mail('Paroolikiri', null, 'accounts.password_reset'),
      ]);
    const page = async (cookie: string) => {
      const res = await ctx.app.request('/admin/outbox', { headers: { cookie } });
      expect(res.status).toBe(200);
      return res.text();
    };
    const organizer = await page(keilaCookie);
    expect(organizer).toContain('Keilakiri');
    expect(organizer).toContain('Tekst Keilakiri');
    expect(organizer).toContain('Siin on teie korraldatavate sündmuste kirjad');
    // Another municipality's event, a feedback link (it answers in a participant's place) and
    // mail about no event (password resets, follows) stay the admins'.
    for (const other of ['Tartukiri', 'Tagasisidekiri', 'Paroolikiri']) {
      expect(organizer).not.toContain(other);
    }
    const admin = await page(adminCookie);
    for (const subject of ['Keilakiri', 'Tartukiri', 'Tagasisidekiri', 'Paroolikiri']) {
      expect(admin).toContain(subject);
    }
    expect(admin).not.toContain('Siin on teie korraldatavate sündmuste kirjad');
    const anonymous = await ctx.app.request('/admin/outbox');
    expect(anonymous.status).toBe(303);
  });
});

describe('in English', () => {
  it('says it all in English with ?lang=en', async () => {
    const html = await dashboard(keilaCookie, '?lang=en');
    expect(html).toContain('<h2>Coming up: the next 30 days</h2>');
    expect(html).toContain('<h2>Waiting for what came of it: ended in the last 60 days</h2>');
    expect(html).toContain('12 of 12 confirmed in person');
    expect(html).toContain('2 on the waitlist');
    expect(html).toContain('full, people waiting');
    expect(html).toContain('no agenda');
    expect(html).toContain('draft, not published');
    expect(html).toContain('registration closes within 3 days');
    expect(html).toContain('overdue items: 4');
    expect(html).toContain('Saturday 5 December 2026, 18:00–21:00');
    expect(html).not.toContain('Tulemas');
    expect(html).not.toContain('tähtaja ületanud');
    const admin = await dashboard(adminCookie, '?lang=en');
    expect(admin).toContain('Failed to send: 2 emails');
  });
});

describe('its queries', () => {
  it('asks the database eight times for an organizer (nine for an admin), whatever the number of events', async () => {
    // An organizer with events coming up and one ended without results: every query runs.
    await makeEvent(ctx, {
      title: 'Keila foorum, tulemusteta',
      startsAt: new Date(now - 2 * DAY - 3 * HOUR),
      endsAt: new Date(now - 2 * DAY),
      registrationClosesAt: null,
    });
    const keila: CurrentUser = {
      id: 1,
      email: 'keila@koda.test',
      name: 'Keila',
      role: 'organizer',
      municipalityIds: [await municipalityId('keila')],
      via: 'session',
    };
    // Drizzle hands each query to the session's logger: counting them there counts what runs.
    const session = (ctx.deps.db as unknown as { session: { logger: Logger } }).session;
    const before = session.logger;
    const queries: string[] = [];
    session.logger = { logQuery: (query) => queries.push(query) };
    let board;
    try {
      board = await loadDashboard(ctx.deps.db, keila, ctx.clock.now());
    } finally {
      session.logger = before;
    }
    expect(board.upcoming.length).toBeGreaterThan(0);
    expect(board.awaiting.length).toBeGreaterThan(0);
    expect(board.municipalities.length).toBeGreaterThan(0);
    // Events in the window, their registrations, recordings and outcomes; overdue items, the
    // event list, the plans, the municipalities' names (an admin adds the failed emails: nine).
    expect(queries).toHaveLength(8);
  });
});
