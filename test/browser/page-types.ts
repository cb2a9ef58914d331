import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { seedDemo } from '../helpers/demo';
import {
  actionItems,
  actionItemSources,
  actionItemUpdates,
  actionPlans,
  agendaItems,
  attachments,
  captionCues,
  captions,
  chapters,
  events,
  feedbackRequests,
  feedTokens,
  follows,
  followUnsubscribeTokens,
  municipalities,
  outcomes,
  passwordResets,
  recordings,
  registrationQuestions,
  registrations,
  users,
} from '@/platform/db/schema';
import { hashToken, newToken } from '@/platform/tokens';
import type { TestContext } from '../helpers/app';
import { makeEvent } from '../db/registrations-fixtures';

/** A word and an address longer than any phone is wide: they must wrap, not widen the page. */
export const LONG_WORD =
  'Kohaliku-omavalitsuse-kaasamis-ja-avatud-valitsemise-tegevuskavakoostamisprotsess';
export const LONG_URL =
  'https://www.example.ee/dokumendid/avatud-valitsemise-partnerlus/2026/tegevuskava-lisa-3-kaasamise-ettepanekute-koondtabel-ja-vastused-ettepanekute-esitajatele.pdf';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export type PageType = {
  /** What kind of page, for test names. */
  name: string;
  path: string;
  /** The page's main action or content: visible without scrolling on a phone. */
  main: string;
  /** Needs an organizer's session cookie. */
  admin?: boolean;
};

/**
 * The participation pages (issue 20) around an upcoming event, a past one and a plan item:
 * registration questions of every kind (their texts very long) on the upcoming event's form and
 * in its organizers' editor, a feedback link with an answer and the organizers' summary of the
 * past event (published on its page), a follow's confirmation page, its unsubscribe page and the
 * page after asking. Returns those page types.
 */
