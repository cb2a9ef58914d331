import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionItems, actionItemUpdates, auditLog, municipalities } from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';
import { apiRequest, created, type Json } from '../helpers/api';
import { bearerFor, sessionFor } from '../helpers/auth';
import { postForm } from '../helpers/session';

let ctx: TestContext;
let keila: string;

type Update = { id: number; dueDate: string | null; dueDateRemoved: boolean; note: string };

function send(method: string, path: string, body?: unknown, authorization = keila) {
  return apiRequest(ctx, method, path, body, authorization);
}

/** A Keila plan for 2026–2027 (the test clock is 26 Nov 2026) with one item due 30 June 2026. */
async function planWithItem(status: 'draft' | 'adopted' | 'archived', dueDate = '2026-06-30') {
  const plan = await created(
    await send('POST', '/municipalities/keila/plans', {
      title: `Keila ${status} plan`,
      periodStart: '2026-01-01',
      periodEnd: '2027-12-31',
      status,
    }),
  );
  const item = await created(
    await send('POST', `/plans/${plan.id}/items`, { title: 'Istungite ülekanded', dueDate }),
  );
  return { plan, item };
}

async function itemRow(id: number) {
  const [row] = await ctx.deps.db.select().from(actionItems).where(eq(actionItems.id, id));
  return row;
}

async function updateRows(itemId: number) {
  return ctx.deps.db
    .select()
    .from(actionItemUpdates)
    .where(eq(actionItemUpdates.actionItemId, itemId))
    .orderBy(asc(actionItemUpdates.id));
}

function paths(body: { error: { details?: { path: string }[] } }) {
  return (body.error.details ?? []).map((detail) => detail.path);
}

/** The text of one item's <li> on the public plan page, tags removed. */
async function itemText(planId: number, itemId: number, lang: 'et' | 'en') {
  const res = await ctx.app.request(`/plans/${planId}?lang=${lang}`);
  expect(res.status).toBe(200);
  const html = await res.text();
  const start = html.indexOf(`id="item-${itemId}"`);
  expect(start).toBeGreaterThan(-1);
  const end = html.indexOf('</li>\n', start);
  return html
    .slice(start, end === -1 ? undefined : end)
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ');
}

beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.deps.db
    .insert(municipalities)
    .values({ slug: 'keila', name: 'Keila linn', kind: 'city' });
  keila = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
});
afterAll(() => ctx.close());

