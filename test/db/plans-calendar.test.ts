import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest, created } from '../helpers/api';
import { createTestContext, type TestContext } from '../helpers/app';
import { bearerFor } from '../helpers/auth';

let ctx: TestContext;
let keila: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  keila = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
});
afterAll(() => ctx.close());

const send = (method: string, path: string, body?: unknown) =>
  apiRequest(ctx, method, path, body, keila);

async function vevents(path: string, headers: Record<string, string> = {}) {
  const res = await ctx.app.request(path, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
  const text = await res.text();
  expect(text).toMatch(/\r\n$/);
  const root = new ICAL.Component(ICAL.parse(text));
  return { res, root, events: root.getAllSubcomponents('vevent') };
}

describe('a plan’s due dates as a calendar', () => {
  it('has one all-day entry per dated item; a moved date moves the entry and raises SEQUENCE', async () => {
    const plan = await created(
      await send('POST', '/municipalities/keila/plans', {
        title: 'Keila kava 2027',
        periodStart: '2027-01-01',
        periodEnd: '2027-12-31',
        status: 'adopted',
      }),
    );
    const item = await created(
      await send('POST', `/plans/${plan.id}/items`, {
        title: 'Istungite ülekanded',
        responsible: 'Kantselei',
        dueDate: '2027-06-30',
      }),
    );
    await created(await send('POST', `/plans/${plan.id}/items`, { title: 'Tähtajata' }));
    const path = `/plans/${plan.id}/calendar.ics`;

    const first = await vevents(path);
    expect(first.root.getFirstPropertyValue('x-wr-calname')).toBe('Tähtajad: Keila kava 2027');
    expect(first.events).toHaveLength(1);
    const [entry] = first.events;
    expect(entry?.getFirstPropertyValue('uid')).toBe(`plan-item-${item.id}@koda.test`);
    expect(entry?.getFirstPropertyValue('summary')).toBe('Tähtaeg: Istungite ülekanded');
    const start = entry?.getFirstPropertyValue('dtstart') as ICAL.Time;
    expect(start.isDate).toBe(true);
    expect(start.toString()).toBe('2027-06-30');
    expect(entry?.getFirstPropertyValue('sequence')).toBe(0);
    expect(String(entry?.getFirstPropertyValue('description'))).toContain('Vastutaja: Kantselei');

    const etag = first.res.headers.get('etag') ?? '';
    expect((await ctx.app.request(path, { headers: { 'If-None-Match': etag } })).status).toBe(304);

    await created(
      await send('POST', `/plan-items/${item.id}/updates`, {
        date: '2027-03-01',
        dueDate: '2027-09-30',
        note: 'Hange venis',
      }),
    );
    const moved = await vevents(path, { 'If-None-Match': etag });
    const [after] = moved.events;
    expect(after?.getFirstPropertyValue('uid')).toBe(`plan-item-${item.id}@koda.test`);
    expect(String(after?.getFirstPropertyValue('dtstart'))).toBe('2027-09-30');
    expect(after?.getFirstPropertyValue('sequence')).toBe(1);

    await created(
      await send('POST', `/plan-items/${item.id}/updates`, {
        date: '2027-04-01',
        status: 'dropped',
        note: 'Loobuti',
      }),
    );
    const dropped = await vevents(`${path}?lang=en`);
    expect(dropped.events[0]?.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(dropped.events[0]?.getFirstPropertyValue('summary')).toBe('Due: Istungite ülekanded');
  });

  it('is offered on the plan page and hidden for a draft', async () => {
    const html = await (await ctx.app.request('/plans/1')).text();
    expect(html).toContain('webcal://koda.test/plans/1/calendar.ics');
    const draft = await created(
      await send('POST', '/municipalities/keila/plans', {
        title: 'Mustand',
        periodStart: '2027-01-01',
        periodEnd: '2027-12-31',
      }),
    );
    expect((await ctx.app.request(`/plans/${draft.id}/calendar.ics`)).status).toBe(404);
    expect((await ctx.app.request('/plans/99999999999/calendar.ics')).status).toBe(404);
  });
});