export async function seedParticipation(
  ctx: TestContext,
  { upcoming, past, planItemId }: { upcoming: Slugged; past: Slugged; planItemId: number },
): Promise<PageType[]> {
  const db = ctx.deps.db;
  const now = ctx.clock.now().getTime();
  const questions = await db
    .insert(registrationQuestions)
    .values(
      [
        { kind: 'text' as const, label: `Kust te tulete? ${LONG_WORD}`, help: LONG_URL },
        { kind: 'longtext' as const, label: 'Mida soovite arutada?', help: LONG_WORD },
        {
          kind: 'choice' as const,
          label: 'Toit',
          options: ['tavaline', LONG_WORD],
          required: true,
          sensitive: true,
          translations: { label: { ru: 'Питание', en: 'Food' } },
        },
        { kind: 'choices' as const, label: 'Töörühmad', options: ['haridus', LONG_WORD] },
        { kind: 'yesno' as const, label: `Vajate lapsehoidu? ${LONG_WORD}`, required: true },
      ].map((question, position) => ({ ...question, eventId: upcoming.id, position })),
    )
    .returning({ id: registrationQuestions.id });
  const [q0, q1, q2, q3, q4] = questions.map((question) => String(question.id));
  // The upcoming event's registrations answered them (the organizers' list shows the answers).
  await db
    .update(registrations)
    .set({
      answers: {
        [q0 ?? '']: LONG_WORD,
        [q1 ?? '']: `Soovin arutada: ${LONG_WORD} ${LONG_URL}`,
        [q2 ?? '']: LONG_WORD,
        [q3 ?? '']: ['haridus', LONG_WORD],
        [q4 ?? '']: true,
      },
    })
    .where(eq(registrations.eventId, upcoming.id));

  // Three answered feedback requests of the past event, its summary public.
  const people = await db
    .insert(registrations)
    .values(
      [0, 1, 2].map((i) => ({
        eventId: past.id,
        name: `Osaleja ${i}`,
        email: `tagasiside-${i}@example.ee`,
        attendance: 'in_person' as const,
        status: 'confirmed' as const,
        manageTokenHash: `page-types-feedback-${i}`,
        consentAt: new Date(now - 40 * DAY),
      })),
    )
    .returning({ id: registrations.id });
  const feedbackToken = newToken();
  const feedbackHash = await hashToken(feedbackToken);
  const answers = [
    { rating: 5, good: `Hea arutelu ${LONG_WORD}`, improve: LONG_URL, comeAgain: true },
    { rating: 3, good: null, improve: 'Rohkem aega', comeAgain: false },
    { rating: 4, good: null, improve: null, comeAgain: null },
  ];
  await db.insert(feedbackRequests).values(
    people.map((person, i) => ({
      eventId: past.id,
      registrationId: person.id,
      tokenHash: i === 0 ? feedbackHash : `page-types-feedback-token-${i}`,
      sentAt: new Date(now - DAY),
      expiresAt: new Date(now + 29 * DAY),
      answeredAt: new Date(now - DAY / 2),
      ...answers[i],
    })),
  );
  await db
    .update(events)
    .set({ feedbackPublishedAt: new Date(now - DAY / 4) })
    .where(eq(events.id, past.id));

  // A follow waiting for its confirmation, and a confirmed one with an unsubscribe link.
  const confirmToken = newToken();
  const unsubscribeToken = newToken();
  const [, confirmed] = await db
    .insert(follows)
    .values([
      {
        email: 'jalgija@example.ee',
        target: 'plan_item' as const,
        planItemId,
        confirmTokenHash: await hashToken(confirmToken),
        createdAt: new Date(now - 60 * 60 * 1000),
      },
      {
        email: 'jalgija@example.ee',
        target: 'series' as const,
        series: upcoming.slug,
        frequency: 'weekly' as const,
        confirmTokenHash: await hashToken(newToken()),
        createdAt: new Date(now - 10 * DAY),
        confirmedAt: new Date(now - 10 * DAY),
        notifiedUntil: new Date(now - 3 * DAY),
      },
    ])
    .returning({ id: follows.id });
  if (!confirmed || questions.length !== 5) throw new Error('no follow');
  await db.insert(followUnsubscribeTokens).values({
    followId: confirmed.id,
    tokenHash: await hashToken(unsubscribeToken),
    createdAt: new Date(now - 3 * DAY),
  });

  return [
    {
      name: 'feedback form',
      path: `/feedback/${feedbackToken}?saved=1`,
      main: 'main input[name="rating"]',
    },
    {
      name: 'follow confirm',
      path: `/follows/${confirmToken}/confirm`,
      main: 'main form button[type="submit"]',
    },
    {
      name: 'follow unsubscribe',
      path: `/follows/${unsubscribeToken}/unsubscribe`,
      main: 'main form button[type="submit"]',
    },
    { name: 'follow sent', path: '/follows/sent', main: 'main h1' },
    {
      name: 'admin questions',
      path: `/admin/events/${upcoming.slug}/questions`,
      main: 'main h1',
      admin: true,
    },
    {
      name: 'admin feedback',
      path: `/admin/events/${past.slug}/feedback`,
      main: 'main h1',
      admin: true,
    },
  ];
}

type Slugged = { id: number; slug: string };

/**
 * The demo programme plus events, outcomes, a plan and a recording whose texts hold very long
 * words and addresses, in every phase (before, live, after, cancelled, postponed), and a
 * registration to manage. Returns every page type with its main action.
 */
