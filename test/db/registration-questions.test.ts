import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, outbox, registrationQuestions, registrations } from '@/platform/db/schema';
import { purgeRegistrations } from '@/registrations';
import { apiRequest, created } from '../helpers/api';
import { createTestContext, type TestContext } from '../helpers/app';
import { bearerFor, pageAuthorizationCases, sessionFor } from '../helpers/auth';
import { expectRefusedFormIn, visibleText } from '../helpers/form-language';
import { postForm } from '../helpers/session';
import { freshAddress } from './registrations-fixtures';

let ctx: TestContext;
let keila: string;
let keilaPage: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  keila = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  keilaPage = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
});
afterAll(() => ctx.close());

const send = (method: string, path: string, body?: unknown, authorization = keila) =>
  apiRequest(ctx, method, path, body, authorization);

/** One question of each kind; the diet one is special-category data and has a Russian text. */
const QUESTIONS = [
  { kind: 'text', label: 'Kust te tulete?', help: 'Küla või linnaosa' },
  { kind: 'longtext', label: 'Mida soovite arutada?' },
  {
    kind: 'choice',
    label: { et: 'Toit', ru: 'Питание' },
    options: { et: ['tavaline', 'taimetoit'], ru: ['обычное', 'вегетарианское'] },
    required: true,
    sensitive: true,
  },
  {
    kind: 'choices',
    label: 'Millistes töörühmades?',
    options: ['haridus', 'transport', 'kultuur'],
  },
  { kind: 'yesno', label: 'Vajate lapsehoidu?', required: true },
];

type Question = { id: number; kind: string; label: string; options: string[] };

async function eventWithQuestions(): Promise<{ slug: string; ids: Record<string, number> }> {
  const event = await created(
    await send('POST', '/events', {
      kind: 'forum',
      title: 'Küsimustega foorum',
      startsAt: '2026-12-15T16:00',
      endsAt: '2026-12-15T19:00',
      hosts: ['keila'],
      capacity: 40,
      status: 'published',
      questions: QUESTIONS,
    }),
  );
  const questions = event.questions as Question[];
  expect(questions.map((q) => q.kind)).toEqual(['text', 'longtext', 'choice', 'choices', 'yesno']);
  return {
    slug: String(event.slug),
    ids: Object.fromEntries(questions.map((q) => [q.kind, q.id])),
  };
}

const person = (n: number, answers: Record<string, unknown>) => ({
  name: `Osaleja ${n}`,
  email: `osaleja${n}-${Date.now()}@example.ee`,
  attendance: 'in_person',
  consent: true,
  answers,
});

