import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFeedbackJob, runPurgeJob } from '@/jobs';
import { publicRevision } from '@/events';
import { feedbackRequests, outbox, registrations } from '@/platform/db/schema';
import { apiRequest } from '../helpers/api';
import { createTestContext, TEST_NOW, type TestContext } from '../helpers/app';
import { authorizationCases, bearerFor, pageAuthorizationCases, sessionFor } from '../helpers/auth';
import { expectRefusedFormIn, visibleText } from '../helpers/form-language';
import { postForm } from '../helpers/session';
import { makeEvent } from './registrations-fixtures';

let ctx: TestContext;
const HOUR = 60 * 60 * 1000;
const now = new Date(TEST_NOW);

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  await ctx.deps.db.delete(outbox);
});
afterAll(() => ctx.close());

/** An event that ended last evening (18:00 UTC, 20:00 in Tallinn) with these registrations. */
async function pastEvent(
  people: {
    status: 'confirmed' | 'waitlisted' | 'cancelled';
    checkedIn?: boolean;
    lang?: string;
  }[],
  endedAgoHours = 18,
) {
  const endsAt = new Date(now.getTime() - endedAgoHours * HOUR);
  const event = await makeEvent(ctx, {
    startsAt: new Date(endsAt.getTime() - 3 * HOUR),
    endsAt,
    registrationOpensAt: null,
    registrationClosesAt: null,
  });
  const rows = await ctx.deps.db
    .insert(registrations)
    .values(
      people.map((person, i) => ({
        eventId: event.id,
        name: `Osaleja ${i}`,
        email: `feedback-${event.id}-${i}@example.ee`,
        attendance: 'in_person' as const,
        lang: person.lang ?? 'et',
        status: person.status,
        manageTokenHash: `hash-${event.id}-${i}`,
        consentAt: now,
        checkedInAt: person.checkedIn ? endsAt : null,
      })),
    )
    .returning({ id: registrations.id, email: registrations.email });
  return { event, emails: rows.map((row) => row.email ?? '') };
}

async function mailedTo(emails: string[]) {
  return ctx.deps.db
    .select()
    .from(outbox)
    .where(inArray(outbox.recipient, emails))
    .orderBy(outbox.id);
}

const linkIn = (text: string) => {
  const match = /https:\/\/koda\.test(\/feedback\/[A-Za-z0-9_-]{43})/.exec(text);
  if (!match?.[1]) throw new Error(`no feedback link in ${text}`);
  return match[1];
};

