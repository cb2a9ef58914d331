import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '@/messages';
import type { Lang } from '@/platform/i18n';
import { eventHosts, events, municipalities } from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';
import { apiRequest, created, type Json } from '../helpers/api';
import { bearerFor, sessionFor } from '../helpers/auth';
import { expectRefusedFormIn, visibleText, type Expected } from '../helpers/form-language';
import { ORIGIN, postForm } from '../helpers/session';

/**
 * Every HTML form of plans and outcomes, refused, speaks the reader's language only: the
 * schema's checks and the features' own rules (period order, dated reports, draft-only
 * deletes, locked due dates, CSV lines) all come as message keys, never as English text or
 * internal values.
 */

let ctx: TestContext;
let keila: string;
/** The same organizer's pages: a session (a token opens no page). */
let keilaPages: string;
let eventSlug: string;

const LANGS: Lang[] = ['et', 'en'];

/** What these forms must never show: the API's English, zod's, and the code's own names. */
const PLAN_LEAKS = [
  /\bin_progress\b/,
  /\bsourceOutcomeIds\b/,
  /\bperiodStart\b/,
  /\bperiodEnd\b/,
  /\bdueDate\b/,
  /\boffsetSeconds\b/,
  /\brecordingId\b/,
  /\bline\.\d/,
  /Use the form/,
  /Not a real date/,
  /Unknown field/,
  /The plan is/,
  /Progress reports are dated from \d{4}-/,
  /You may not cite/,
  /No such/,
  /An offset needs/,
  /PATCH|POST \//,
];

function expectNoLeaks(html: string) {
  const text = visibleText(html);
  for (const leak of PLAN_LEAKS) expect(text, `leak ${leak}`).not.toMatch(leak);
}

async function refused(res: Response, lang: Lang, expected: Expected[], status = 422) {
  expect(res.status).toBe(status);
  const html = await res.text();
  expectRefusedFormIn(html, lang, expected);
  expectNoLeaks(html);
  return html;
}

function send(method: string, path: string, body?: unknown) {
  return apiRequest(ctx, method, path, body, keila);
}

function post(path: string, lang: Lang, fields: Record<string, string | string[]>) {
  return postForm(ctx, `${path}?lang=${lang}`, fields, { cookie: keilaPages });
}

function upload(planId: number, lang: Lang, csv: string) {
  const form = new FormData();
  form.append('file', new File([csv], 'items.csv', { type: 'text/csv' }));
  return ctx.app.request(`/admin/plans/${planId}/import?lang=${lang}`, {
    method: 'POST',
    headers: { cookie: keilaPages, origin: ORIGIN },
    body: form,
  });
}

/** A Keila plan for 2026–2027 (the test clock is in November 2026) with one item due 30 June 2026. */
async function planWithItem(status: 'draft' | 'adopted') {
  const plan = await created(
    await send('POST', '/municipalities/keila/plans', {
      title: 'Keila kava',
      periodStart: '2026-01-01',
      periodEnd: '2027-12-31',
      status,
    }),
  );
  const item: Json = await created(
    await send('POST', `/plans/${plan.id}/items`, { title: 'Istungid', dueDate: '2026-06-30' }),
  );
  return { plan, item };
}

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  keila = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  keilaPages = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  const [event] = await ctx.deps.db
    .select({ slug: events.slug })
    .from(events)
    .innerJoin(eventHosts, eq(eventHosts.eventId, events.id))
    .innerJoin(municipalities, eq(municipalities.id, eventHosts.municipalityId))
    .where(eq(municipalities.slug, 'keila'));
  if (!event) throw new Error('the demo has no Keila event');
  eventSlug = event.slug;
});
afterAll(() => ctx.close());