describe('moving a due date with a progress report (API)', () => {
  it('records the move, sets the item’s date, and the page and JSON show the explained, dated entry', async () => {
    const { plan, item } = await planWithItem('adopted');

    const first = await send('POST', `/plan-items/${item.id}/updates`, {
      date: '2026-06-15',
      dueDate: '2026-12-31',
      note: 'Hange venis: pakkumusi tuli üks',
    });
    expect(first.status, await first.clone().text()).toBe(201);
    const body = await first.json();
    expect(body).toMatchObject({ dueDate: '2026-12-31', dueDateMoves: 1 });
    expect(body.updates).toEqual([
      expect.objectContaining({
        date: '2026-06-15',
        dueDateMoved: true,
        dueDate: '2026-12-31',
        previousDueDate: '2026-06-30',
        dueDateRemoved: false,
        note: 'Hange venis: pakkumusi tuli üks',
      }),
    ]);
    expect((await itemRow(item.id))?.dueDate).toBe('2026-12-31');
    expect((await updateRows(item.id)).map((row) => row.dueDate)).toEqual(['2026-12-31']);

    // A report that does not move the date, then a second move dated before the first report
    // was made: the chain follows the order the moves were made in.
    await created(
      await send('POST', `/plan-items/${item.id}/updates`, {
        date: '2026-09-01',
        progress: 30,
        note: 'Kaamerad tellitud',
      }),
    );
    await created(
      await send('POST', `/plan-items/${item.id}/updates`, {
        dueDate: '2027-03-31',
        note: 'Tarne hilineb',
      }),
    );
    expect((await itemRow(item.id))?.dueDate).toBe('2027-03-31');

    const en = await itemText(plan.id, item.id, 'en');
    expect(en).toContain('Due: 31 Mar 2027');
    expect(en).toContain('Due date moved 2 times');
    // Each move says where the date came from, the first one too.
    expect(en).toContain(
      'Due date moved from 30.06.2026 to 31.12.2026 — Hange venis: pakkumusi tuli üks',
    );
    expect(en).toContain('Due date moved from 31.12.2026 to 31.03.2027 — Tarne hilineb');
    expect(en).toMatch(/30% — Kaamerad tellitud/);
    const et = await itemText(plan.id, item.id, 'et');
    expect(et).toContain('Tähtaega muudeti 2 korda');
    expect(et).toContain('Tähtaeg muudeti: 30.06.2026 → 31.12.2026 — Hange venis');
    expect(et).toContain('Tähtaeg muudeti: 31.12.2026 → 31.03.2027 — Tarne hilineb');

    const json = await (await ctx.app.request(`/api/v1/plans/${plan.id}`)).json();
    const shown = json.items.find((row: Json) => row.id === item.id);
    expect(shown).toMatchObject({ dueDate: '2027-03-31', dueDateMoves: 2 });
    expect(shown.updates.map((u: Update) => [u.note, u.dueDate, u.dueDateRemoved])).toEqual([
      ['Hange venis: pakkumusi tuli üks', '2026-12-31', false],
      ['Kaamerad tellitud', null, false],
      ['Tarne hilineb', '2027-03-31', false],
    ]);
  });

  it('removes a due date with null, and sets one again; each is a move in the timeline', async () => {
    const { plan, item } = await planWithItem('adopted');
    await created(
      await send('POST', `/plan-items/${item.id}/updates`, {
        dueDate: '2026-12-31',
        note: 'Esimene nihe',
      }),
    );
    const removed = await send('POST', `/plan-items/${item.id}/updates`, {
      dueDate: null,
      note: 'Rahastus puudub, tähtaega ei saa anda',
    });
    expect(removed.status).toBe(201);
    expect(await removed.json()).toMatchObject({ dueDate: null, dueDateMoves: 2 });
    expect((await itemRow(item.id))?.dueDate).toBeNull();
    expect(
      (await updateRows(item.id)).map((row) => [
        row.dueDateMoved,
        row.previousDueDate,
        row.dueDate,
      ]),
    ).toEqual([
      [true, '2026-06-30', '2026-12-31'],
      [true, '2026-12-31', null],
    ]);

    const again = await send('POST', `/plan-items/${item.id}/updates`, {
      dueDate: null,
      note: 'Ikka ei tea',
    });
    expect(again.status).toBe(422);
    expect(paths(await again.json())).toEqual(['dueDate']);

    await created(
      await send('POST', `/plan-items/${item.id}/updates`, {
        dueDate: '2027-06-30',
        note: 'Raha leitud',
      }),
    );
    const en = await itemText(plan.id, item.id, 'en');
    expect(en).toContain('Due date removed (was 31.12.2026) — Rahastus puudub');
    expect(en).toContain('Due date set to 30.06.2027 — Raha leitud');
    expect(en).toContain('Due date moved 3 times');
    const et = await itemText(plan.id, item.id, 'et');
    expect(et).toContain('Tähtaeg eemaldati (oli 31.12.2026)');
    expect(et).toContain('Tähtaeg määrati: 30.06.2027');

    const json = await (await ctx.app.request(`/api/v1/plans/${plan.id}`)).json();
    expect(json.items[0].updates.map((u: Update) => [u.dueDate, u.dueDateRemoved])).toEqual([
      ['2026-12-31', false],
      [null, true],
      ['2027-06-30', false],
    ]);
  });

  it('refuses a move to the date the item already has, a move without a reason, and moves on a draft; nothing changes', async () => {
    const { item } = await planWithItem('adopted');
    const cases: [Record<string, unknown>, string][] = [
      [{ dueDate: '2026-06-30', note: 'Sama kuupäev' }, 'dueDate'],
      [{ dueDate: '2026-12-31' }, 'note'],
      [{ dueDate: '2026-12-31', note: '   ' }, 'note'],
      [{ dueDate: '31.12.2026', note: 'Vale vorm' }, 'dueDate'],
      [{ dueDate: '2026-02-30', note: 'Pole päris' }, 'dueDate'],
    ];
    for (const [body, path] of cases) {
      const res = await send('POST', `/plan-items/${item.id}/updates`, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect([...new Set(paths(await res.json()))], JSON.stringify(body)).toEqual([path]);
    }
    expect(await updateRows(item.id)).toEqual([]);
    expect((await itemRow(item.id))?.dueDate).toBe('2026-06-30');

    const draft = await planWithItem('draft');
    const res = await send('POST', `/plan-items/${draft.item.id}/updates`, {
      dueDate: '2026-12-31',
      note: 'Mustandis',
    });
    expect(res.status).toBe(422);
    const error = await res.json();
    expect(error.error.details).toEqual([
      { path: 'dueDate', message: expect.stringContaining('PATCH') },
    ]);
    expect(await updateRows(draft.item.id)).toEqual([]);
  });

  it('moves the date of an archived plan’s item too, and audits the move', async () => {
    const { item } = await planWithItem('archived');
    await created(
      await send('POST', `/plan-items/${item.id}/updates`, {
        dueDate: '2027-01-31',
        note: 'Hiline parandus',
      }),
    );
    expect((await itemRow(item.id))?.dueDate).toBe('2027-01-31');
    const audit = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'action_item'), eq(auditLog.entityId, String(item.id))))
      .orderBy(asc(auditLog.id));
    expect(audit.at(-1)?.before).toMatchObject({ dueDate: '2026-06-30' });
    expect(audit.at(-1)?.after).toMatchObject({
      dueDate: '2027-01-31',
      update: { dueDate: '2027-01-31' },
    });
  });
});

