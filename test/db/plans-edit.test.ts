import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actionItems,
  actionItemSources,
  actionItemUpdates,
  actionPlans,
  auditLog,
  eventHosts,
  events,
  municipalities,
  outcomes,
} from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';
import { apiRequest, created, type Json } from '../helpers/api';
import { authorizationCases, bearerFor, sessionFor } from '../helpers/auth';
import { postForm } from '../helpers/session';

let ctx: TestContext;
let keila: string;
let tartu: string;
let admin: string;
/** The pages of each of them: a session (a token opens no page), by their token. */
const pageOf = new Map<string, string>();
let keilaSlug: string;
/** Two outcomes of a Keila event (citable in Keila's plans) and one of Tartu's (not). */
let keilaOutcomes: [number, number];
let tartuOutcome: number;

function send(method: string, path: string, body?: unknown, authorization?: string) {
  return apiRequest(ctx, method, path, body, authorization);
}

const planBody = {
  title: 'Keila tegevuskava 2027–2028',
  periodStart: '2027-01-01',
  periodEnd: '2028-12-31',
};

async function newPlan(
  status: 'draft' | 'adopted' | 'archived',
  extra: Record<string, unknown> = {},
): Promise<Json> {
  return created(
    await send('POST', '/municipalities/keila/plans', { ...planBody, status, ...extra }, keila),
  );
}

async function newItem(planId: number, body: Record<string, unknown> = {}): Promise<Json> {
  return created(await send('POST', `/plans/${planId}/items`, { title: 'Item', ...body }, keila));
}

async function outcomeOf(municipality: string): Promise<{ id: number; slug: string }> {
  const [row] = await ctx.deps.db
    .select({ id: outcomes.id, slug: events.slug })
    .from(outcomes)
    .innerJoin(events, eq(events.id, outcomes.eventId))
    .innerJoin(eventHosts, eq(eventHosts.eventId, events.id))
    .innerJoin(municipalities, eq(municipalities.id, eventHosts.municipalityId))
    .where(and(eq(municipalities.slug, municipality), eq(outcomes.kind, 'proposal')))
    .orderBy(asc(events.startsAt), asc(outcomes.id));
  if (!row) throw new Error(`no outcome of ${municipality}`);
  return row;
}

async function sourcesOf(itemId: number): Promise<number[]> {
  const rows = await ctx.deps.db
    .select({ id: actionItemSources.outcomeId })
    .from(actionItemSources)
    .where(eq(actionItemSources.actionItemId, itemId))
    .orderBy(asc(actionItemSources.outcomeId));
  return rows.map((row) => row.id);
}

async function auditOf(entity: string, id: number) {
  return ctx.deps.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, String(id))))
    .orderBy(asc(auditLog.id));
}

/** Everything stored about a plan, to show that a refused write changed nothing. */
async function snapshot(planId: number) {
  const db = ctx.deps.db;
  const plan = await db.select().from(actionPlans).where(eq(actionPlans.id, planId));
  const items = await db
    .select()
    .from(actionItems)
    .where(eq(actionItems.planId, planId))
    .orderBy(asc(actionItems.id));
  const ids = items.map((item) => item.id);
  const sources =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(actionItemSources)
          .where(inArray(actionItemSources.actionItemId, ids))
          .orderBy(asc(actionItemSources.actionItemId), asc(actionItemSources.outcomeId));
  const updates =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(actionItemUpdates)
          .where(inArray(actionItemUpdates.actionItemId, ids))
          .orderBy(asc(actionItemUpdates.id));
  return { plan, items, sources, updates };
}

function paths(body: { error: { details?: { path: string }[] } }) {
  return (body.error.details ?? []).map((detail) => detail.path);
}

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  keila = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  tartu = await bearerFor(ctx, { role: 'organizer', municipalities: ['tartu'] });
  admin = await bearerFor(ctx, { role: 'admin' });
  pageOf.set(keila, await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] }));
  pageOf.set(tartu, await sessionFor(ctx, { role: 'organizer', municipalities: ['tartu'] }));
  pageOf.set(admin, await sessionFor(ctx, { role: 'admin' }));
  const first = await outcomeOf('keila');
  keilaSlug = first.slug;
  const second = await created(
    await send(
      'POST',
      `/events/${keilaSlug}/outcomes`,
      { kind: 'proposal', title: 'Second Keila proposal', body: 'x', published: true },
      keila,
    ),
  );
  keilaOutcomes = [first.id, second.id];
  tartuOutcome = (await outcomeOf('tartu')).id;
});
afterAll(() => ctx.close());

