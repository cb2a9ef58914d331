import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actionItems,
  actionPlans,
  auditLog,
  eventHosts,
  events,
  municipalities,
  outbox,
  outcomes,
  recordings,
  registrations,
} from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';
import { authorizationCases, bearerFor, sessionFor } from '../helpers/auth';

let ctx: TestContext;
let keila: string;
let admin: string;
type Hosted = { eventId: number; slug: string; title: string };
let keilaEvent: Hosted;
let tartuEvent: Hosted;
let keilaOutcome: { id: number; recordingId: number | null; offsetSeconds: number | null };
let tartuOutcomeId: number;

function send(method: string, path: string, body: unknown, authorization?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization) headers.authorization = authorization;
  return ctx.app.request(`/api/v1${path}`, { method, headers, body: JSON.stringify(body) });
}

async function eventOf(municipality: string): Promise<Hosted> {
  const [row] = await ctx.deps.db
    .select({ eventId: events.id, slug: events.slug, title: events.title })
    .from(events)
    .innerJoin(eventHosts, eq(eventHosts.eventId, events.id))
    .innerJoin(municipalities, eq(municipalities.id, eventHosts.municipalityId))
    .where(and(eq(municipalities.slug, municipality), eq(events.status, 'published')))
    .orderBy(events.startsAt);
  if (!row) throw new Error(`no event of ${municipality}`);
  return row;
}

async function proposalOf(eventId: number) {
  const [row] = await ctx.deps.db
    .select({
      id: outcomes.id,
      recordingId: outcomes.recordingId,
      offsetSeconds: outcomes.offsetSeconds,
    })
    .from(outcomes)
    .where(and(eq(outcomes.eventId, eventId), eq(outcomes.kind, 'proposal')))
    .orderBy(outcomes.id);
  if (!row) throw new Error('no proposal');
  return row;
}

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  keila = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  admin = await bearerFor(ctx, { role: 'admin' });
  keilaEvent = await eventOf('keila');
  tartuEvent = await eventOf('tartu');
  keilaOutcome = await proposalOf(keilaEvent.eventId);
  tartuOutcomeId = (await proposalOf(tartuEvent.eventId)).id;
});
afterAll(() => ctx.close());

const validPlan = {
  title: 'Keila avatud valitsemise tegevuskava 2027–2028',
  periodStart: '2027-01-01',
  periodEnd: '2028-12-31',
  status: 'adopted',
};

describe('authorization of every write endpoint', () => {
  it('POST /municipalities/:slug/plans: organizers of keila and admins only', async () => {
    for (const c of await authorizationCases(ctx, 'keila', 'tartu', [201])) {
      const res = await send('POST', '/municipalities/keila/plans', validPlan, c.authorization);
      expect(res.status, c.who).toBeOneOf(c.expected);
    }
  });

  it('POST /plans/:id/items and /plan-items/:id/updates: a Keila organizer cannot edit Tartu’s plan', async () => {
    const tartu = await bearerFor(ctx, { role: 'organizer', municipalities: ['tartu'] });
    const plan = await (await send('POST', '/municipalities/tartu/plans', validPlan, tartu)).json();
    const item = await (
      await send('POST', `/plans/${plan.id}/items`, { title: 'Tartu item' }, tartu)
    ).json();
    for (const c of await authorizationCases(ctx, 'tartu', 'keila', [201])) {
      const res = await send(
        'POST',
        `/plans/${plan.id}/items`,
        { title: `By ${c.who}` },
        c.authorization,
      );
      expect(res.status, c.who).toBeOneOf(c.expected);
      const update = await send(
        'POST',
        `/plan-items/${item.id}/updates`,
        { note: `By ${c.who}`, date: '2027-02-01' },
        c.authorization,
      );
      expect(update.status, c.who).toBeOneOf(c.expected);
    }
    const rows = await ctx.deps.db
      .select()
      .from(actionItems)
      .where(eq(actionItems.planId, plan.id));
    expect(rows.map((row) => row.title).sort()).toEqual([
      'By admin',
      'By organizer of tartu',
      'Tartu item',
    ]);
  });

  it('POST /events/:slug/outcomes, PATCH and DELETE /outcomes/:id', async () => {
    for (const c of await authorizationCases(ctx, 'keila', 'tartu', [201])) {
      const res = await send(
        'POST',
        `/events/${keilaEvent.slug}/outcomes`,
        { kind: 'minutes', title: 'Protokoll', body: 'x' },
        c.authorization,
      );
      expect(res.status, c.who).toBeOneOf(c.expected);
    }
    const created = await (
      await send(
        'POST',
        `/events/${keilaEvent.slug}/outcomes`,
        { kind: 'question', title: 'Q', body: 'x' },
        keila,
      )
    ).json();
    for (const c of await authorizationCases(ctx, 'keila', 'tartu', [200])) {
      const res = await send(
        'PATCH',
        `/outcomes/${created.id}`,
        { title: `Q by ${c.who}` },
        c.authorization,
      );
      expect(res.status, c.who).toBeOneOf(c.expected);
    }
    for (const c of await authorizationCases(ctx, 'keila', 'tartu', [204, 404])) {
      const res = await ctx.app.request(`/api/v1/outcomes/${created.id}`, {
        method: 'DELETE',
        headers: c.authorization ? { authorization: c.authorization } : {},
      });
      expect(res.status, c.who).toBeOneOf(c.expected);
    }
    expect(await ctx.deps.db.select().from(outcomes).where(eq(outcomes.id, created.id))).toEqual(
      [],
    );
  });
});