describe('PATCH dueDate', () => {
  it('is refused on an adopted or archived plan, pointing to a progress report; the same date passes', async () => {
    for (const status of ['adopted', 'archived'] as const) {
      const { item } = await planWithItem(status);
      for (const dueDate of ['2026-12-31', null]) {
        const res = await send('PATCH', `/plan-items/${item.id}`, { title: 'Uus', dueDate });
        expect(res.status, `${status} ${dueDate}`).toBe(422);
        const error = await res.json();
        expect(error.error.details).toEqual([
          {
            path: 'dueDate',
            message: expect.stringMatching(/progress report giving the reason.*updates/),
          },
        ]);
      }
      expect(await itemRow(item.id)).toMatchObject({
        title: 'Istungite ülekanded',
        dueDate: '2026-06-30',
      });
      const same = await send('PATCH', `/plan-items/${item.id}`, {
        title: 'Uus',
        dueDate: '2026-06-30',
      });
      expect(same.status, status).toBe(200);
      expect(await itemRow(item.id)).toMatchObject({ title: 'Uus', dueDate: '2026-06-30' });
    }
  });

  it('is allowed on a draft, with no timeline entry', async () => {
    const { item } = await planWithItem('draft');
    const res = await send('PATCH', `/plan-items/${item.id}`, { dueDate: '2026-12-31' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ dueDate: '2026-12-31', dueDateMoves: 0 });
    const cleared = await send('PATCH', `/plan-items/${item.id}`, { dueDate: null });
    expect((await cleared.json()).dueDate).toBeNull();
    expect(await updateRows(item.id)).toEqual([]);
  });
});