describe('PATCH /plans/:id', () => {
  it('changes only the fields sent, audits before and after, and the public page shows it', async () => {
    const plan = await newPlan('adopted', {
      summary: 'Kokkuvõte',
      documentUrl: 'https://keila.ee/kava.pdf',
    });
    const res = await send('PATCH', `/plans/${plan.id}`, { title: 'Parandatud pealkiri' }, keila);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      ...plan,
      title: 'Parandatud pealkiri',
      translations: { ...(plan.translations as object), title: { et: 'Parandatud pealkiri' } },
    });
    const [row] = await ctx.deps.db.select().from(actionPlans).where(eq(actionPlans.id, plan.id));
    expect(row).toMatchObject({
      title: 'Parandatud pealkiri',
      periodStart: '2027-01-01',
      periodEnd: '2028-12-31',
      status: 'adopted',
      summary: 'Kokkuvõte',
      documentUrl: 'https://keila.ee/kava.pdf',
    });
    const audit = await auditOf('plan', plan.id);
    expect(audit.map((entry) => entry.action)).toEqual(['create', 'update']);
    expect(audit[1]?.before).toMatchObject({ title: planBody.title });
    expect(audit[1]?.after).toMatchObject({ title: 'Parandatud pealkiri' });
    const page = await (await ctx.app.request(`/plans/${plan.id}?lang=en`)).text();
    expect(page).toContain('Parandatud pealkiri');
    expect(page).not.toContain(planBody.title);

    const cleared = await send('PATCH', `/plans/${plan.id}`, { summary: null }, keila);
    expect(cleared.status).toBe(200);
    expect(await cleared.json()).toMatchObject({
      summary: null,
      documentUrl: 'https://keila.ee/kava.pdf',
    });
  });

  it('validates the merged plan whole, names unknown keys, and keeps an adopted plan out of draft', async () => {
    const plan = await newPlan('adopted');
    const before = await snapshot(plan.id);
    const cases: [Record<string, unknown>, string][] = [
      // The stored end is 2028-12-31: a start after it makes the merged period backwards.
      [{ periodStart: '2029-01-01' }, 'periodEnd'],
      [{ periodEnd: '2026-12-31' }, 'periodEnd'],
      [{ periodEnd: '31.12.2028' }, 'periodEnd'],
      [{ title: '' }, 'title'],
      [{ documentUrl: 'javascript:alert(1)' }, 'documentUrl'],
      [{ colour: 'red' }, 'colour'],
      [{ status: 'draft' }, 'status'],
    ];
    for (const [body, path] of cases) {
      const res = await send('PATCH', `/plans/${plan.id}`, body, keila);
      expect(res.status, path).toBe(422);
      const error = await res.json();
      expect([...new Set(paths(error))], path).toEqual([path]);
      if (path === 'colour') expect(error.error.details[0].message).toContain('colour');
    }
    expect(await snapshot(plan.id)).toEqual(before);
    const both = await send(
      'PATCH',
      `/plans/${plan.id}`,
      { periodStart: '2029-01-01', periodEnd: '2030-12-31' },
      keila,
    );
    expect(both.status).toBe(200);
    expect(await both.json()).toMatchObject({ periodStart: '2029-01-01', periodEnd: '2030-12-31' });
    const archived = await send('PATCH', `/plans/${plan.id}`, { status: 'archived' }, keila);
    expect(await archived.json()).toMatchObject({ status: 'archived' });
  });
});