describe('feedback after the meeting', () => {
  it('asks the checked-in attendees (or every confirmed one) the morning after, once', async () => {
    const checked = await pastEvent([
      { status: 'confirmed', checkedIn: true },
      { status: 'confirmed' },
      { status: 'confirmed', checkedIn: true, lang: 'ru' },
    ]);
    const unchecked = await pastEvent([
      { status: 'confirmed' },
      { status: 'waitlisted' },
      { status: 'cancelled' },
      { status: 'confirmed' },
    ]);
    // Ended an hour ago: tomorrow morning, not now.
    const tooSoon = await pastEvent([{ status: 'confirmed', checkedIn: true }], 1);

    await runFeedbackJob(ctx.deps);
    await runFeedbackJob(ctx.deps);
    const first = await mailedTo(checked.emails);
    expect(first.map((m) => m.recipient)).toEqual([checked.emails[0], checked.emails[2]]);
    expect(first[1]?.subject).toContain('Как всё прошло?');
    // The link opens the form in the attendee's language, whatever the browser says.
    expect(first[0]?.text).toMatch(/\/feedback\/[A-Za-z0-9_-]{43}\?lang=et\n/);
    expect(first[1]?.text).toMatch(/\/feedback\/[A-Za-z0-9_-]{43}\?lang=ru\n/);
    expect(first[0]?.text).not.toContain('Osaleja');
    expect((await mailedTo(unchecked.emails)).map((m) => m.recipient)).toEqual([
      unchecked.emails[0],
      unchecked.emails[3],
    ]);
    expect(await mailedTo(tooSoon.emails)).toHaveLength(0);
  });

  it('goes from the email to the organizers’ summary and the published aggregate', async () => {
    const { event, emails } = await pastEvent([
      { status: 'confirmed', checkedIn: true },
      { status: 'confirmed', checkedIn: true },
      { status: 'confirmed', checkedIn: true },
    ]);
    await runFeedbackJob(ctx.deps);
    const [a, b] = (await mailedTo(emails)).map((mail) => linkIn(mail.text));
    if (!a || !b) throw new Error('no links');

    const form = await ctx.app.request(`${a}?lang=en`);
    expect(form.status).toBe(200);
    expect(form.headers.get('cache-control')).toBe('no-store');
    expect(visibleText(await form.text())).toContain('How would you rate the event?');

    // A refused answer, in the reader's language, stores nothing.
    const refused = await postForm(ctx, a, { rating: '7', good: 'x' }, { cookie: 'lang=et' });
    expect(refused.status).toBe(422);
    expectRefusedFormIn(await refused.text(), 'et', ['feedback.error.rating']);

    expect((await postForm(ctx, a, { rating: '2', comeAgain: 'no' })).status).toBe(303);
    // One answer per registration: a second post changes it.
    const changed = await postForm(ctx, a, {
      rating: '4',
      good: 'Hea arutelu',
      improve: 'Rohkem aega',
      comeAgain: 'yes',
    });
    expect(changed.status).toBe(303);
    expect(changed.headers.get('location')).toBe(`${a}?saved=1`);
    expect(await (await ctx.app.request(changed.headers.get('location') ?? '')).text()).toContain(
      'Hea arutelu',
    );
    expect((await postForm(ctx, b, { rating: '5' })).status).toBe(303);

    const organizer = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
    const other = await bearerFor(ctx, { role: 'organizer', municipalities: ['tartu'] });
    const path = `/events/${event.slug}/feedback`;
    expect((await apiRequest(ctx, 'GET', path)).status).toBe(401);
    expect((await apiRequest(ctx, 'GET', path, undefined, other)).status).toBe(403);
    const api = await apiRequest(ctx, 'GET', path, undefined, organizer);
    expect(api.status).toBe(200);
    const summary = await api.json();
    expect(summary).toEqual({
      published: false,
      count: 2,
      averageRating: 4.5,
      answers: [
        { rating: 4, good: 'Hea arutelu', improve: 'Rohkem aega', comeAgain: true },
        { rating: 5, good: null, improve: null, comeAgain: null },
      ],
    });
    expect(JSON.stringify(summary)).not.toContain('example.ee');

    const keilaPage = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
    const page = visibleText(
      await (
        await ctx.app.request(`/admin/events/${event.slug}/feedback?lang=en`, {
          headers: { cookie: keilaPage },
        })
      ).text(),
    );
    expect(page).toContain('2 answers to 3 emails sent');
    expect(page).toContain('Average rating: 4.5 / 5');
    expect(page).not.toContain('Osaleja');

    // Not public until published; publishing raises the public revision.
    const before = visibleText(await (await ctx.app.request(`/events/${event.slug}`)).text());
    expect(before).not.toContain('Osalejate hinnang');
    const revision = await publicRevision(ctx.deps.db);
    for (const { who, cookie, expected } of await pageAuthorizationCases(
      ctx,
      'keila',
      'tartu',
      [303],
    )) {
      const res = await postForm(
        ctx,
        `/admin/events/${event.slug}/feedback/publish`,
        { published: 'yes' },
        cookie ? { cookie } : {},
      );
      expect(expected, who).toContain(res.status);
    }
    expect(await publicRevision(ctx.deps.db)).toBeGreaterThan(revision);
    const after = visibleText(await (await ctx.app.request(`/events/${event.slug}`)).text());
    expect(after).toContain('Osalejate hinnang: 4,5 / 5 (2 vastust)');
    const ru = visibleText(await (await ctx.app.request(`/events/${event.slug}?lang=ru`)).text());
    expect(ru).toContain('Оценка участников: 4,5 / 5 (2 ответа)');

    // A later answer changes the published summary at once (no cached page keeps the old one).
    const c = (await mailedTo(emails)).map((mail) => linkIn(mail.text))[2] ?? '';
    expect((await postForm(ctx, c, { rating: '3' })).status).toBe(303);
    const later = visibleText(await (await ctx.app.request(`/events/${event.slug}`)).text());
    expect(later).toContain('Osalejate hinnang: 4,0 / 5 (3 vastust)');
  });

  it('refuses an unknown link and, after 30 days, every use of a link alike', async () => {
    const { emails } = await pastEvent([{ status: 'confirmed' }]);
    await runFeedbackJob(ctx.deps);
    const [mail] = await mailedTo(emails);
    const link = linkIn(mail?.text ?? '');
    expect((await ctx.app.request('/feedback/unknown-token-unknown-token')).status).toBe(404);
    // A mistyped or old link says what is wrong, not the generic "Page not found" (review item 15).
    for (const [lang, says] of [
      ['et', 'See tagasiside link ei kehti või on aegunud.'],
      ['en', 'This feedback link is not valid or has expired.'],
      ['ru', 'Эта ссылка для отзыва недействительна или срок её действия истёк.'],
    ]) {
      const bad = await ctx.app.request(`/feedback/unknown-token-unknown-token?lang=${lang}`);
      expect(visibleText(await bad.text()), lang).toContain(says);
    }
    ctx.clock.set(new Date(now.getTime() + 31 * 24 * HOUR));
    try {
      expect((await ctx.app.request(link)).status).toBe(410);
      expect((await postForm(ctx, link, { rating: '3' })).status).toBe(410);
    } finally {
      ctx.clock.set(now);
    }
    const [row] = await ctx.deps.db
      .select({ id: registrations.id })
      .from(registrations)
      .where(eq(registrations.email, emails[0] ?? ''));
    expect(row).toBeDefined();
  });

  it('publishes and withdraws the summary by the API, for the event’s organizers only', async () => {
    const { event, emails } = await pastEvent([
      { status: 'confirmed', checkedIn: true },
      { status: 'confirmed', checkedIn: true },
    ]);
    await runFeedbackJob(ctx.deps);
    const links = (await mailedTo(emails)).map((mail) => linkIn(mail.text));
    expect(
      (await postForm(ctx, links[0] ?? '', { rating: '5', good: 'Suurepärane ettekanne' })).status,
    ).toBe(303);
    expect((await postForm(ctx, links[1] ?? '', { rating: '2' })).status).toBe(303);
    const path = `/events/${event.slug}/feedback`;
    const publicPage = async () =>
      visibleText(await (await ctx.app.request(`/events/${event.slug}`)).text());

    // Anonymous: 401 before the body is read; a wrong body from an organizer: 422 naming it.
    expect((await apiRequest(ctx, 'PATCH', path, { published: 'maybe' })).status).toBe(401);
    const organizer = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
    const wrong = await ctx.app.request(`/api/v1${path}`, {
      method: 'PATCH',
      headers: {
        authorization: organizer,
        'content-type': 'application/json',
        'accept-language': 'ru',
      },
      body: JSON.stringify({ published: 'yes', count: 9 }),
    });
    expect(wrong.status).toBe(422);
    const refusal = (await wrong.json()) as {
      error: { details: { path: string; message: string }[] };
    };
    expect(refusal.error.details.map((detail) => detail.message).join(' ')).toMatch(/[а-я]/);
    // The wrong value named, and the unknown field refused.
    expect(refusal.error.details.map((detail) => detail.path)).toEqual(['published', '(body)']);
    expect(
      (
        await apiRequest(
          ctx,
          'PATCH',
          '/events/no-such-event/feedback',
          { published: true },
          organizer,
        )
      ).status,
    ).toBe(404);
    expect(await publicPage()).not.toContain('Osalejate hinnang');

    // The organizers' page: the same people (anonymous to the login, another municipality 403).
    for (const { who, cookie, expected } of await pageAuthorizationCases(
      ctx,
      'keila',
      'tartu',
      [200],
    )) {
      const res = await ctx.app.request(`/admin/events/${event.slug}/feedback`, {
        headers: cookie ? { cookie } : {},
      });
      expect(expected, `${who}: ${res.status}`).toContain(res.status);
    }

    // The matrix: anonymous 401, another municipality's organizer 403, a token without the
    // events scope 403; the event's organizer (a token of that scope alone) and an admin 200.
    for (const { who, authorization, expected } of await authorizationCases(
      ctx,
      'keila',
      'tartu',
      [200],
      'events',
    )) {
      const res = await apiRequest(ctx, 'PATCH', path, { published: true }, authorization);
      expect(expected, `${who}: ${res.status}`).toContain(res.status);
    }
    expect(await publicPage()).toContain('Osalejate hinnang: 3,5 / 5 (2 vastust)');
    // Only the aggregate is public: no answer's text.
    expect(await publicPage()).not.toContain('Suurepärane');
    const read = await apiRequest(ctx, 'GET', path, undefined, organizer);
    expect(await read.json()).toMatchObject({ published: true, count: 2, averageRating: 3.5 });

    // The same state again changes nothing; false withdraws it, true publishes it again.
    const same = await publicRevision(ctx.deps.db);
    expect((await apiRequest(ctx, 'PATCH', path, { published: true }, organizer)).status).toBe(200);
    expect(await publicRevision(ctx.deps.db)).toBe(same);
    const off = await apiRequest(ctx, 'PATCH', path, { published: false }, organizer);
    expect(await off.json()).toEqual({ published: false, count: 2, averageRating: 3.5 });
    expect(await publicRevision(ctx.deps.db)).toBeGreaterThan(same);
    expect(await publicPage()).not.toContain('Osalejate hinnang');
    const on = await apiRequest(ctx, 'PATCH', path, { published: true }, organizer);
    expect(await on.json()).toEqual({ published: true, count: 2, averageRating: 3.5 });
    expect(await publicPage()).toContain('Osalejate hinnang: 3,5 / 5 (2 vastust)');
  });

  it('keeps answers, anonymous and unlinked, when the registrations are purged: the aggregate is unchanged', async () => {
    const { event, emails } = await pastEvent([
      { status: 'confirmed', checkedIn: true },
      { status: 'confirmed', checkedIn: true },
      { status: 'confirmed', checkedIn: true },
    ]);
    await runFeedbackJob(ctx.deps);
    const links = (await mailedTo(emails)).map((mail) => linkIn(mail.text));
    expect(
      (
        await postForm(ctx, links[0] ?? '', {
          rating: '4',
          good: 'Selge juhatus',
          comeAgain: 'yes',
        })
      ).status,
    ).toBe(303);
    expect(
      (await postForm(ctx, links[1] ?? '', { rating: '1', improve: 'Liiga pikk' })).status,
    ).toBe(303);
    const organizer = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
    const path = `/events/${event.slug}/feedback`;
    expect((await apiRequest(ctx, 'PATCH', path, { published: true }, organizer)).status).toBe(200);
    const summary = async () => (await apiRequest(ctx, 'GET', path, undefined, organizer)).json();
    const before = await summary();
    expect(before).toMatchObject({ count: 2, averageRating: 2.5 });

    // Past the retention (90 days after the event): the purge.
    ctx.clock.set(new Date(now.getTime() + 95 * 24 * HOUR));
    try {
      await runPurgeJob(ctx.deps);
      const people = await ctx.deps.db
        .select()
        .from(registrations)
        .where(eq(registrations.eventId, event.id));
      expect(
        people.map((person) => [person.name, person.email, person.anonymizedAt !== null]),
      ).toEqual([
        [null, null, true],
        [null, null, true],
        [null, null, true],
      ]);
      // The answers stay, with no link to a registration (and so to nobody).
      const rows = await ctx.deps.db
        .select()
        .from(feedbackRequests)
        .where(eq(feedbackRequests.eventId, event.id));
      expect(rows).toHaveLength(3);
      expect(rows.map((row) => row.registrationId)).toEqual([null, null, null]);
      expect(rows.filter((row) => row.rating !== null)).toHaveLength(2);
      // The organizers' summary and the published aggregate are as before.
      expect(await summary()).toEqual(before);
      const page = visibleText(await (await ctx.app.request(`/events/${event.slug}`)).text());
      expect(page).toContain('Osalejate hinnang: 2,5 / 5 (2 vastust)');
      expect(JSON.stringify(await summary())).not.toContain('example.ee');
      // Neither the emails that carried the links.
      expect(await mailedTo(emails)).toEqual([]);
      // A purge run again changes nothing.
      await runPurgeJob(ctx.deps);
      expect(await summary()).toEqual(before);
    } finally {
      ctx.clock.set(now);
    }
  });
});