describe('moving a due date from the admin page', () => {
  // The pages take a session (a token opens no page).
  const as = { cookie: '' };
  beforeAll(async () => {
    as.cookie = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  });

  async function adminPage(planId: number) {
    const res = await ctx.app.request(`/admin/plans/${planId}?lang=en`, { headers: as });
    expect(res.status).toBe(200);
    return res.text();
  }

  function form(html: string, action: string) {
    const start = html.indexOf(`action="${action}"`);
    expect(start, action).toBeGreaterThan(-1);
    return html.slice(start, html.indexOf('</form>', start));
  }

  it('offers the move in the progress report form of an adopted plan, not as an edit', async () => {
    const { plan, item } = await planWithItem('adopted');
    const page = await adminPage(plan.id);
    const report = form(page, `/admin/plan-items/${item.id}/updates`);
    expect(report).toContain('New due date');
    expect(report).toContain('name="dueDate"');
    expect(report).toContain('name="removeDueDate"');
    const edit = form(page, `/admin/plan-items/${item.id}`);
    expect(edit).not.toContain('name="dueDate"');
    expect(edit).toContain('2026-06-30');
    expect(edit).toContain('move it with a progress report');

    const draft = await planWithItem('draft');
    const draftPage = await adminPage(draft.plan.id);
    expect(form(draftPage, `/admin/plan-items/${draft.item.id}/updates`)).not.toContain(
      'name="dueDate"',
    );
    expect(form(draftPage, `/admin/plan-items/${draft.item.id}`)).toContain('name="dueDate"');
  });

  it('moves, refuses the same date or both choices beside the form, removes; the edit form leaves the date alone', async () => {
    const { plan, item } = await planWithItem('adopted');
    const path = `/admin/plan-items/${item.id}/updates`;
    const moved = await postForm(
      ctx,
      path,
      { date: '', status: '', progress: '', dueDate: '2026-12-31', note: 'Volikogu otsus' },
      as,
    );
    expect(moved.status).toBe(303);
    expect(moved.headers.get('location')).toBe(`/admin/plans/${plan.id}?saved#item-${item.id}`);
    expect((await itemRow(item.id))?.dueDate).toBe('2026-12-31');
    expect((await updateRows(item.id)).map((row) => [row.dueDate, row.note])).toEqual([
      ['2026-12-31', 'Volikogu otsus'],
    ]);

    for (const fields of [
      { dueDate: '2026-12-31', note: 'Sama' } as Record<string, string>,
      { dueDate: '2027-01-31', removeDueDate: '1', note: 'Mõlemad' },
    ]) {
      const res = await postForm(ctx, `${path}?lang=en`, fields, as);
      expect(res.status, JSON.stringify(fields)).toBe(422);
      expect(await res.text()).toContain(`href="#f-report-${item.id}-dueDate"`);
    }
    expect(await updateRows(item.id)).toHaveLength(1);

    // Saving the item's edit form (which has no due date field here) keeps the date.
    const edit = await postForm(ctx, `/admin/plan-items/${item.id}`, { title: 'Parandatud' }, as);
    expect(edit.status).toBe(303);
    expect(await itemRow(item.id)).toMatchObject({ title: 'Parandatud', dueDate: '2026-12-31' });
    // A forged due date in it is refused like the API's PATCH.
    const forged = await postForm(
      ctx,
      `/admin/plan-items/${item.id}?lang=en`,
      { title: 'Parandatud', dueDate: '2028-01-01' },
      as,
    );
    expect(forged.status).toBe(422);
    expect(await forged.text()).toContain(`href="#f-item-${item.id}-dueDate"`);

    const removed = await postForm(ctx, path, { removeDueDate: '1', note: 'Ootel' }, as);
    expect(removed.status).toBe(303);
    expect((await itemRow(item.id))?.dueDate).toBeNull();
    const en = await itemText(plan.id, item.id, 'en');
    expect(en).toContain('Due date moved from 30.06.2026 to 31.12.2026 — Volikogu otsus');
    expect(en).toContain('Due date removed (was 31.12.2026) — Ootel');
    expect(en).toContain('Due date moved 2 times');
  });
});