describe('the period and the timeline', () => {
  it('refuses to start the period after a progress report already dated', async () => {
    const plan = await newPlan('adopted');
    const item = await newItem(plan.id);
    expect(
      (
        await send(
          'POST',
          `/plan-items/${item.id}/updates`,
          { date: '2027-03-01', note: 'Alustatud' },
          keila,
        )
      ).status,
    ).toBe(201);
    const late = await send('PATCH', `/plans/${plan.id}`, { periodStart: '2027-06-01' }, keila);
    expect(late.status).toBe(422);
    expect((await late.json()).error.details).toEqual([
      {
        path: 'periodStart',
        message: 'Progress reports are dated from 2027-03-01; the period cannot start later',
      },
    ]);
    const fine = await send('PATCH', `/plans/${plan.id}`, { periodStart: '2027-03-01' }, keila);
    expect(fine.status).toBe(200);
  });
});

describe('PATCH /plan-items/:id', () => {
  it('corrects the describing fields, replaces the sources, audits, and answers like POST /plans/:id/items', async () => {
    const plan = await newPlan('adopted');
    const item = await newItem(plan.id, {
      title: 'Istungite ülekanne',
      description: 'Kirjeldus',
      responsible: 'Kantselei',
      dueDate: '2027-06-30',
      sourceOutcomeIds: [keilaOutcomes[0]],
    });
    const unchanged = await send('PATCH', `/plan-items/${item.id}`, {}, keila);
    expect(unchanged.status).toBe(200);
    expect(await unchanged.json()).toEqual(item);

    // The due date it already has may be sent back (moving it is a progress report's job).
    const res = await send(
      'PATCH',
      `/plan-items/${item.id}`,
      { title: 'Istungite otseülekanne', responsible: null, dueDate: '2027-06-30' },
      keila,
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      title: 'Istungite otseülekanne',
      description: 'Kirjeldus',
      responsible: null,
      dueDate: '2027-06-30',
      status: 'planned',
      progress: 0,
    });
    expect(body.sources.map((s: { outcomeId: number }) => s.outcomeId)).toEqual([keilaOutcomes[0]]);

    const replaced = await send(
      'PATCH',
      `/plan-items/${item.id}`,
      { sourceOutcomeIds: [keilaOutcomes[1]] },
      keila,
    );
    expect(replaced.status).toBe(200);
    expect((await replaced.json()).sources.map((s: { outcomeId: number }) => s.outcomeId)).toEqual([
      keilaOutcomes[1],
    ]);
    expect(await sourcesOf(item.id)).toEqual([keilaOutcomes[1]]);

    const audit = await auditOf('action_item', item.id);
    expect(audit.map((entry) => entry.action)).toEqual(['create', 'update', 'update', 'update']);
    expect(audit[2]?.before).toMatchObject({
      title: 'Istungite ülekanne',
      responsible: 'Kantselei',
    });
    expect(audit[2]?.after).toMatchObject({ title: 'Istungite otseülekanne', responsible: null });
    expect(audit[3]?.before).toMatchObject({ sourceOutcomeIds: [keilaOutcomes[0]] });
    expect(audit[3]?.after).toMatchObject({ sourceOutcomeIds: [keilaOutcomes[1]] });

    const page = await (await ctx.app.request(`/plans/${plan.id}?lang=en`)).text();
    expect(page).toContain('Istungite otseülekanne');

    const empty = await send('PATCH', `/plan-items/${item.id}`, { sourceOutcomeIds: [] }, keila);
    expect((await empty.json()).sources).toEqual([]);
    expect(await sourcesOf(item.id)).toEqual([]);
  });

  it('refuses uncitable sources, status and progress (they belong to the timeline), and unknown keys; nothing changes', async () => {
    const plan = await newPlan('adopted');
    const item = await newItem(plan.id, { sourceOutcomeIds: [keilaOutcomes[0]] });
    const before = await snapshot(plan.id);

    const foreign = await send(
      'PATCH',
      `/plan-items/${item.id}`,
      { title: 'Changed', sourceOutcomeIds: [keilaOutcomes[1], tartuOutcome] },
      keila,
    );
    expect(foreign.status).toBe(422);
    expect(paths(await foreign.json())).toEqual(['sourceOutcomeIds.1']);
    const unknown = await send(
      'PATCH',
      `/plan-items/${item.id}`,
      { sourceOutcomeIds: [999_999_999] },
      keila,
    );
    expect(paths(await unknown.json())).toEqual(['sourceOutcomeIds.0']);

    for (const body of [{ status: 'done' }, { progress: 100 }]) {
      const key = Object.keys(body)[0] as string;
      const res = await send('PATCH', `/plan-items/${item.id}`, { title: 'X', ...body }, keila);
      expect(res.status, key).toBe(422);
      const error = await res.json();
      expect(error.error.details).toEqual([
        { path: key, message: expect.stringContaining('POST /plan-items/{id}/updates') },
      ]);
    }
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '' }, 'title'],
      [{ dueDate: '2027-02-30' }, 'dueDate'],
      [{ planId: 1 }, 'planId'],
    ];
    for (const [body, path] of cases) {
      const res = await send('PATCH', `/plan-items/${item.id}`, body, keila);
      expect(res.status, path).toBe(422);
      expect(paths(await res.json()), path).toEqual([path]);
    }
    expect(await snapshot(plan.id)).toEqual(before);
    expect((await auditOf('action_item', item.id)).map((entry) => entry.action)).toEqual([
      'create',
    ]);
  });

  it('keeps a source the item already cites citable for an organizer who could not add it', async () => {
    const plan = await newPlan('adopted');
    const item = await created(
      await send(
        'POST',
        `/plans/${plan.id}/items`,
        { title: 'Joint', sourceOutcomeIds: [tartuOutcome] },
        admin,
      ),
    );
    const res = await send(
      'PATCH',
      `/plan-items/${item.id}`,
      { title: 'Joint, corrected', sourceOutcomeIds: [tartuOutcome, keilaOutcomes[0]] },
      keila,
    );
    expect(res.status).toBe(200);
    expect(await sourcesOf(item.id)).toEqual(
      [tartuOutcome, keilaOutcomes[0]].sort((a, b) => a - b),
    );
  });
});