describe.each(LANGS)('plan and outcome forms, refused, in %s', (lang) => {
  it('new plan: required title, period order, a status that is not offered', async () => {
    await refused(
      await post('/admin/plans', lang, {
        municipality: 'keila',
        title: '',
        periodStart: '2027-01-01',
        periodEnd: '2026-01-01',
        status: 'in_progress',
      }),
      lang,
      ['validation.required', 'validation.choice'],
    );
    // The period's order is the schema's own rule, with its own message.
    await refused(
      await post('/admin/plans', lang, {
        municipality: 'keila',
        title: 'Kava',
        periodStart: '2027-01-01',
        periodEnd: '2026-01-01',
      }),
      lang,
      ['plans.error.periodOrder'],
    );
  });

  it('edit plan: no return to draft; the period cannot start after dated reports', async () => {
    const { plan, item } = await planWithItem('adopted');
    const fields = { title: 'Keila', periodStart: '2026-01-01', periodEnd: '2027-12-31' };
    await refused(
      await post(`/admin/plans/${plan.id}`, lang, { ...fields, status: 'draft' }),
      lang,
      ['plans.error.noReturnToDraft'],
    );
    await created(
      await send('POST', `/plan-items/${item.id}/updates`, { date: '2026-03-01', note: 'Algas' }),
    );
    await refused(
      await post(`/admin/plans/${plan.id}`, lang, { ...fields, periodStart: '2026-05-01' }),
      lang,
      [['plans.error.reportsBeforeStart', { date: '01.03.2026' }]],
    );
  });

  it('delete plan and delete item: an adopted plan’s are refused in the reader’s language', async () => {
    const { plan, item } = await planWithItem('adopted');
    for (const [path, key] of [
      [`/admin/plans/${plan.id}/delete`, 'plans.admin.planNotDraft'],
      [`/admin/plan-items/${item.id}/delete`, 'plans.admin.itemNotDraft'],
    ] as const) {
      const res = await post(path, lang, {});
      expect(res.status).toBe(409);
      const html = await res.text();
      expect(visibleText(html)).toContain(translator(lang)(key));
      expect(visibleText(html)).not.toContain(translator(lang === 'et' ? 'en' : 'et')(key));
      expectNoLeaks(html);
    }
  });

  it('add item: required title, progress beyond 100, an impossible due date, a foreign source', async () => {
    const { plan } = await planWithItem('draft');
    await refused(
      await post(`/admin/plans/${plan.id}/items`, lang, {
        title: ' ',
        dueDate: '2027-02-30',
        progress: '150',
        status: 'in_progress',
      }),
      lang,
      ['validation.required', 'validation.date', ['validation.tooBig', { limit: 100 }]],
    );
    await refused(
      await post(`/admin/plans/${plan.id}/items`, lang, {
        title: 'Tegevus',
        sourcesOffered: '1',
        sourceOutcomeIds: '999999',
      }),
      lang,
      ['plans.error.notCitable'],
    );
  });

  it('edit item: an adopted plan’s due date is not edited, it is moved with a report', async () => {
    const { item } = await planWithItem('adopted');
    await refused(
      await post(`/admin/plan-items/${item.id}`, lang, {
        title: 'Istungid',
        dueDate: '2027-01-31',
      }),
      lang,
      ['plans.error.dueDateLocked'],
    );
  });

  it('progress report: note, date before the period, both due-date choices, the same date, a draft’s date', async () => {
    const { plan, item } = await planWithItem('adopted');
    const path = `/admin/plan-items/${item.id}/updates`;
    await refused(await post(path, lang, { note: '', progress: 'x' }), lang, [
      'validation.required',
    ]);
    await refused(await post(path, lang, { date: '2025-12-31', note: 'Vara' }), lang, [
      ['plans.error.dateBeforePeriod', { date: '01.01.2026' }],
    ]);
    await refused(
      await post(path, lang, { dueDate: '2027-01-31', removeDueDate: '1', note: 'Mõlemad' }),
      lang,
      ['plans.error.dueDateBoth'],
    );
    await refused(await post(path, lang, { dueDate: '2026-06-30', note: 'Sama' }), lang, [
      ['plans.error.sameDueDate', { date: '30.06.2026' }],
    ]);
    const draft = await planWithItem('draft');
    await refused(
      await post(`/admin/plan-items/${draft.item.id}/updates`, lang, {
        dueDate: '2027-01-31',
        note: 'Mustand',
      }),
      lang,
      ['plans.error.draftDueDate'],
    );
    expect(plan.id).toBeGreaterThan(0);
  });

  it('CSV import: every line’s problem by its number, in the reader’s language', async () => {
    const { plan } = await planWithItem('draft');
    const header = 'title,description,responsible,due_date,status,progress,source_outcome_ids';
    const html = await refused(
      await upload(
        plan.id,
        lang,
        `${header}\r\n,,,,planned,0,\r\nB,,,2027-13-01,finished,101,x\r\nC,,\r\n`,
      ),
      lang,
      [
        ['plans.csv.title', { line: 2 }],
        ['plans.csv.dueDate', { line: 3 }],
        ['plans.csv.status', { line: 3 }],
        ['plans.csv.progress', { line: 3 }],
        ['plans.csv.sources', { line: 3 }],
        ['plans.csv.columnCount', { line: 4, expected: 7, found: 3 }],
      ],
    );
    expect(visibleText(html)).not.toContain('finished');
    await refused(await upload(plan.id, lang, 'name,state\r\nx,y\r\n'), lang, [
      ['plans.csv.header', { columns: header }],
    ]);
    await refused(await upload(plan.id, lang, `${header}\r\nA,,,,planned,0,999999\r\n`), lang, [
      ['plans.csv.notCitable', { line: 2, id: 999999 }],
    ]);
  });

  it('outcome: required title, a kind not offered, a position without a recording', async () => {
    const path = `/admin/events/${eventSlug}/outcomes`;
    await refused(await post(path, lang, { kind: 'memo', title: '', body: '' }), lang, [
      'validation.required',
      'validation.choice',
    ]);
    const html = await refused(
      await post(path, lang, { kind: 'proposal', title: 'Ettepanek', offsetSeconds: '90' }),
      lang,
      ['outcomes.error.offsetNeedsRecording'],
    );
    // What was sent stays in the form.
    expect(html).toContain('value="Ettepanek"');
  });
});