describe('outcome notes', () => {
  it('creates a note with a recording offset, audited, shown on the event page once published', async () => {
    const [recording] = await ctx.deps.db
      .select()
      .from(recordings)
      .where(eq(recordings.eventId, keilaEvent.eventId));
    expect(recording).toBeDefined();
    const res = await send(
      'POST',
      `/events/${keilaEvent.slug}/outcomes`,
      {
        kind: 'decision',
        title: 'Otsus: istungid ülekandesse',
        body: '**Kokku lepitud**',
        recordingId: recording?.id,
        offsetSeconds: 125,
      },
      keila,
    );
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({
      published: false,
      offsetSeconds: 125,
      recordingUrl: `https://koda.test/recordings/${recording?.id}?t=125`,
    });
    const audit = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'outcome'), eq(auditLog.entityId, String(body.id))));
    expect(audit.map((row) => row.action)).toEqual(['create']);
    expect(await (await ctx.app.request(`/events/${keilaEvent.slug}`)).text()).not.toContain(
      'Otsus: istungid ülekandesse',
    );
    expect((await send('PATCH', `/outcomes/${body.id}`, { published: true }, keila)).status).toBe(
      200,
    );
    const page = await (await ctx.app.request(`/events/${keilaEvent.slug}?lang=en`)).text();
    expect(page).toContain('Otsus: istungid ülekandesse');
    expect(page).toContain(`href="/recordings/${recording?.id}?t=125"`);
    expect(page).toContain('watch at 2:05');
    expect(page).toContain('<strong>Kokku lepitud</strong>');
  });

  it('refuses an agenda item, recording or offset that is not this event’s, naming the field', async () => {
    const [foreign] = await ctx.deps.db
      .select()
      .from(recordings)
      .where(eq(recordings.eventId, tartuEvent.eventId));
    const [own] = await ctx.deps.db
      .select()
      .from(recordings)
      .where(eq(recordings.eventId, keilaEvent.eventId));
    const count = async () => (await ctx.deps.db.select().from(outcomes)).length;
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ recordingId: foreign?.id }, 'recordingId'],
      [{ agendaItemId: 999999 }, 'agendaItemId'],
      [{ recordingId: own?.id, offsetSeconds: (own?.durationSeconds ?? 0) + 1 }, 'offsetSeconds'],
      [{ recordingId: own?.id, offsetSeconds: -1 }, 'offsetSeconds'],
      [{ offsetSeconds: 10 }, 'offsetSeconds'],
      [{ kind: 'rumour' }, 'kind'],
    ];
    for (const [extra, path] of cases) {
      const res = await send(
        'POST',
        `/events/${keilaEvent.slug}/outcomes`,
        { kind: 'minutes', title: 'T', body: 'B', ...extra },
        keila,
      );
      expect(res.status, path).toBe(422);
      expect(
        (await res.json()).error.details.map((d: { path: string }) => d.path),
        path,
      ).toContain(path);
    }
    expect(own?.durationSeconds).not.toBeNull();
    expect(await count()).toBe(before);
  });
});

