import { parse } from 'csv-parse/sync';
import { asc, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardCell } from '@/platform/csv';
import { actionItems, registrations } from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';
import { apiRequest, created, type Json } from '../helpers/api';
import { bearerFor, sessionFor } from '../helpers/auth';
import { hostileLine, hostileText } from '../helpers/text';
import { body, makeEvent, register } from './registrations-fixtures';

/** The CSV files as a spreadsheet or Python's csv reads them (see test/unit/csv-format.test.ts). */

let ctx: TestContext;
/** The Keila organizer's API token, and their browser's session cookie for the pages. */
let keila: string;
let keilaPages: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  keila = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  keilaPages = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
});
afterAll(() => ctx.close());

/** Any line break outside quotes ends a record; a record of another width throws. */
function strictRecords(text: string): string[][] {
  return parse(text, { bom: true, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];
}

async function download(path: string, headers: Record<string, string>) {
  const res = await ctx.app.request(path, { headers });
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

async function newPlan(status: 'draft' | 'adopted'): Promise<Json> {
  return created(
    await apiRequest(
      ctx,
      'POST',
      '/municipalities/keila/plans',
      { title: 'Keila kava', periodStart: '2027-01-01', periodEnd: '2028-12-31', status },
      keila,
    ),
  );
}

async function itemsOf(planId: number) {
  const rows = await ctx.deps.db
    .select()
    .from(actionItems)
    .where(eq(actionItems.planId, planId))
    .orderBy(asc(actionItems.position));
  return rows.map((row) => ({
    title: row.title,
    description: row.description,
    responsible: row.responsible,
    dueDate: row.dueDate,
  }));
}

/** Text with something in it besides control characters and spaces (which fields may drop). */
// eslint-disable-next-line no-control-regex -- what a field may drop
const someText = (text: string) => /[^\u0000-\u001f\u007f-\u009f\s]/.test(text);

const itemText = fc.record({
  title: hostileLine({ minLength: 1, maxLength: 30 }).filter(someText),
  description: fc.option(hostileText({ minLength: 1, maxLength: 60 }).filter(someText), {
    nil: null,
  }),
  responsible: fc.option(hostileText({ minLength: 1, maxLength: 20 }).filter(someText), {
    nil: null,
  }),
  dueDate: fc.option(fc.constantFrom('2027-03-31', '2028-12-15'), { nil: null }),
});

describe('plan items CSV: export → import is exact for any text', () => {
  it('reads back into another plan exactly what the first one holds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(itemText, { minLength: 1, maxLength: 4 }), async (items) => {
        const source = await newPlan('adopted');
        for (const item of items) {
          await created(await apiRequest(ctx, 'POST', `/plans/${source.id}/items`, item, keila));
        }
        // What the app stored (single-line fields normalised on the way in) is what must return.
        const expected = await itemsOf(source.id);
        expect(expected).toHaveLength(items.length);

        const page = await download(`/plans/${source.id}/items.csv`, { cookie: keilaPages });
        const api = await download(`/api/v1/plans/${source.id}/items.csv`, {
          authorization: keila,
        });
        expect(api).toBe(page);
        const records = strictRecords(page);
        expect(records).toHaveLength(items.length + 1);
        for (const record of records) expect(record).toHaveLength(7);

        const target = await newPlan('draft');
        const form = new FormData();
        form.append('file', new File([page], 'items.csv', { type: 'text/csv' }));
        const res = await ctx.app.request(`/admin/plans/${target.id}/import`, {
          method: 'POST',
          headers: { cookie: keilaPages, origin: 'https://koda.test' },
          body: form,
        });
        expect(res.status, await res.clone().text()).toBe(303);
        expect(await itemsOf(target.id)).toEqual(expected);
      }),
      { numRuns: 12 },
    );
  }, 180_000);
});

describe('registrations CSV', () => {
  it('keeps one row per person, however their text breaks lines or quotes', async () => {
    const event = await makeEvent(ctx);
    const people = [
      { name: 'Mari "Maasikas", noorem', organization: '=1+2, "Selts"', needs: 'ratastool\nvegan' },
      { name: 'Jüri Õun', organization: 'Küla; "Selts"', needs: 'kurt\r\nviipekeel,\r😀' },
      { name: '@Tõnu', needs: '-' },
    ];
    for (const person of people) {
      const res = await register(ctx, event.slug, body(person));
      expect([201, 202], await res.clone().text()).toContain(res.status);
    }
    const csv = await download(`/admin/events/${event.slug}/registrations.csv`, {
      cookie: keilaPages,
    });
    const [header, ...records] = strictRecords(csv);
    expect(records).toHaveLength(people.length);
    for (const record of records) expect(record).toHaveLength(header?.length ?? 0);
    const rows = records.map((record) =>
      Object.fromEntries((header ?? []).map((name, index) => [name, record[index]])),
    );
    // Each cell is what the app stored (with the formula guard), line breaks and all.
    const stored = await ctx.deps.db
      .select()
      .from(registrations)
      .where(eq(registrations.eventId, event.id))
      .orderBy(asc(registrations.id));
    expect(stored.filter((row) => /[\r\n]/.test(row.needs ?? ''))).toHaveLength(2);
    expect(rows.map((row) => [row.name, row.organization, row.needs])).toEqual(
      stored.map((row) =>
        [row.name, row.organization ?? '', row.needs].map((v) => guardCell(v ?? '')),
      ),
    );
    expect(rows.map((row) => row.name)).toEqual(['Mari "Maasikas", noorem', 'Jüri Õun', "'@Tõnu"]);
    expect(rows[0]?.organization).toBe('\'=1+2, "Selts"');
    expect(rows[0]?.registered_local).toBe('2026-11-26 14:00');
    expect(rows[0]?.registered_at).toBe('2026-11-26T14:00:00+02:00');
  });
});