export async function seedPageTypes(ctx: TestContext): Promise<PageType[]> {
  const db = ctx.deps.db;
  const now = ctx.clock.now().getTime();
  await seedDemo(db, ctx.clock.now());
  const long = `${LONG_WORD} ${LONG_URL}`;

  // Before: registration open, the agenda entered out of time order.
  const before = await makeEvent(ctx, {
    slug: 'pikk-tulevane',
    title: `Foorum: ${LONG_WORD}`,
    summary: `Vaata ka ${LONG_URL}`,
    description: `Taust: ${long}\n\n<${LONG_URL}>`,
    venueName: LONG_WORD,
    venueAddress: `${LONG_WORD} 1, Keila`,
    onlineUrl: LONG_URL,
  });
  await db.insert(agendaItems).values([
    {
      eventId: before.id,
      position: 0,
      startsAt: new Date(before.startsAt.getTime() + HOUR),
      endsAt: new Date(before.startsAt.getTime() + 2 * HOUR),
      title: `Teine punkt ${LONG_WORD}`,
      kind: 'discussion',
      speakers: [LONG_WORD],
      room: LONG_WORD,
      description: long,
    },
    {
      eventId: before.id,
      position: 1,
      startsAt: before.startsAt,
      endsAt: new Date(before.startsAt.getTime() + HOUR),
      title: 'Esimene punkt',
      kind: 'talk',
    },
  ]);
  const token = newToken();
  await db.insert(registrations).values({
    eventId: before.id,
    name: `Mari ${LONG_WORD}`,
    email: 'mari.pikk@example.ee',
    organization: LONG_WORD,
    attendance: 'in_person',
    status: 'confirmed',
    manageTokenHash: await hashToken(token),
    consentAt: new Date(now - DAY),
  });

  // Cancelled, with a long reason; postponed (moved while published).
  await makeEvent(ctx, {
    slug: 'pikk-ara-jaanud',
    title: `Ära jäänud: ${LONG_WORD}`,
    status: 'cancelled',
    cancelReason: `Saal on remondis, vaata ${LONG_URL}`,
    onlineUrl: 'https://www.youtube.com/watch?v=kodalivedem',
  });
  await makeEvent(ctx, {
    slug: 'pikk-edasi-lukatud',
    title: `Edasi lükatud: ${LONG_WORD}`,
    previousStartsAt: new Date(now + 2 * DAY),
  });

  // After: an outcome that led to a plan item, a recording with chapters.
  const after = await makeEvent(ctx, {
    slug: 'pikk-toimunud',
    title: `Toimunud: ${LONG_WORD}`,
    startsAt: new Date(now - 30 * DAY),
    endsAt: new Date(now - 30 * DAY + 3 * HOUR),
    registrationOpensAt: null,
    registrationClosesAt: null,
  });
  const [recording] = await db
    .insert(recordings)
    .values({
      eventId: after.id,
      title: `Salvestis ${LONG_WORD}`,
      kind: 'recording',
      sourceUrl: 'https://www.youtube.com/watch?v=kodapikkdem',
      provider: 'youtube',
      language: 'et',
      durationSeconds: 3 * 3600,
      published: true,
    })
    .returning({ id: recordings.id });
  if (!recording) throw new Error('no recording');
  await db.insert(chapters).values([
    { recordingId: recording.id, offsetSeconds: 0, title: 'Algus' },
    { recordingId: recording.id, offsetSeconds: 600, title: `Arutelu ${LONG_WORD}` },
  ]);
  const [outcome] = await db
    .insert(outcomes)
    .values({
      eventId: after.id,
      kind: 'proposal',
      title: `Ettepanek: ${LONG_WORD}`,
      body: `Üksikasjad: ${long}`,
      recordingId: recording.id,
      offsetSeconds: 600,
      // A quoted cue in another language than the note (marked with its lang on the page).
      quote: `Предложение: ${LONG_WORD}`,
      quoteLang: 'ru',
      published: true,
    })
    .returning({ id: outcomes.id });
  const [keila] = await db
    .select({ id: municipalities.id })
    .from(municipalities)
    .where(eq(municipalities.slug, 'keila'));
  const [plan] = await db
    .insert(actionPlans)
    .values({
      municipalityId: keila?.id ?? 0,
      title: `Tegevuskava ${LONG_WORD}`,
      periodStart: '2026-01-01',
      periodEnd: '2027-12-31',
      status: 'adopted',
      summary: long,
    })
    .returning({ id: actionPlans.id });
  if (!plan || !outcome) throw new Error('no plan');
  const [item] = await db
    .insert(actionItems)
    .values({
      planId: plan.id,
      position: 0,
      title: `Tegevus ${LONG_WORD}`,
      description: long,
      responsible: LONG_WORD,
      dueDate: '2027-06-30',
      status: 'in_progress',
      progress: 37,
    })
    .returning({ id: actionItems.id });
  if (!item) throw new Error('no item');
  await db.insert(actionItemSources).values({ actionItemId: item.id, outcomeId: outcome.id });
  const participation = await seedParticipation(ctx, {
    upcoming: before,
    past: after,
    planItemId: item.id,
  });
  await db.insert(actionItemUpdates).values({
    actionItemId: item.id,
    date: '2026-10-01',
    status: 'in_progress',
    progress: 37,
    note: `Vahearuanne: ${long}`,
  });

  // Captions for the transcript (a long word in a cue), a document (a long title) for the
  // organizers' documents page, and a user to open in the users' admin.
  const [caption] = await db
    .insert(captions)
    .values({ recordingId: recording.id, language: 'et' })
    .returning({ id: captions.id });
  if (!caption) throw new Error('no caption');
  await db.insert(captionCues).values([
    { captionId: caption.id, startMs: 1000, endMs: 4000, text: 'Tere tulemast.' },
    { captionId: caption.id, startMs: 605_000, endMs: 609_000, text: `Arutelu: ${long}` },
  ]);
  const [agenda] = await db
    .insert(attachments)
    .values({ eventId: before.id, title: `Päevakava ${LONG_WORD}`, externalUrl: LONG_URL })
    .returning({ id: attachments.id });
  if (!agenda) throw new Error('no agenda document');
  // A photo: the upcoming event's picture on its page and its cards (issue 16), a wide image
  // whose long title is its alt text; documents under the past event's outcome note and the
  // plan's item (long titles that must wrap).
  const photoKey = `attachments/${crypto.randomUUID()}`;
  const photo = await sharp({
    create: { width: 1600, height: 900, channels: 3, background: '#3b6e9e' },
  })
    .png()
    .toBuffer();
  await ctx.deps.files.put(photoKey, new Blob([new Uint8Array(photo)]).stream(), 'image/png');
  await db.insert(attachments).values([
    {
      eventId: before.id,
      kind: 'photo',
      title: `Saal ${LONG_WORD}`,
      storageKey: photoKey,
      filename: 'saal.png',
      contentType: 'image/png',
      size: photo.byteLength,
      position: 2,
    },
    { outcomeId: outcome.id, title: `Protokoll ${LONG_WORD}`, externalUrl: LONG_URL },
    { planItemId: item.id, title: `Kaart ${LONG_WORD}`, externalUrl: LONG_URL },
  ]);
  const [organizer] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'korraldaja@koda.example'));
  if (!organizer) throw new Error('no demo organizer');
  // The pages an emailed link opens: setting a new password, stopping a personal calendar feed.
  const resetToken = newToken();
  await db.insert(passwordResets).values({
    userId: organizer.id,
    tokenHash: await hashToken(resetToken),
    expiresAt: new Date(now + HOUR),
  });
  const feedToken = newToken();
  await db
    .insert(feedTokens)
    .values({ tokenHash: await hashToken(feedToken), email: 'mari.pikk@example.ee' });

  return [
    { name: 'home', path: '/', main: 'main h2' },
    { name: 'events', path: '/events', main: '.cards .card a' },
    { name: 'events past', path: '/events?when=past', main: 'main form.filters select' },
    { name: 'event before', path: '/events/pikk-tulevane', main: 'a.button[href="#registration"]' },
    {
      name: 'event full',
      path: '/events/naidis-keila-linna-foorum-kaasav-eelarve',
      main: 'a.button[href="#registration"]',
    },
    {
      name: 'event live',
      path: '/events/naidis-tartu-mottekoda-otseulekanne-kaib',
      main: '.live-panel .player',
    },
    { name: 'event after', path: '/events/pikk-toimunud', main: '#event-came-of-it' },
    { name: 'event after (demo)', path: '/events/mottekoda-keilas', main: '#event-came-of-it' },
    { name: 'event cancelled', path: '/events/pikk-ara-jaanud', main: '.banner.danger' },
    { name: 'event postponed', path: '/events/pikk-edasi-lukatud', main: '.banner.warn' },
    { name: 'municipalities', path: '/municipalities', main: 'main li a' },
    { name: 'municipality', path: '/municipalities/keila', main: 'main h2' },
    { name: 'plans', path: '/plans', main: 'main a[href^="/plans/"]' },
    {
      name: 'plans filtered',
      path: '/plans?municipality=keila&status=adopted',
      main: 'main form.filters select',
    },
    { name: 'plan', path: `/plans/${plan.id}`, main: '.progress' },
    { name: 'archive', path: '/archive', main: 'main form input, main form select' },
    {
      name: 'archive search',
      path: '/archive?q=eelarve',
      main: 'main form input, main form select',
    },
    { name: 'recording', path: `/recordings/${recording.id}`, main: '.player' },
    { name: 'transcript', path: `/recordings/${recording.id}/transcript`, main: 'main h1' },
    { name: 'search', path: '/search?q=Keila+2014+kaasav', main: 'main input[type="search"]' },
    { name: 'embed events', path: '/embed/events?municipality=keila', main: 'main h1' },
    { name: 'embed event', path: '/embed/events/pikk-tulevane', main: 'main h1' },
    { name: 'embed plan', path: `/embed/plans/${plan.id}`, main: 'main h1' },
    { name: 'embed recording', path: `/embed/recordings/${recording.id}`, main: 'main h1' },
    { name: 'feed revoke', path: `/feeds/${feedToken}/revoke`, main: 'main form button' },
    { name: 'feed revoked', path: '/feeds/revoked', main: 'main h1' },
    { name: 'registration manage', path: `/registrations/${token}`, main: '[data-status]' },
    {
      name: 'registration confirmed',
      path: '/events/pikk-tulevane/registered?as=seat',
      main: 'main h1',
    },
    { name: 'privacy', path: '/privacy', main: 'main h1' },
    { name: 'login', path: '/admin/login', main: 'main form button[type="submit"]' },
    {
      name: 'password reset',
      path: '/admin/password-reset',
      main: 'main form button[type="submit"]',
    },
    {
      name: 'new password',
      path: `/admin/password-reset/${resetToken}`,
      main: 'main form button[type="submit"]',
    },
    { name: 'admin dashboard', path: '/admin', main: 'main h1', admin: true },
    { name: 'admin events', path: '/admin/events', main: 'main h1', admin: true },
    { name: 'admin event new', path: '/admin/events/new', main: 'main h1', admin: true },
    { name: 'admin event edit', path: '/admin/events/pikk-tulevane', main: 'main h1', admin: true },
    {
      name: 'admin agenda',
      path: '/admin/events/pikk-tulevane/agenda',
      main: 'main h1',
      admin: true,
    },
    {
      name: 'admin registrations',
      path: '/admin/events/pikk-tulevane/registrations',
      main: 'main h1',
      admin: true,
    },
    {
      name: 'admin check-in',
      path: '/admin/events/pikk-tulevane/check-in',
      main: 'main h1',
      admin: true,
    },
    {
      name: 'admin recordings',
      path: '/admin/events/pikk-toimunud/recordings',
      main: 'main h1',
      admin: true,
    },
    {
      name: 'admin recording edit',
      path: `/admin/events/pikk-toimunud/recordings/${recording.id}`,
      main: 'main h1',
      admin: true,
    },
    {
      name: 'admin captions',
      path: `/admin/events/pikk-toimunud/recordings/${recording.id}/captions`,
      main: 'main h1',
      admin: true,
    },
    {
      name: 'admin documents',
      path: '/admin/events/pikk-tulevane/attachments',
      main: 'main h1',
      admin: true,
    },
    {
      name: 'admin document',
      path: `/admin/attachments/${agenda.id}/edit`,
      main: 'main h1',
      admin: true,
    },
    {
      name: 'admin event preview',
      path: '/admin/events/pikk-tulevane/preview',
      main: '.preview-banner',
      admin: true,
    },
    {
      name: 'admin outcomes',
      path: '/admin/events/pikk-toimunud/outcomes',
      main: 'main h1',
      admin: true,
    },
    {
      name: 'admin quote picker',
      path: `/admin/events/pikk-toimunud/outcomes/${outcome.id}/quote`,
      main: 'main h1',
      admin: true,
    },
    { name: 'admin plans', path: '/admin/plans', main: 'main h1', admin: true },
    { name: 'admin plan', path: `/admin/plans/${plan.id}`, main: 'main h1', admin: true },
    { name: 'admin users', path: '/admin/users', main: 'main h1', admin: true },
    { name: 'admin user', path: `/admin/users/${organizer.id}`, main: 'main h1', admin: true },
    { name: 'admin outbox', path: '/admin/outbox', main: 'main h1', admin: true },
    { name: 'admin audit', path: '/admin/audit', main: 'main h1', admin: true },
    { name: 'admin tokens', path: '/admin/tokens', main: 'main h1', admin: true },
    { name: 'admin account', path: '/admin/account', main: 'main h1', admin: true },
    ...participation,
  ];
}
