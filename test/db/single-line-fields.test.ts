/**
 * Hardening (issue 21, finding 1, the boundary): single-line fields — titles, names, places,
 * speakers, rooms — take no line break or control character from any way in (the API, the HTML
 * forms, the CSV import). A pasted line break becomes a space, other control characters go;
 * multi-line fields (descriptions, needs) keep their lines.
 */
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actionItems,
  actionPlans,
  agendaItems,
  events,
  outcomes,
  chapters as recordingChapters,
  recordings,
  registrations,
  users,
  apiTokens,
} from '@/platform/db/schema';
import { apiRequest, created } from '../helpers/api';
import { createTestContext, type TestContext } from '../helpers/app';
import { bearerFor, sessionFor } from '../helpers/auth';
import { loginCookie, makeUser, postForm as postFormAs_ } from '../helpers/session';
import { createUser } from '@/accounts/users';
import { body, makeEvent, postForm, register } from './registrations-fixtures';

let ctx: TestContext;
let keila: string;

/** Every kind of line break, a tab, and control characters of C0, DEL and C1. */
const BROKEN =
  'Üks\r\nkaks\rkolm\nneli\u2028viis\u0085kuus\tseitse\u000b\u001b[1m\u007f\u009bkaheksa';
const ONE_LINE = 'Üks kaks kolm neli viis kuus seitse [1mkaheksa';

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  keila = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
});
afterAll(() => ctx.close());

const postFormAs = (cookie: string, path: string, fields: Record<string, string>) =>
  postFormAs_(ctx, path, fields, { cookie });

const send = (method: string, path: string, payload?: unknown) =>
  apiRequest(ctx, method, path, payload, keila);

describe('single-line fields through the API', () => {
  it('an event’s title and place, its agenda’s titles, speakers and rooms', async () => {
    const event = await created(
      await send('POST', '/events', {
        kind: 'forum',
        title: ` ${BROKEN} `,
        startsAt: '2027-03-01T16:00',
        endsAt: '2027-03-01T18:00',
        hosts: ['keila'],
        venue: { name: BROKEN, address: BROKEN },
      }),
    );
    expect(event.title).toBe(ONE_LINE);
    const [row] = await ctx.deps.db.select().from(events).where(eq(events.id, event.id));
    expect([row?.title, row?.venueName, row?.venueAddress]).toEqual([ONE_LINE, ONE_LINE, ONE_LINE]);

    const agenda = await send('PUT', `/events/${String(event.slug)}/agenda`, [
      {
        startsAt: '2027-03-01T16:00',
        endsAt: '2027-03-01T17:00',
        title: BROKEN,
        speakers: [BROKEN],
        kind: 'talk',
        room: BROKEN,
        description: 'Esimene rida\nteine rida',
      },
    ]);
    expect(agenda.status, await agenda.clone().text()).toBe(200);
    const [item] = await ctx.deps.db
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.eventId, event.id));
    expect([item?.title, item?.speakers, item?.room]).toEqual([ONE_LINE, [ONE_LINE], ONE_LINE]);
    expect(item?.description).toBe('Esimene rida\nteine rida');

    const recording = await created(
      await send('POST', `/events/${String(event.slug)}/recordings`, {
        url: 'https://video.example/a.mp4',
        title: BROKEN,
        chapters: [{ offsetSeconds: 0, title: BROKEN }],
      }),
    );
    const [stored] = await ctx.deps.db
      .select()
      .from(recordings)
      .where(eq(recordings.id, recording.id));
    expect(stored?.title).toBe(ONE_LINE);
    const chapterRows = await ctx.deps.db
      .select()
      .from(recordingChapters)
      .where(eq(recordingChapters.recordingId, recording.id));
    expect(chapterRows.map((chapter) => chapter.title)).toEqual([ONE_LINE]);

    const outcome = await created(
      await send('POST', `/events/${String(event.slug)}/outcomes`, {
        kind: 'minutes',
        title: BROKEN,
        body: 'Rida\nteine',
      }),
    );
    const [note] = await ctx.deps.db.select().from(outcomes).where(eq(outcomes.id, outcome.id));
    expect([note?.title, note?.body]).toEqual([ONE_LINE, 'Rida\nteine']);
  });

  it('a plan’s and an item’s title, and who is responsible', async () => {
    const plan = await created(
      await send('POST', '/municipalities/keila/plans', {
        title: BROKEN,
        periodStart: '2027-01-01',
        periodEnd: '2027-12-31',
      }),
    );
    await created(
      await send('POST', `/plans/${plan.id}/items`, { title: BROKEN, responsible: BROKEN }),
    );
    const [stored] = await ctx.deps.db
      .select()
      .from(actionPlans)
      .where(eq(actionPlans.id, plan.id));
    expect(stored?.title).toBe(ONE_LINE);
    const [item] = await ctx.deps.db
      .select()
      .from(actionItems)
      .where(eq(actionItems.planId, plan.id));
    expect([item?.title, item?.responsible]).toEqual([ONE_LINE, ONE_LINE]);
  });

  it('a registration’s name and organization (its needs keep their lines)', async () => {
    const event = await makeEvent(ctx);
    const payload = body({ name: BROKEN, organization: BROKEN, needs: 'ratastool\nvegan' });
    const res = await register(ctx, event.slug, payload);
    expect(res.status).toBeLessThan(300);
    const [row] = await ctx.deps.db
      .select()
      .from(registrations)
      .where(eq(registrations.email, String(payload.email)));
    expect([row?.name, row?.organization, row?.needs]).toEqual([
      ONE_LINE,
      ONE_LINE,
      'ratastool\nvegan',
    ]);
  });
});