describe('action plans', () => {
  let planId: number;
  let itemId: number;

  it('creates a plan and an item citing outcomes; GET shows the chain to the recording minute', async () => {
    const plan = await (
      await send(
        'POST',
        '/municipalities/keila/plans',
        { ...validPlan, title: 'Chain plan' },
        keila,
      )
    ).json();
    planId = plan.id;
    const res = await send(
      'POST',
      `/plans/${planId}/items`,
      {
        title: 'Istungite ülekanded',
        responsible: 'Kantselei',
        dueDate: '2027-06-30',
        sourceOutcomeIds: [keilaOutcome.id],
      },
      keila,
    );
    expect(res.status).toBe(201);
    const item = await res.json();
    itemId = item.id;
    expect(item.sources).toHaveLength(1);
    const detail = await (await ctx.app.request(`/api/v1/plans/${planId}`)).json();
    expect(detail.items[0].sources[0]).toMatchObject({
      outcomeId: keilaOutcome.id,
      event: { slug: keilaEvent.slug, title: keilaEvent.title },
      offsetSeconds: keilaOutcome.offsetSeconds,
      recordingUrl: `https://koda.test/recordings/${keilaOutcome.recordingId}?t=${keilaOutcome.offsetSeconds}`,
    });
    const page = await (await ctx.app.request(`/plans/${planId}?lang=en`)).text();
    expect(page).toContain(
      `href="/recordings/${keilaOutcome.recordingId}?t=${keilaOutcome.offsetSeconds}"`,
    );
    expect(page).toContain(`href="/events/${keilaEvent.slug}"`);
    expect(page).toContain('proposed at');
    expect(page).toContain('watch at 42:10');
  });

  it('shows the item on the source event’s page and in its API answer ("what came of it")', async () => {
    const page = await (await ctx.app.request(`/events/${keilaEvent.slug}?lang=en`)).text();
    expect(page).toContain('What came of it');
    expect(page).toContain(`href="/plans/${planId}#item-${itemId}"`);
    const api = await (await ctx.app.request(`/api/v1/events/${keilaEvent.slug}`)).json();
    expect(api.actionItems.map((item: { id: number }) => item.id)).toContain(itemId);
    expect(api.outcomes.length).toBeGreaterThan(0);
    const tartuPage = await (await ctx.app.request(`/events/${tartuEvent.slug}?lang=en`)).text();
    expect(tartuPage).not.toContain(`#item-${itemId}"`);
  });

  it('refuses an outcome of another municipality’s event, out-of-range progress, and dates before the period; nothing half-saved', async () => {
    const count = async () =>
      (await ctx.deps.db.select().from(actionItems).where(eq(actionItems.planId, planId))).length;
    const before = await count();
    const foreign = await send(
      'POST',
      `/plans/${planId}/items`,
      { title: 'X', sourceOutcomeIds: [keilaOutcome.id, tartuOutcomeId] },
      keila,
    );
    expect(foreign.status).toBe(422);
    expect((await foreign.json()).error.details).toEqual([
      { path: 'sourceOutcomeIds.1', message: expect.any(String) },
    ]);
    const progress = await send(
      'POST',
      `/plans/${planId}/items`,
      { title: 'X', progress: 101 },
      keila,
    );
    expect(progress.status).toBe(422);
    expect((await progress.json()).error.details[0].path).toBe('progress');
    expect(await count()).toBe(before);
    const early = await send(
      'POST',
      `/plan-items/${itemId}/updates`,
      { date: '2026-12-31', note: 'Too early' },
      keila,
    );
    expect(early.status).toBe(422);
    expect((await early.json()).error.details[0].path).toBe('date');
    const updateProgress = await send(
      'POST',
      `/plan-items/${itemId}/updates`,
      { progress: -5, note: 'x' },
      keila,
    );
    expect((await updateProgress.json()).error.details[0].path).toBe('progress');
    const bad = await send(
      'POST',
      '/municipalities/keila/plans',
      { ...validPlan, periodEnd: '2026-01-01' },
      keila,
    );
    expect((await bad.json()).error.details[0].path).toBe('periodEnd');
  });

  it('emails the consenting participants of the source event, in their language, when the status changes', async () => {
    const base = {
      eventId: keilaEvent.eventId,
      attendance: 'in_person' as const,
      consentAt: new Date('2014-09-01'),
    };
    await ctx.deps.db.insert(registrations).values([
      {
        ...base,
        name: 'Mari',
        email: 'mari@example.test',
        status: 'confirmed',
        manageTokenHash: 'h1',
        followUpConsentAt: new Date('2014-09-01'),
        lang: 'et',
      },
      {
        ...base,
        name: 'John',
        email: 'john@example.test',
        status: 'confirmed',
        manageTokenHash: 'h2',
        followUpConsentAt: new Date('2014-09-01'),
        lang: 'en',
      },
      {
        ...base,
        name: 'Quiet',
        email: 'quiet@example.test',
        status: 'confirmed',
        manageTokenHash: 'h3',
        followUpConsentAt: null,
      },
      {
        ...base,
        name: 'Gone',
        email: 'gone@example.test',
        status: 'cancelled',
        manageTokenHash: 'h4',
        followUpConsentAt: new Date('2014-09-01'),
      },
      {
        eventId: tartuEvent.eventId,
        attendance: 'online',
        consentAt: new Date('2014-09-01'),
        name: 'Other',
        email: 'other@example.test',
        status: 'confirmed',
        manageTokenHash: 'h5',
        followUpConsentAt: new Date('2014-09-01'),
      },
    ]);
    const noChange = await send(
      'POST',
      `/plan-items/${itemId}/updates`,
      { date: '2027-02-01', progress: 10, note: 'Hanked started' },
      keila,
    );
    expect(noChange.status).toBe(201);
    expect(
      await ctx.deps.db.select().from(outbox).where(eq(outbox.kind, 'plan.item_status')),
    ).toEqual([]);
    const res = await send(
      'POST',
      `/plan-items/${itemId}/updates`,
      { date: '2027-03-01', status: 'in_progress', progress: 40, note: 'Kaamerad ostetud' },
      keila,
    );
    expect(res.status).toBe(201);
    const item = await res.json();
    expect(item).toMatchObject({ status: 'in_progress', progress: 40 });
    expect(item.updates.map((u: { note: string }) => u.note)).toEqual([
      'Hanked started',
      'Kaamerad ostetud',
    ]);
    const mails = await ctx.deps.db
      .select()
      .from(outbox)
      .where(eq(outbox.kind, 'plan.item_status'));
    expect(mails.map((mail) => mail.recipient).sort()).toEqual([
      'john@example.test',
      'mari@example.test',
    ]);
    const john = mails.find((mail) => mail.recipient === 'john@example.test');
    expect(john?.subject).toBe('What happened next: Istungite ülekanded');
    expect(john?.text).toContain('Status: Planned → In progress (progress 40%)');
    expect(john?.text).toContain(`https://koda.test/plans/${planId}?lang=en#item-${itemId}`);
    expect(mails.find((mail) => mail.recipient === 'mari@example.test')?.subject).toBe(
      'Mis edasi sai: Istungite ülekanded',
    );
  });

  it('hides a draft plan from the public and shows it to its organizers', async () => {
    const draft = await (
      await send(
        'POST',
        '/municipalities/keila/plans',
        { ...validPlan, status: 'draft', title: 'Secret draft' },
        keila,
      )
    ).json();
    expect((await ctx.app.request(`/plans/${draft.id}`)).status).toBe(404);
    expect((await ctx.app.request(`/api/v1/plans/${draft.id}`)).status).toBe(404);
    // Pages take a session: API tokens open no HTML page.
    const keilaPage = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
    expect(
      (await ctx.app.request(`/plans/${draft.id}`, { headers: { cookie: keilaPage } })).status,
    ).toBe(200);
    expect(
      (await ctx.app.request(`/api/v1/plans/${draft.id}`, { headers: { authorization: admin } }))
        .status,
    ).toBe(200);
  });
});

