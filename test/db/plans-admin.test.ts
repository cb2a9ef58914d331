import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionItems, actionPlans, municipalities, outcomes } from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';
import { sessionFor } from '../helpers/auth';

let ctx: TestContext;
let keila: string;
let tartu: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  keila = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  tartu = await sessionFor(ctx, { role: 'organizer', municipalities: ['tartu'] });
});
afterAll(() => ctx.close());

const origin = { origin: 'https://koda.test' };

async function keilaPlans() {
  const [keilaRow] = await ctx.deps.db
    .select()
    .from(municipalities)
    .where(eq(municipalities.slug, 'keila'));
  return ctx.deps.db
    .select()
    .from(actionPlans)
    .where(eq(actionPlans.municipalityId, keilaRow?.id ?? 0));
}

function upload(planId: number, csv: string, cookie: string) {
  const form = new FormData();
  form.append('file', new File([csv], 'items.csv', { type: 'text/csv' }));
  return ctx.app.request(`/admin/plans/${planId}/import`, {
    method: 'POST',
    headers: { cookie, ...origin },
    body: form,
  });
}

async function newPlan(title: string) {
  const res = await ctx.app.request('/admin/plans', {
    method: 'POST',
    headers: { cookie: keila, ...origin },
    body: new URLSearchParams({
      municipality: 'keila',
      title,
      periodStart: '2015-01-01',
      periodEnd: '2016-12-31',
      status: 'adopted',
    }),
  });
  expect(res.status).toBe(303);
  return Number(/\/admin\/plans\/(\d+)/.exec(res.headers.get('location') ?? '')?.[1]);
}

describe('CSV export and import', () => {
  it('round-trips exactly: export → import into an empty plan → export gives the same file', async () => {
    const all = await keilaPlans();
    const source = all[0];
    expect(source).toBeDefined();
    const exported = await ctx.app.request(`/plans/${source?.id}/items.csv`);
    expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await exported.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(csv).toContain('Volikogu istungite veebiülekanded');
    const target = await newPlan('Import target');
    const res = await upload(target, csv, keila);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/plans/${target}?imported=4`);
    const againBytes = new Uint8Array(
      await (await ctx.app.request(`/plans/${target}/items.csv`)).arrayBuffer(),
    );
    const again = new TextDecoder('utf-8', { ignoreBOM: true }).decode(againBytes);
    expect(again).toBe(csv);
  });

  it('reports bad rows by line and imports nothing', async () => {
    const target = await newPlan('Bad import target');
    const csv =
      'title,description,responsible,due_date,status,progress,source_outcome_ids\r\nFine,,,,planned,0,\r\nBad,,,,finished,0,\r\n';
    const res = await upload(target, csv, keila);
    expect(res.status).toBe(422);
    const page = await res.text();
    // The line and the column's problem, in the reader's language (Estonian by default).
    expect(page).toContain('Rida 3: tundmatu olek.');
    expect(page).toContain('href="#f-import-file"');
    expect(
      await ctx.deps.db.select().from(actionItems).where(eq(actionItems.planId, target)),
    ).toEqual([]);
    const header = await upload(target, 'name,state\r\nx,y\r\n', keila);
    expect(header.status).toBe(422);
    expect(await header.text()).toContain(
      'Esimesel real peavad olema veerud title,description,responsible,due_date,status,progress,source_outcome_ids.',
    );
  });

  it('refuses citing another municipality’s outcome on import, naming the line', async () => {
    const target = await newPlan('Foreign import target');
    const [foreign] = await ctx.deps.db
      .select()
      .from(outcomes)
      .where(eq(outcomes.kind, 'proposal'))
      .orderBy(outcomes.id);
    // The first demo event is Keila's; take an outcome of a later event that Keila did not host.
    const all = await ctx.deps.db
      .select()
      .from(outcomes)
      .where(eq(outcomes.kind, 'proposal'))
      .orderBy(outcomes.id);
    const tartuOwned = all[all.length - 1];
    expect(foreign).toBeDefined();
    const csv = `title,description,responsible,due_date,status,progress,source_outcome_ids\r\nX,,,,planned,0,${tartuOwned?.id}\r\n`;
    const res = await upload(target, csv, keila);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain(
      `Rida 2: tulemusele ${tartuOwned?.id} ei saa selles kavas viidata.`,
    );
  });

  it('keeps Tartu’s organizer out of Keila’s admin plan page', async () => {
    const target = await newPlan('Keila only');
    expect(
      (await ctx.app.request(`/admin/plans/${target}`, { headers: { cookie: tartu } })).status,
    ).toBe(403);
    expect(
      (await ctx.app.request(`/admin/plans/${target}`, { headers: { cookie: keila } })).status,
    ).toBe(200);
    expect((await ctx.app.request(`/admin/plans/${target}`)).status).toBe(303);
  });
});