describe('DELETE /plans/:id and /plan-items/:id', () => {
  it('deletes a draft plan’s item, then the draft plan with its items, sources and timeline; both audited', async () => {
    const plan = await newPlan('draft');
    const first = await newItem(plan.id, { title: 'First', sourceOutcomeIds: [keilaOutcomes[0]] });
    const second = await newItem(plan.id, {
      title: 'Second',
      sourceOutcomeIds: [keilaOutcomes[1]],
    });
    expect(
      (
        await send(
          'POST',
          `/plan-items/${second.id}/updates`,
          { date: '2027-02-01', note: 'Started' },
          keila,
        )
      ).status,
    ).toBe(201);

    const item = await send('DELETE', `/plan-items/${first.id}`, undefined, keila);
    expect(item.status).toBe(204);
    expect(await item.text()).toBe('');
    expect(
      await ctx.deps.db.select().from(actionItems).where(eq(actionItems.id, first.id)),
    ).toEqual([]);
    expect(await sourcesOf(first.id)).toEqual([]);
    const itemAudit = await auditOf('action_item', first.id);
    expect(itemAudit.map((entry) => entry.action)).toEqual(['create', 'delete']);
    expect(itemAudit[1]?.before).toMatchObject({
      title: 'First',
      sourceOutcomeIds: [keilaOutcomes[0]],
    });

    const res = await send('DELETE', `/plans/${plan.id}`, undefined, keila);
    expect(res.status).toBe(204);
    expect(await snapshot(plan.id)).toEqual({ plan: [], items: [], sources: [], updates: [] });
    expect(
      await ctx.deps.db
        .select()
        .from(actionItemUpdates)
        .where(eq(actionItemUpdates.actionItemId, second.id)),
    ).toEqual([]);
    expect(await sourcesOf(second.id)).toEqual([]);
    const planAudit = await auditOf('plan', plan.id);
    expect(planAudit.map((entry) => entry.action)).toEqual(['create', 'delete']);
    expect(planAudit[1]?.before).toMatchObject({
      title: planBody.title,
      items: [{ id: second.id, title: 'Second', sourceOutcomeIds: [keilaOutcomes[1]] }],
    });
    // The outcomes the items cited stay.
    expect(
      await ctx.deps.db.select().from(outcomes).where(inArray(outcomes.id, keilaOutcomes)),
    ).toHaveLength(2);
    expect((await send('DELETE', `/plans/${plan.id}`, undefined, keila)).status).toBe(404);
    expect((await send('DELETE', `/plan-items/${first.id}`, undefined, keila)).status).toBe(404);
  });

  it('answers 409 plan_not_draft for an adopted or archived plan and its items, changing nothing', async () => {
    for (const status of ['adopted', 'archived'] as const) {
      const plan = await newPlan(status);
      const item = await newItem(plan.id, { sourceOutcomeIds: [keilaOutcomes[0]] });
      expect(
        (
          await send(
            'POST',
            `/plan-items/${item.id}/updates`,
            { date: '2027-02-01', note: 'Started' },
            keila,
          )
        ).status,
      ).toBe(201);
      const before = await snapshot(plan.id);

      const itemRes = await send('DELETE', `/plan-items/${item.id}`, undefined, admin);
      expect(itemRes.status, status).toBe(409);
      const itemError = (await itemRes.json()).error;
      expect(itemError.code).toBe('plan_not_draft');
      expect(itemError.message).toContain('stay on the record');
      expect(itemError.message).toContain('dropped');

      const planRes = await send('DELETE', `/plans/${plan.id}`, undefined, admin);
      expect(planRes.status, status).toBe(409);
      const planError = (await planRes.json()).error;
      expect(planError.code).toBe('plan_not_draft');
      expect(planError.message).toMatch(/archive it instead/i);

      expect(await snapshot(plan.id)).toEqual(before);
      expect((await auditOf('plan', plan.id)).map((entry) => entry.action)).toEqual(['create']);
    }
  });
});