describe('the demo plans', () => {
  it('show items with sources, updates and progress on /plans/:id, the municipality and home pages', async () => {
    const demo = await ctx.deps.db
      .select()
      .from(actionPlans)
      .where(eq(actionPlans.periodStart, '2015-01-01'));
    expect(demo).toHaveLength(6);
    for (const plan of demo) {
      const detail = await (await ctx.app.request(`/api/v1/plans/${plan.id}`)).json();
      expect(detail.items.length).toBe(4);
      expect(detail.items.some((item: { sources: unknown[] }) => item.sources.length > 0)).toBe(
        true,
      );
      expect(detail.items.every((item: { updates: unknown[] }) => item.updates.length > 0)).toBe(
        true,
      );
      // Clock is 2026: everything not done or dropped with a 2015–2016 due date is overdue.
      expect(detail.progress).toMatchObject({
        total: 4,
        done: 1,
        donePercent: 25,
        averageProgress: 48,
        overdue: 3,
      });
    }
    const filtered = await (
      await ctx.app.request(`/plans/${demo[0]?.id}?status=done&lang=en`)
    ).text();
    expect(filtered).toContain('Volikogu istungite veebiülekanded');
    expect(filtered).not.toContain('Kaasava eelarve pilootprojekt');
    const municipalityPage = await (await ctx.app.request('/municipalities/keila?lang=en')).text();
    expect(municipalityPage).toContain('Action plan');
    expect(municipalityPage).toMatch(/href="\/plans\/\d+"/);
    const home = await (await ctx.app.request('/?lang=en')).text();
    expect(home).toContain('Action plan progress');
    expect(home).toContain('25% of actions done');
  });
});