describe('single-line fields of staff accounts', () => {
  it('a user’s name and an API token’s label', async () => {
    const user = await createUser(
      ctx.deps.db,
      { email: 'nimi@koda.test', name: BROKEN, password: 'a long enough password', role: 'admin' },
      1_000,
    );
    const [row] = await ctx.deps.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.name).toBe(ONE_LINE);
    const cookie = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
    const res = await postFormAs(cookie, '/admin/tokens', {
      label: BROKEN,
      scopes: 'read',
      expiresInDays: '30',
    });
    expect(res.status, await res.clone().text()).toBeLessThan(400);
    const labels = (await ctx.deps.db.select().from(apiTokens)).map((token) => token.label);
    expect(labels).toContain(ONE_LINE);
  });
});

describe('single-line fields through the HTML forms and the CSV import', () => {
  it('the registration form', async () => {
    const event = await makeEvent(ctx);
    const res = await postForm(ctx, `/events/${event.slug}/register`, {
      name: BROKEN,
      email: 'vorm@example.ee',
      attendance: 'online',
      consent: 'on',
    });
    expect(res.status).toBeLessThan(400);
    const [row] = await ctx.deps.db
      .select()
      .from(registrations)
      .where(eq(registrations.email, 'vorm@example.ee'));
    expect(row?.name).toBe(ONE_LINE);
  });

  it('a plan’s items read from a CSV file', async () => {
    const plan = await created(
      await send('POST', '/municipalities/keila/plans', {
        title: 'Imporditav kava',
        periodStart: '2027-01-01',
        periodEnd: '2027-12-31',
      }),
    );
    const user = await makeUser(ctx, { role: 'organizer', municipalities: ['keila'] });
    const cookie = await loginCookie(ctx, user.email, user.password);
    const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;
    const csv =
      'title,description,responsible,due_date,status,progress,source_outcome_ids\r\n' +
      [
        quoted(BROKEN),
        quoted('Kirjeldus\r\nteine rida'),
        quoted(BROKEN),
        '',
        'planned',
        '0',
        '',
      ].join(',') +
      '\r\n';
    const form = new FormData();
    form.append('file', new File([csv], 'items.csv', { type: 'text/csv' }));
    const res = await ctx.app.request(`/admin/plans/${plan.id}/import`, {
      method: 'POST',
      headers: { cookie, origin: 'https://koda.test' },
      body: form,
    });
    expect(res.status, await res.clone().text()).toBe(303);
    const items = await ctx.deps.db
      .select()
      .from(actionItems)
      .where(eq(actionItems.planId, plan.id))
      .orderBy(asc(actionItems.position));
    expect(items.map((item) => [item.title, item.responsible, item.description])).toEqual([
      [ONE_LINE, ONE_LINE, 'Kirjeldus\r\nteine rida'],
    ]);
  });
});
