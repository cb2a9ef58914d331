import { parse } from 'csv-parse/sync';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actionItems,
  actionItemSources,
  eventHosts,
  events,
  municipalities,
} from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';
import { apiRequest, created, type Json } from '../helpers/api';
import { bearerFor, sessionFor } from '../helpers/auth';

let ctx: TestContext;
let keila: string;
let tartu: string;
let admin: string;
/** The same people on the pages: sessions (a token opens no page). */
const pages = { keila: '', tartu: '', admin: '' };
let keilaSlug: string;

function send(method: string, path: string, body?: unknown, authorization?: string) {
  return apiRequest(ctx, method, path, body, authorization);
}

async function newPlan(status: 'draft' | 'adopted' = 'adopted'): Promise<Json> {
  return created(
    await send(
      'POST',
      '/municipalities/keila/plans',
      { title: 'Keila kava', periodStart: '2027-01-01', periodEnd: '2028-12-31', status },
      keila,
    ),
  );
}

async function csvOf(path: string, headers: Record<string, string> = {}) {
  const res = await ctx.app.request(path, { headers });
  expect(res.status, path).toBe(200);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
    new Uint8Array(await res.arrayBuffer()),
  );
  return { res, text, rows: parse(text, { bom: true }) as string[][] };
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
  tartu = await bearerFor(ctx, { role: 'organizer', municipalities: ['tartu'] });
  admin = await bearerFor(ctx, { role: 'admin' });
  pages.keila = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  pages.tartu = await sessionFor(ctx, { role: 'organizer', municipalities: ['tartu'] });
  pages.admin = await sessionFor(ctx, { role: 'admin' });
  const [row] = await ctx.deps.db
    .select({ slug: events.slug })
    .from(events)
    .innerJoin(eventHosts, eq(eventHosts.eventId, events.id))
    .innerJoin(municipalities, eq(municipalities.id, eventHosts.municipalityId))
    .where(and(eq(municipalities.slug, 'keila'), eq(events.status, 'published')))
    .orderBy(asc(events.startsAt));
  if (!row) throw new Error('no Keila event');
  keilaSlug = row.slug;
});
afterAll(() => ctx.close());

describe('items CSV: no spreadsheet formulas', () => {
  it('prefixes formula-looking cells with a quote, and export → import → export stays exact', async () => {
    const plan = await newPlan();
    const values = [
      { title: '=HYPERLINK("https://evil.example","Ava")', responsible: "+cmd|' /C calc'!A0" },
      { title: "'=kirjutatud juba jutumärgiga", description: '-1+2\n@SUM(A1)' },
      { title: 'Tavaline tegevus', description: 'Kirjeldus', responsible: 'Kantselei' },
    ];
    for (const body of values) {
      await created(await send('POST', `/plans/${plan.id}/items`, body, keila));
    }
    const exported = await csvOf(`/plans/${plan.id}/items.csv`);
    expect(exported.rows.slice(1).map((row) => row.slice(0, 3))).toEqual([
      ['\'=HYPERLINK("https://evil.example","Ava")', '', "'+cmd|' /C calc'!A0"],
      ["''=kirjutatud juba jutumärgiga", "'-1+2\n@SUM(A1)", ''],
      ['Tavaline tegevus', 'Kirjeldus', 'Kantselei'],
    ]);
    for (const row of exported.rows) {
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }

    const target = await newPlan('draft');
    const res = await upload(target.id, exported.text);
    expect(res.status).toBe(303);
    const items = await ctx.deps.db
      .select()
      .from(actionItems)
      .where(eq(actionItems.planId, target.id))
      .orderBy(asc(actionItems.position));
    expect(items.map((item) => [item.title, item.description, item.responsible])).toEqual([
      ['=HYPERLINK("https://evil.example","Ava")', null, "+cmd|' /C calc'!A0"],
      ["'=kirjutatud juba jutumärgiga", '-1+2\n@SUM(A1)', null],
      ['Tavaline tegevus', 'Kirjeldus', 'Kantselei'],
    ]);
    const again = await csvOf(`/plans/${target.id}/items.csv`, { cookie: pages.keila });
    expect(again.text).toBe(exported.text);
  });
});

describe('items CSV: the public one cites only published outcomes', () => {
  it('hides an unpublished outcome’s id from the public and shows it to the plan’s managers', async () => {
    const hidden = await created(
      await send(
        'POST',
        `/events/${keilaSlug}/outcomes`,
        { kind: 'proposal', title: 'Not yet public', body: 'x' },
        keila,
      ),
    );
    const shown = await created(
      await send(
        'POST',
        `/events/${keilaSlug}/outcomes`,
        { kind: 'proposal', title: 'Public proposal', body: 'x', published: true },
        keila,
      ),
    );
    const plan = await newPlan();
    const item = await created(
      await send(
        'POST',
        `/plans/${plan.id}/items`,
        { title: 'Cites both', sourceOutcomeIds: [hidden.id, shown.id] },
        keila,
      ),
    );
    expect(
      (
        await ctx.deps.db
          .select()
          .from(actionItemSources)
          .where(eq(actionItemSources.actionItemId, item.id))
      ).length,
    ).toBe(2);
    const sourcesColumn = (rows: string[][]) => rows[1]?.[6];

    for (const path of [`/plans/${plan.id}/items.csv`, `/api/v1/plans/${plan.id}/items.csv`]) {
      // The API takes the token, the page the same person's session.
      const as = (token: string, cookie: string): Record<string, string> =>
        path.startsWith('/api/') ? { authorization: token } : { cookie };
      for (const [who, headers] of [
        ['anonymous', {}],
        ['organizer of tartu', as(tartu, pages.tartu)],
      ] as const) {
        const { res, rows } = await csvOf(path, headers);
        expect(sourcesColumn(rows), `${who} ${path}`).toBe(String(shown.id));
        // Anonymous reads of the API may be cached briefly by anyone (issue 17), a signed-in
        // caller's only privately; the page is not cached.
        expect(res.headers.get('cache-control'), `${who} ${path}`).toBe(
          !path.startsWith('/api/')
            ? null
            : who === 'anonymous'
              ? 'public, max-age=60'
              : 'private, no-cache',
        );
      }
      for (const [who, headers] of [
        ['organizer of keila', as(keila, pages.keila)],
        ['admin', as(admin, pages.admin)],
      ] as const) {
        const { res, rows } = await csvOf(path, headers);
        expect(sourcesColumn(rows), `${who} ${path}`).toBe(
          [hidden.id, shown.id].sort((a, b) => a - b).join(' '),
        );
        expect(res.headers.get('cache-control'), `${who} ${path}`).toBe('private, no-store');
      }
    }
    // The same as the public JSON shows.
    const json = await (await ctx.app.request(`/api/v1/plans/${plan.id}`)).json();
    expect(json.items[0].sources.map((s: { outcomeId: number }) => s.outcomeId)).toEqual([
      shown.id,
    ]);
  });
});
