import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionItems, outcomes } from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';
import { apiRequest, created, type Json } from '../helpers/api';
import { bearerFor, sessionFor } from '../helpers/auth';
import { postForm } from '../helpers/session';

let ctx: TestContext;
let keila: string;
let admin: string;
/** The same two on the pages: sessions (a token opens no page). */
const pages = { keila: '', admin: '' };

function send(method: string, path: string, body?: unknown, authorization?: string) {
  return apiRequest(ctx, method, path, body, authorization);
}

async function newPlan(): Promise<Json> {
  return created(
    await send(
      'POST',
      '/municipalities/keila/plans',
      {
        title: 'Keila kava',
        periodStart: '2027-01-01',
        periodEnd: '2028-12-31',
        status: 'adopted',
      },
      keila,
    ),
  );
}

function upload(planId: number, csv: string) {
  const form = new FormData();
  form.append('file', new File([csv], 'items.csv', { type: 'text/csv' }));
  return ctx.app.request(`/admin/plans/${planId}/import`, {
    method: 'POST',
    headers: { cookie: pages.keila, origin: 'https://koda.test' },
    body: form,
  });
}

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  keila = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  admin = await bearerFor(ctx, { role: 'admin' });
  pages.keila = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  pages.admin = await sessionFor(ctx, { role: 'admin' });
});
afterAll(() => ctx.close());

describe('ids beyond int4', () => {
  const big = '99999999999';

  it('answer 404 in the path of pages, CSV and every plans API operation, as unknown ids do', async () => {
    const plan = await newPlan();
    const item = await created(
      await send('POST', `/plans/${plan.id}/items`, { title: 'X' }, keila),
    );
    for (const id of [big, '2147483648', '2147483647']) {
      for (const path of [`/plans/${id}`, `/plans/${id}/items.csv`]) {
        expect((await ctx.app.request(path)).status, path).toBe(404);
      }
      const reads = [`/plans/${id}`, `/plans/${id}/items.csv`];
      for (const path of reads) {
        const res = await send('GET', path);
        expect(res.status, path).toBe(404);
        expect((await res.json()).error.code, path).toBe('not_found');
      }
      const writes: [string, string, unknown][] = [
        ['PATCH', `/plans/${id}`, { title: 'T' }],
        ['DELETE', `/plans/${id}`, undefined],
        ['POST', `/plans/${id}/items`, { title: 'T' }],
        ['PATCH', `/plan-items/${id}`, { title: 'T' }],
        ['DELETE', `/plan-items/${id}`, undefined],
        ['POST', `/plan-items/${id}/updates`, { note: 'N' }],
      ];
      for (const [method, path, body] of writes) {
        const res = await send(method, path, body, admin);
        expect(res.status, `${method} ${path}`).toBe(404);
        expect((await res.json()).error.code, `${method} ${path}`).toBe('not_found');
      }
      for (const path of [
        `/admin/plans/${id}`,
        `/admin/plans/${id}/delete`,
        `/admin/plan-items/${id}`,
        `/admin/plan-items/${id}/updates`,
        `/admin/outcomes/${id}/publish`,
      ]) {
        const res = await postForm(ctx, path, { title: 'T', note: 'N' }, { cookie: pages.admin });
        expect(res.status, path).toBe(404);
      }
    }
    // The API description tells clients the range.
    const doc = (await (await ctx.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { parameters?: { name: string; schema: object }[] }>>;
    };
    for (const [path, method] of [
      ['/plans/{id}', 'get'],
      ['/plans/{id}/items.csv', 'get'],
      ['/plans/{id}', 'patch'],
      ['/plans/{id}/items', 'post'],
      ['/plan-items/{id}', 'delete'],
      ['/plan-items/{id}/updates', 'post'],
    ] as const) {
      const param = doc.paths[path]?.[method]?.parameters?.find((p) => p.name === 'id');
      expect(param?.schema, `${method} ${path}`).toMatchObject({ maximum: 2_147_483_647 });
    }
    // As elsewhere in the API, an id that cannot exist in any form names nothing.
    for (const [method, path] of [
      ['GET', '/plans/abc'],
      ['PATCH', '/plans/abc'],
      ['PATCH', '/plan-items/0'],
    ] as const) {
      const res = await send(method, path, method === 'GET' ? undefined : { title: 'T' }, admin);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    // The ids that exist still answer.
    expect((await send('GET', `/plans/${plan.id}`)).status).toBe(200);
    expect((await send('PATCH', `/plan-items/${item.id}`, { title: 'Y' }, keila)).status).toBe(200);
  });

  it('answer 422 naming the field in a body, the admin form and an imported CSV line', async () => {
    const plan = await newPlan();
    const item = await created(
      await send('POST', `/plans/${plan.id}/items`, { title: 'X' }, keila),
    );
    const before = await ctx.deps.db
      .select()
      .from(actionItems)
      .where(eq(actionItems.planId, plan.id));
    const cases: [string, string, unknown][] = [
      ['POST', `/plans/${plan.id}/items`, { title: 'T', sourceOutcomeIds: [1, Number(big)] }],
      ['PATCH', `/plan-items/${item.id}`, { sourceOutcomeIds: [2_147_483_648] }],
    ];
    for (const [method, path, body] of cases) {
      const res = await send(method, path, body, keila);
      expect(res.status, path).toBe(422);
      const details = (await res.json()).error.details.map((d: { path: string }) => d.path);
      expect(details, path).toEqual([
        method === 'POST' ? 'sourceOutcomeIds.1' : 'sourceOutcomeIds.0',
      ]);
    }
    const form = await postForm(
      ctx,
      `/admin/plans/${plan.id}/items?lang=en`,
      { title: 'T', sourceOutcomeIds: [big] },
      { cookie: pages.keila },
    );
    expect(form.status).toBe(422);
    expect(await form.text()).toContain('href="#f-new-item-sourceOutcomeIds"');
    const imported = await upload(
      plan.id,
      `title,description,responsible,due_date,status,progress,source_outcome_ids\r\nT,,,,planned,0,${big}\r\n`,
    );
    expect(imported.status).toBe(422);
    expect(await imported.text()).toContain('Rida 2: sellist tulemust pole.');
    expect(
      await ctx.deps.db.select().from(actionItems).where(eq(actionItems.planId, plan.id)),
    ).toEqual(before);
    expect(await ctx.deps.db.select().from(outcomes).where(eq(outcomes.id, 2_147_483_647))).toEqual(
      [],
    );
  });
});