describe('authorization of the correction endpoints', () => {
  it('PATCH /plans/:id and /plan-items/:id: organizers of keila and admins only', async () => {
    const plan = await newPlan('adopted');
    const item = await newItem(plan.id);
    for (const c of await authorizationCases(ctx, 'keila', 'tartu', [200])) {
      const planRes = await send(
        'PATCH',
        `/plans/${plan.id}`,
        { title: `By ${c.who}` },
        c.authorization,
      );
      expect(planRes.status, c.who).toBeOneOf(c.expected);
      const itemRes = await send(
        'PATCH',
        `/plan-items/${item.id}`,
        { title: `By ${c.who}` },
        c.authorization,
      );
      expect(itemRes.status, c.who).toBeOneOf(c.expected);
    }
    const titles = (await auditOf('plan', plan.id)).map(
      (entry) => (entry.after as { title: string }).title,
    );
    expect(titles.slice(1)).toEqual(['By organizer of keila', 'By admin']);
    const itemTitles = (await auditOf('action_item', item.id)).map(
      (entry) => (entry.after as { title: string }).title,
    );
    expect(itemTitles.slice(1)).toEqual(['By organizer of keila', 'By admin']);
  });

  it('DELETE /plans/:id and /plan-items/:id: organizers of keila and admins only', async () => {
    for (const c of await authorizationCases(ctx, 'keila', 'tartu', [204])) {
      const plan = await newPlan('draft');
      const item = await newItem(plan.id);
      const itemRes = await send('DELETE', `/plan-items/${item.id}`, undefined, c.authorization);
      expect(itemRes.status, c.who).toBeOneOf(c.expected);
      const planRes = await send('DELETE', `/plans/${plan.id}`, undefined, c.authorization);
      expect(planRes.status, c.who).toBeOneOf(c.expected);
      const left = await snapshot(plan.id);
      const allowed = c.expected.includes(204);
      expect(left.plan, c.who).toHaveLength(allowed ? 0 : 1);
      expect(left.items, c.who).toHaveLength(allowed ? 0 : 1);
    }
  });

  it('lists the four operations in the OpenAPI document, the item PATCH without status or progress', async () => {
    const doc = (await (await ctx.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    expect(Object.keys(doc.paths['/plans/{id}'] ?? {})).toEqual(
      expect.arrayContaining(['get', 'patch', 'delete']),
    );
    expect(Object.keys(doc.paths['/plan-items/{id}'] ?? {})).toEqual(
      expect.arrayContaining(['patch', 'delete']),
    );
    const body = doc.paths['/plan-items/{id}']?.patch?.requestBody as {
      content: { 'application/json': { schema: { properties: Record<string, unknown> } } };
    };
    const schema = body.content['application/json'].schema;
    expect(Object.keys(schema.properties).sort()).toEqual([
      'description',
      'dueDate',
      'originalLang',
      'responsible',
      'sourceOutcomeIds',
      'title',
    ]);
    expect(doc.paths['/plans/{id}']?.delete?.responses).toHaveProperty('409');
    expect(doc.paths['/plan-items/{id}']?.delete?.responses).toHaveProperty('409');
  });
});

describe('admin: the plan form', () => {
  it('still clears the summary from the plan form (an emptied field is sent as a clear)', async () => {
    const plan = await newPlan('adopted', { summary: 'To be removed' });
    const res = await postForm(
      ctx,
      `/admin/plans/${plan.id}`,
      {
        title: 'Form title',
        periodStart: '2027-01-01',
        periodEnd: '2028-12-31',
        status: 'adopted',
        summary: '',
        documentUrl: '',
      },
      { cookie: pageOf.get(keila)! },
    );
    expect(res.status).toBe(303);
    const [row] = await ctx.deps.db.select().from(actionPlans).where(eq(actionPlans.id, plan.id));
    expect(row).toMatchObject({ title: 'Form title', summary: null });
  });
});

describe('admin: correcting and deleting on /admin/plans/:id', () => {
  const as = (token: string) => ({ cookie: pageOf.get(token)! });

  async function adminPage(planId: number, authorization = keila) {
    const res = await ctx.app.request(`/admin/plans/${planId}?lang=en`, {
      headers: as(authorization),
    });
    expect(res.status).toBe(200);
    return res.text();
  }

  it('edits an item through its form: fields, cleared fields and sources; errors beside that form', async () => {
    // A draft: its due dates are corrected here (an adopted plan's move with a progress report).
    const plan = await newPlan('draft');
    const item = await newItem(plan.id, {
      title: 'Old title',
      responsible: 'Kantselei',
      sourceOutcomeIds: [keilaOutcomes[0]],
    });
    const page = await adminPage(plan.id);
    expect(page).toContain(`action="/admin/plan-items/${item.id}"`);
    expect(page).toContain('value="Old title"');
    expect(page).toContain('<summary>Edit</summary>');
    // The edit form ticks the outcomes the item cites, and only those.
    const editForm = page.slice(page.indexOf(`action="/admin/plan-items/${item.id}"`));
    expect(editForm).toMatch(
      new RegExp(`name="sourceOutcomeIds" value="${keilaOutcomes[0]}" checked`),
    );
    expect(editForm).not.toMatch(
      new RegExp(`name="sourceOutcomeIds" value="${keilaOutcomes[1]}" checked`),
    );

    const res = await postForm(
      ctx,
      `/admin/plan-items/${item.id}`,
      {
        title: 'New title',
        description: 'Now described',
        responsible: '',
        dueDate: '2027-05-31',
        sourcesOffered: '1',
        sourceOutcomeIds: [String(keilaOutcomes[1])],
      },
      as(keila),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/plans/${plan.id}?saved#item-${item.id}`);
    const [row] = await ctx.deps.db.select().from(actionItems).where(eq(actionItems.id, item.id));
    expect(row).toMatchObject({
      title: 'New title',
      description: 'Now described',
      responsible: null,
      dueDate: '2027-05-31',
      status: 'planned',
    });
    expect(await sourcesOf(item.id)).toEqual([keilaOutcomes[1]]);

    // A form that offered no sources leaves them as they are.
    const noSources = await postForm(
      ctx,
      `/admin/plan-items/${item.id}`,
      { title: 'Newer title' },
      as(keila),
    );
    expect(noSources.status).toBe(303);
    expect(await sourcesOf(item.id)).toEqual([keilaOutcomes[1]]);

    const bad = await postForm(
      ctx,
      `/admin/plan-items/${item.id}?lang=en`,
      { title: '', dueDate: '2027-13-01', responsible: 'Sent value' },
      as(keila),
    );
    expect(bad.status).toBe(422);
    const html = await bad.text();
    const form = html.slice(html.indexOf(`id="item-${item.id}"`));
    expect(form).toMatch(/^[^]*?<details open[^>]*><summary>Edit<\/summary><div class="error-box"/);
    expect(form).toContain(`<a href="#f-item-${item.id}-title">Title: This field is required.</a>`);
    expect(form).toContain(`<a href="#f-item-${item.id}-dueDate">Due date: Choose a date.</a>`);
    expect(form).toContain('value="Sent value"');
    const [after] = await ctx.deps.db.select().from(actionItems).where(eq(actionItems.id, item.id));
    expect(after?.title).toBe('Newer title');
  });

  it('refuses another municipality’s organizer', async () => {
    const plan = await newPlan('draft');
    const item = await newItem(plan.id, { title: 'Keila only' });
    const edit = await postForm(ctx, `/admin/plan-items/${item.id}`, { title: 'Tartu' }, as(tartu));
    expect(edit.status).toBe(403);
    const del = await postForm(ctx, `/admin/plan-items/${item.id}/delete`, {}, as(tartu));
    expect(del.status).toBe(403);
    const delPlan = await postForm(ctx, `/admin/plans/${plan.id}/delete`, {}, as(tartu));
    expect(delPlan.status).toBe(403);
    const left = await snapshot(plan.id);
    expect(left.plan).toHaveLength(1);
    expect(left.items.map((row) => row.title)).toEqual(['Keila only']);
  });

  it('shows the delete buttons only for a draft, and they delete', async () => {
    const draft = await newPlan('draft');
    const item = await newItem(draft.id);
    const kept = await newItem(draft.id, { title: 'Kept' });
    const page = await adminPage(draft.id);
    expect(page).toContain(`action="/admin/plans/${draft.id}/delete"`);
    expect(page).toContain(`action="/admin/plan-items/${item.id}/delete"`);
    expect(page).toContain('Delete plan');
    expect(page).toContain('Delete item');

    const adopted = await newPlan('adopted');
    const adoptedItem = await newItem(adopted.id);
    const adoptedPage = await adminPage(adopted.id);
    expect(adoptedPage).not.toContain('/delete"');
    expect(adoptedPage).not.toContain('Delete plan');
    expect(adoptedPage).not.toContain('Delete item');
    expect(adoptedPage).toContain(`action="/admin/plan-items/${adoptedItem.id}"`);
    // Nor can the plan be put back into draft from its form.
    expect(adoptedPage).not.toContain('<option value="draft"');
    expect(page).toContain('<option value="draft"');

    const delItem = await postForm(
      ctx,
      `/admin/plan-items/${item.id}/delete`,
      { confirm: 'yes' },
      as(keila),
    );
    expect(delItem.status).toBe(303);
    expect(delItem.headers.get('location')).toBe(`/admin/plans/${draft.id}?deleted`);
    expect((await snapshot(draft.id)).items.map((row) => row.id)).toEqual([kept.id]);

    const delPlan = await postForm(
      ctx,
      `/admin/plans/${draft.id}/delete`,
      { confirm: 'yes' },
      as(keila),
    );
    expect(delPlan.status).toBe(303);
    expect(delPlan.headers.get('location')).toBe('/admin/plans');
    expect(await snapshot(draft.id)).toEqual({ plan: [], items: [], sources: [], updates: [] });
  });

  it('answers a forced delete on an adopted plan with a 409 page in the reader’s language', async () => {
    const plan = await newPlan('adopted');
    const item = await newItem(plan.id);
    const before = await snapshot(plan.id);
    const planRes = await postForm(ctx, `/admin/plans/${plan.id}/delete`, {}, as(keila));
    expect(planRes.status).toBe(409);
    expect(planRes.headers.get('content-type')).toContain('text/html');
    expect(await planRes.text()).toContain('arhiveeri see');
    const itemRes = await postForm(
      ctx,
      `/admin/plan-items/${item.id}/delete?lang=en`,
      {},
      as(keila),
    );
    expect(itemRes.status).toBe(409);
    expect(await itemRes.text()).toContain('report status dropped with a progress report');
    expect(await snapshot(plan.id)).toEqual(before);
  });
});