function register(slug: string, payload: unknown) {
  return ctx.app.request(`/api/v1/events/${slug}/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...freshAddress() },
    body: JSON.stringify(payload),
  });
}

describe('registration questions, each kind end to end', () => {
  it('are asked, checked, stored, listed, exported, copied and purged', async () => {
    const { slug, ids } = await eventWithQuestions();
    const [event] = await ctx.deps.db.select().from(events).where(eq(events.slug, slug));
    if (!event) throw new Error('no event');

    // The API shows them in the reader's language, with the translations.
    const ru = await (await ctx.app.request(`/api/v1/events/${slug}?lang=ru`)).json();
    const diet = (ru.questions as (Question & { sensitive: boolean })[])[2];
    expect(diet).toMatchObject({ label: 'Питание', options: ['tavaline', 'taimetoit'] });
    expect(diet?.sensitive).toBe(true);

    // API: every refusal names answers.<questionId>; nothing is stored.
    const refused = await register(
      slug,
      person(0, { [ids.choice!]: 'kala', [ids.choices!]: ['haridus', 'sport'], 999: 'x' }),
    );
    expect(refused.status).toBe(422);
    const paths = ((await refused.json()).error.details as { path: string }[]).map((d) => d.path);
    expect(paths.sort()).toEqual(
      [
        `answers.${ids.choice}`,
        `answers.${ids.choices}`,
        `answers.${ids.yesno}`,
        'answers.999',
      ].sort(),
    );
    const notBoolean = await register(
      slug,
      person(0, { [ids.choice!]: 'tavaline', [ids.yesno!]: 'jah' }),
    );
    expect(notBoolean.status).toBe(422);

    // API: every kind answered.
    const byApi = person(1, {
      [ids.text!]: '  Keila\nlinn ',
      [ids.longtext!]: 'Bussid\r\nja rattateed',
      [ids.choice!]: 'taimetoit',
      [ids.choices!]: ['kultuur', 'haridus'],
      [ids.yesno!]: false,
    });
    expect((await register(slug, byApi)).status).toBe(201);

    // The form, in Russian, without JavaScript: each question is a field; errors per question.
    const page = await (await ctx.app.request(`/events/${slug}?lang=ru`)).text();
    expect(page).toContain(`name="answers.${ids.choice}"`);
    expect(visibleText(page)).toContain('вегетарианское');
    expect(page).toContain(`type="checkbox" name="answers.${ids.choices}"`);
    const ruCookie = { cookie: 'lang=ru', ...freshAddress() };
    const form = {
      name: 'Ольга',
      email: `olga-${Date.now()}@example.ee`,
      attendance: 'in_person',
      consent: 'yes',
    };
    const bad = await postForm(ctx, `/events/${slug}/register`, form, ruCookie);
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expectRefusedFormIn(badHtml, 'ru', ['question.error.required']);
    expect(badHtml).toContain(`id="f-answers-${ids.yesno}-error"`);
    expect(badHtml).toContain(`id="f-answers-${ids.choice}-error"`);
    const good = await postForm(
      ctx,
      `/events/${slug}/register`,
      {
        ...form,
        [`answers.${ids.text}`]: 'Keila',
        [`answers.${ids.longtext}`]: '',
        [`answers.${ids.choice}`]: 'tavaline',
        [`answers.${ids.choices}`]: ['transport'],
        [`answers.${ids.yesno}`]: 'yes',
      },
      ruCookie,
    );
    expect(good.status, await good.clone().text()).toBe(303);

    const stored = await ctx.deps.db
      .select({ email: registrations.email, answers: registrations.answers })
      .from(registrations)
      .where(eq(registrations.eventId, event.id))
      .orderBy(registrations.id);
    expect(stored.map((row) => row.answers)).toEqual([
      {
        [ids.text!]: 'Keila linn',
        [ids.longtext!]: 'Bussid\nja rattateed',
        [ids.choice!]: 'taimetoit',
        [ids.choices!]: ['haridus', 'kultuur'],
        [ids.yesno!]: false,
      },
      {
        [ids.text!]: 'Keila',
        [ids.choice!]: 'tavaline',
        [ids.choices!]: ['transport'],
        [ids.yesno!]: true,
      },
    ]);

    // Organizers: the API list, their page and the CSV (one column per question).
    const list = await (await send('GET', `/events/${slug}/registrations`)).json();
    expect(list.items[0].answers).toEqual(stored[0]?.answers);
    const admin = await ctx.app.request(`/admin/events/${slug}/registrations?lang=en`, {
      headers: { cookie: keilaPage },
    });
    const adminText = visibleText(await admin.text());
    expect(adminText).toContain('Vajate lapsehoidu?');
    expect(adminText).toContain('haridus; kultuur');
    const csv = await ctx.app.request(`/admin/events/${slug}/registrations.csv`, {
      headers: { cookie: keilaPage },
    });
    const [header, ...rows] = parse(await csv.text(), { bom: true }) as string[][];
    const column = (label: string) => header!.indexOf(label);
    expect(column('Toit')).toBeGreaterThan(0);
    expect(rows.map((row) => row[column('Toit')])).toEqual(['taimetoit', 'tavaline']);
    expect(rows.map((row) => row[column('Millistes töörühmades?')])).toEqual([
      'haridus; kultuur',
      'transport',
    ]);
    expect(rows.map((row) => row[column('Vajate lapsehoidu?')])).toEqual(['no', 'yes']);
    expect(rows.map((row) => row[column('Mida soovite arutada?')])).toEqual([
      'Bussid\nja rattateed',
      '',
    ]);

    // Nobody else reads the answers: not the public page, API or feed, not the emails to the
    // participants, not another municipality's organizers.
    const tartu = await bearerFor(ctx, { role: 'organizer', municipalities: ['tartu'] });
    const tartuPage = await sessionFor(ctx, { role: 'organizer', municipalities: ['tartu'] });
    for (const path of [
      `/events/${slug}`,
      `/events/${slug}/calendar.ics`,
      `/api/v1/events/${slug}`,
    ]) {
      const res = await ctx.app.request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).not.toContain('rattateed');
    }
    const mails = await ctx.deps.db
      .select({ text: outbox.text, subject: outbox.subject })
      .from(outbox)
      .where(eq(outbox.eventId, event.id));
    expect(mails.filter((mail) => mail.text.includes('Küsimustega foorum')).length).toBeGreaterThan(
      0,
    );
    expect(JSON.stringify(mails)).not.toContain('rattateed');
    expect(JSON.stringify(mails)).not.toContain('taimetoit');
    expect((await send('GET', `/events/${slug}/registrations`, undefined, tartu)).status).toBe(403);
    for (const path of ['registrations', 'registrations.csv']) {
      const res = await ctx.app.request(`/admin/events/${slug}/${path}`, {
        headers: { cookie: tartuPage },
      });
      expect(res.status, path).toBe(403);
    }

    // A copy asks the same questions (new ones) and has no answers.
    const copy = await created(
      await send('POST', `/events/${slug}/copy`, { startsAt: '2027-01-15T16:00' }),
    );
    const copied = copy.questions as Question[];
    expect(copied.map((q) => [q.kind, q.label])).toEqual(
      QUESTIONS.map((q) => [q.kind, typeof q.label === 'string' ? q.label : q.label.et]),
    );
    expect(copied.map((q) => q.id).some((id) => Object.values(ids).includes(id))).toBe(false);
    expect(copied[2]).toMatchObject({ options: ['tavaline', 'taimetoit'] });

    // Purge removes the answers with the rest of the personal data.
    const later = new Date(event.endsAt.getTime() + 91 * 24 * 60 * 60 * 1000);
    await purgeRegistrations(ctx.deps.db, later, 90);
    const purged = await ctx.deps.db
      .select({ answers: registrations.answers })
      .from(registrations)
      .where(eq(registrations.eventId, event.id));
    expect(purged.map((row) => row.answers)).toEqual([{}, {}]);
  });

  it('are edited as one list: kept by id, new ones added, left out ones removed', async () => {
    const { slug, ids } = await eventWithQuestions();
    const res = await send('PATCH', `/events/${slug}`, {
      questions: [
        { id: ids.yesno, kind: 'yesno', label: 'Lapsehoid?' },
        { kind: 'choice', label: 'Transport', options: ['buss'] },
      ],
    });
    expect(res.status).toBe(422);
    expect((await res.json()).error.details[0].path).toBe('questions.1.options');
    const ok = await send('PATCH', `/events/${slug}`, {
      questions: [
        { id: ids.yesno, kind: 'yesno', label: 'Lapsehoid?' },
        { kind: 'text', label: 'Transport' },
      ],
    });
    expect(ok.status).toBe(200);
    const questions = (await ok.json()).questions as Question[];
    expect(questions[0]).toMatchObject({ id: ids.yesno, label: 'Lapsehoid?' });
    expect(questions).toHaveLength(2);
    const other = await eventWithQuestions();
    const stolen = await send('PATCH', `/events/${slug}`, {
      questions: [{ id: other.ids.text, kind: 'text', label: 'Võõras' }],
    });
    expect(stolen.status).toBe(422);
    expect((await stolen.json()).error.details[0].path).toBe('questions.0.id');
  });

  it('have an organizer editor without JavaScript, for the event’s organizers only', async () => {
    const { slug, ids } = await eventWithQuestions();
    const editor = await ctx.app.request(`/admin/events/${slug}/questions`, {
      headers: { cookie: keilaPage },
    });
    expect(editor.status).toBe(200);
    const html = await editor.text();
    expect(html).toContain(`name="questions.2.label.ru" maxlength="300" value="Питание"`);
    expect(html).toContain(`id="f-questions-2-label" name="questions.2.label.et"`);
    expect(html).toContain('name="questions.5.label.et"');

    const fields = {
      'questions.0.id': String(ids.text),
      'questions.0.kind': 'text',
      'questions.0.label.et': 'Kust te tulete?',
      // Row 1 left empty: removed.
      'questions.1.id': String(ids.longtext),
      'questions.1.kind': 'longtext',
      'questions.1.label.et': '',
      'questions.5.kind': 'choices',
      'questions.5.label.et': 'Päev',
      'questions.5.options.et': 'reede',
      'questions.5.sensitive': 'yes',
    };
    const refused = await postForm(ctx, `/admin/events/${slug}/questions?lang=en`, fields, {
      cookie: keilaPage,
    });
    expect(refused.status).toBe(422);
    const refusedHtml = await refused.text();
    expectRefusedFormIn(refusedHtml, 'en', ['question.error.options']);
    // The page shows the rows again in order: the refused one is the third.
    expect(refusedHtml).toContain('id="f-questions-2-options-error"');
    expect(refusedHtml).toContain('href="#f-questions-2-options"');
    expect(refusedHtml).toContain('id="f-questions-2-options"');

    for (const { who, cookie, expected } of await pageAuthorizationCases(
      ctx,
      'keila',
      'tartu',
      [303],
    )) {
      const res = await postForm(
        ctx,
        `/admin/events/${slug}/questions`,
        { ...fields, 'questions.5.options.et': 'reede\nlaupäev' },
        cookie ? { cookie } : {},
      );
      expect(res.status, who).toSatisfy((s: number) => expected.includes(s));
    }
    const rows = await ctx.deps.db
      .select()
      .from(registrationQuestions)
      .innerJoin(events, eq(events.id, registrationQuestions.eventId))
      .where(eq(events.slug, slug))
      .orderBy(registrationQuestions.position);
    expect(
      rows.map((r) => [r.registration_questions.label, r.registration_questions.sensitive]),
    ).toEqual([
      ['Kust te tulete?', false],
      ['Päev', true],
    ]);
  });
});
