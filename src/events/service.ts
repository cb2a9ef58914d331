import { eq, inArray, like, or } from 'drizzle-orm';
import { assertCanManage, type CurrentUser } from '@/platform/auth/auth';
import { recordAudit } from '@/platform/audit/audit';
import { agendaItems, eventHosts, events, municipalities } from '@/platform/db/schema';
import type { Db, Tx } from '@/platform/db/types';
import type { Config } from '@/config';
import type { Clock } from '@/platform/clock';
import { fillSeatsAfterEventChange, notifyEventChanged } from '@/registrations';
import { invalidFields, notFound } from '@/platform/http/errors';
import { copyQuestions, resolveQuestions, saveQuestions, type QuestionInput } from '@/questions';
import { slugify } from '@/platform/slug';
import { toZonedIso } from '@/platform/time';
import { contentLang, separateTexts } from '@/platform/i18n/content';
import type { Lang } from '@/platform/i18n';
import { mergeTranslations, separateEventTexts } from './content';
import {
  changesScheduleOrPlace,
  participantNotice,
  draftFromValues,
  invalidTime,
  resolveAgenda,
  resolveEventDraft,
  type AgendaItemApiInput,
  type AgendaItemInput,
  type EventApiInput,
  type EventApiPatch,
  type EventInput,
  type EventPatch,
  type EventValues,
  unmanagedHostChanges,
  wallClockShift,
} from './rules';
import {
  findEventBySlug,
  hostIdsOf,
  loadAgenda,
  lockEvent,
  type AgendaItemRow,
  type EventRow,
  type StoredEvent,
} from './reads';

type WriteContext = { db: Db; clock: Clock; user: CurrentUser; config: Pick<Config, 'publicUrl'> };

async function resolveHosts(tx: Tx, slugs: string[]): Promise<number[]> {
  const unique = [...new Set(slugs)];
  const rows = await tx
    .select({ id: municipalities.id, slug: municipalities.slug })
    .from(municipalities)
    .where(inArray(municipalities.slug, unique));
  const details = slugs.flatMap((slug, index) =>
    rows.some((row) => row.slug === slug)
      ? []
      : [
          {
            path: `hosts.${index}`,
            message: `Unknown municipality: ${slug}`,
            localized: { key: 'event.error.unknownHost' as const, params: { name: slug } },
          },
        ],
  );
  if (details.length > 0) throw invalidFields(details);
  return unique.map((slug) => rows.find((row) => row.slug === slug)?.id ?? 0);
}

async function uniqueSlug(tx: Tx, title: string): Promise<string> {
  const base = slugify(title);
  const taken = new Set(
    (
      await tx
        .select({ slug: events.slug })
        .from(events)
        .where(or(eq(events.slug, base), like(events.slug, `${base}-%`)))
    ).map((row) => row.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function eventValuesOf(row: EventRow): EventValues {
  return {
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    description: row.description,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    timezone: row.timezone,
    venueName: row.venueName,
    venueAddress: row.venueAddress,
    venueLat: row.venueLat,
    venueLon: row.venueLon,
    onlineUrl: row.onlineUrl,
    capacity: row.capacity,
    waitlist: row.waitlist,
    registrationOpensAt: row.registrationOpensAt,
    registrationClosesAt: row.registrationClosesAt,
    status: row.status,
    cancelReason: row.cancelReason,
  };
}

/** 422 on `hosts` for host municipalities this user may not add or remove (see the rule). */
async function assertHostChangesAllowed(
  tx: Tx,
  user: CurrentUser,
  current: number[],
  requested: number[],
): Promise<void> {
  const refused = unmanagedHostChanges(user, current, requested);
  if (refused.length === 0) return;
  const names = await tx
    .select({ id: municipalities.id, slug: municipalities.slug, name: municipalities.name })
    .from(municipalities)
    .where(inArray(municipalities.id, refused));
  throw invalidFields(
    refused.map((id) => {
      const found = names.find((row) => row.id === id);
      const slug = found?.slug ?? String(id);
      const index = requested.indexOf(id);
      return {
        path: index >= 0 ? `hosts.${index}` : 'hosts',
        message: `You do not organize for ${slug}: an admin or one of its organizers can ${index >= 0 ? 'add' : 'remove'} it`,
        localized: {
          key:
            index >= 0 ? ('event.error.hostNotYours' as const) : ('event.error.hostKept' as const),
          params: { name: found?.name ?? slug },
        },
      };
    }),
  );
}

async function setHosts(tx: Tx, eventId: number, hostIds: number[]) {
  await tx.delete(eventHosts).where(eq(eventHosts.eventId, eventId));
  await tx
    .insert(eventHosts)
    .values(hostIds.map((municipalityId, position) => ({ eventId, municipalityId, position })));
}

/**
 * The questions of a body, checked (422 naming `questions.N.…`), written in the event's original
 * language `lang` unless given in others; undefined when left out.
 */
function questionsOf(input: { questions?: QuestionInput[] | undefined }, lang: Lang) {
  if (!input.questions) return undefined;
  const resolved = resolveQuestions(input.questions, lang);
  if (!resolved.ok) throw invalidFields(resolved.details);
  return resolved.values;
}

/** Creates an event; its texts may come in several languages (see separateEventTexts). */
export async function createEvent({ db, clock, user }: WriteContext, body: EventApiInput) {
  const texts = separateEventTexts(body);
  if (texts.missing.length > 0) throw invalidFields(texts.missing);
  const input = texts.body as EventInput;
  const resolved = resolveEventDraft(input);
  if (!resolved.ok) throw invalidFields(resolved.details);
  const questions = questionsOf(input, texts.originalLang);
  const now = clock.now();
  const slug = await db.transaction(async (tx) => {
    const hostIds = await resolveHosts(tx, input.hosts);
    assertCanManage(user, hostIds);
    await assertHostChangesAllowed(tx, user, [], hostIds);
    const slug = await uniqueSlug(tx, input.title);
    const [row] = await tx
      .insert(events)
      .values({
        ...resolved.values,
        originalLang: texts.originalLang,
        translations: mergeTranslations({}, texts.translations),
        slug,
        publishedAt: resolved.values.status === 'published' ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('event insert returned nothing');
    await setHosts(tx, row.id, hostIds);
    if (questions) await saveQuestions(tx, row.id, questions);
    await recordAudit(
      tx,
      user,
      {
        action: 'create',
        entity: 'event',
        entityId: row.id,
        after: { ...row, hosts: input.hosts },
      },
      now,
    );
    return slug;
  });
  return (await findEventBySlug(db, slug)) as StoredEvent;
}

/**
 * A new draft from an existing event, moved to start at `startsAt` (local time in the event's
 * zone, or with an offset): the same text, place, capacity and agenda, every time kept at its
 * wall-clock distance from the start (registration window too). Registrations, recordings and
 * outcomes stay with the original. Hosts the user may not add are left out (an admin copies a
 * joint event whole). One transaction.
 */
export async function copyEvent(
  { db, clock, user }: WriteContext,
  slug: string,
  startsAt: string,
): Promise<StoredEvent> {
  const source = await findEventBySlug(db, slug);
  if (!source) throw notFound('No such event');
  const hostIds = source.hosts.map((host) => host.id);
  assertCanManage(user, hostIds);
  const shift = wallClockShift(source.timezone, source.startsAt, startsAt);
  if (!shift) {
    throw invalidFields([invalidTime('startsAt', source.timezone)]);
  }
  const resolved = resolveEventDraft({
    ...draftFromValues(eventValuesOf(source), shift),
    status: 'draft',
    cancelReason: null,
  });
  if (!resolved.ok) throw invalidFields(resolved.details);
  const copiedHosts = hostIds.filter((id) => unmanagedHostChanges(user, [], [id]).length === 0);
  const agenda = (await loadAgenda(db, source.id)).map((item) => ({
    startsAt: shift(item.startsAt),
    endsAt: shift(item.endsAt),
    title: item.title,
    description: item.description,
    speakers: item.speakers,
    kind: item.kind,
    room: item.room,
    capacity: item.capacity,
    originalLang: item.originalLang,
    translations: item.translations,
  }));
  const items = resolveAgenda(agenda, resolved.values);
  if (!items.ok)
    throw invalidFields(items.details.map((d) => ({ ...d, path: `agenda.${d.path}` })));
  const now = clock.now();
  const newSlug = await db.transaction(async (tx) => {
    const newSlug = await uniqueSlug(tx, source.title);
    const [row] = await tx
      .insert(events)
      .values({
        ...resolved.values,
        // The copy keeps the texts' languages (issue 18).
        originalLang: source.originalLang,
        translations: source.translations,
        slug: newSlug,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('event insert returned nothing');
    await setHosts(tx, row.id, copiedHosts);
    await copyQuestions(tx, source.id, row.id);
    if (items.items.length > 0) {
      await tx.insert(agendaItems).values(
        items.items.map((item) => ({
          ...item,
          eventId: row.id,
          originalLang: agenda[item.position]?.originalLang ?? source.originalLang,
          translations: agenda[item.position]?.translations ?? {},
        })),
      );
    }
    await recordAudit(
      tx,
      user,
      {
        action: 'copy',
        entity: 'event',
        entityId: row.id,
        after: { ...row, copiedFrom: source.slug, hosts: copiedHosts },
      },
      now,
    );
    return newSlug;
  });
  return (await findEventBySlug(db, newSlug)) as StoredEvent;
}

/** Applies a patch; raises the iCal SEQUENCE when time, place or status changes. */
export async function updateEvent(
  { db, clock, user, config }: WriteContext,
  slug: string,
  body: EventApiPatch,
) {
  const now = clock.now();
  const result = await db.transaction(async (tx) => {
    const current = await lockEvent(tx, { slug });
    if (!current) throw notFound('No such event');
    // A text given only in other languages leaves the original as it is.
    const texts = separateEventTexts(body, current);
    const questions = questionsOf(body, texts.originalLang);
    const patch = texts.body as EventPatch;
    const currentHosts = await hostIdsOf(tx, current.id);
    assertCanManage(user, currentHosts);
    const before = eventValuesOf(current);
    const zone = patch.timezone ?? current.timezone;
    const merged = {
      ...draftFromValues(before, (date) => toZonedIso(date, zone)),
      ...stripUndefined(patch),
    };
    const resolved = resolveEventDraft(merged);
    if (!resolved.ok) throw invalidFields(resolved.details);
    const after = resolved.values;

    let hostIds: number[] | undefined;
    if (patch.hosts) {
      hostIds = await resolveHosts(tx, patch.hosts);
      await assertHostChangesAllowed(tx, user, currentHosts, hostIds);
    }
    const bump = changesScheduleOrPlace(before, after);
    const [row] = await tx
      .update(events)
      .set({
        ...after,
        originalLang: texts.originalLang,
        translations: mergeTranslations(current.translations, texts.translations),
        previousStartsAt: previousStartAfterMove(current, after.startsAt),
        sequence: bump ? current.sequence + 1 : current.sequence,
        publishedAt:
          after.status === 'published' && !current.publishedAt ? now : current.publishedAt,
        updatedAt: now,
      })
      .where(eq(events.id, current.id))
      .returning();
    if (hostIds) await setHosts(tx, current.id, hostIds);
    if (questions) await saveQuestions(tx, current.id, questions);
    // Registered people hear of a new time or place, or the cancellation, in this transaction.
    const mail = { publicUrl: config.publicUrl, now };
    const notice = participantNotice(before, after);
    if (notice) await notifyEventChanged(tx, current.id, notice, mail);
    const moreSeats =
      after.capacity === null || (before.capacity !== null && after.capacity > before.capacity);
    if (after.status === 'published' && (moreSeats || (after.waitlist && !before.waitlist))) {
      await fillSeatsAfterEventChange(tx, current.id, mail);
    }
    await recordAudit(
      tx,
      user,
      { action: 'update', entity: 'event', entityId: current.id, before: current, after: row },
      now,
    );
    return { before, after };
  });
  return { event: (await findEventBySlug(db, slug)) as StoredEvent, ...result };
}

/**
 * The start to remember as the previous one: a published event moved to a new start keeps the
 * start it had (JSON-LD previousStartDate, the page's "moved from …"); moved back to that
 * start, it has none. A draft's start is nobody's appointment yet.
 */
export function previousStartAfterMove(
  current: { status: string; startsAt: Date; previousStartsAt: Date | null },
  startsAt: Date,
): Date | null {
  if (current.status !== 'published' || startsAt.getTime() === current.startsAt.getTime()) {
    return current.previousStartsAt;
  }
  return startsAt.getTime() === current.previousStartsAt?.getTime() ? null : current.startsAt;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Replaces the whole agenda: the list given is the new agenda, in that order. */
export async function replaceAgenda(
  { db, clock, user }: WriteContext,
  slug: string,
  given: AgendaItemApiInput[],
): Promise<AgendaItemRow[]> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, { slug });
    if (!event) throw notFound('No such event');
    assertCanManage(user, await hostIdsOf(tx, event.id));
    // Titles are in the event's language, their translations beside them (issue 18).
    const originalLang = contentLang(event.originalLang);
    const split = given.map((item, index) => {
      const texts = separateTexts(item, { title: 'title' }, event);
      return {
        item: texts.body as AgendaItemInput,
        translations: mergeTranslations({}, texts.translations),
        missing: texts.missing.map((d) => ({ ...d, path: `${index}.${d.path}` })),
      };
    });
    const missing = split.flatMap((s) => s.missing);
    if (missing.length > 0) throw invalidFields(missing);
    const items = split.map((s) => s.item);
    const resolved = resolveAgenda(items, event);
    if (!resolved.ok) throw invalidFields(resolved.details);
    const before = await loadAgenda(tx, event.id);
    await tx.delete(agendaItems).where(eq(agendaItems.eventId, event.id));
    const rows =
      resolved.items.length > 0
        ? await tx
            .insert(agendaItems)
            .values(
              resolved.items.map((item) => ({
                ...item,
                eventId: event.id,
                originalLang,
                translations: split[item.position]?.translations ?? {},
              })),
            )
            .returning()
        : [];
    // The feed's DESCRIPTION carries the agenda: a new updatedAt changes its ETag.
    await tx.update(events).set({ updatedAt: now }).where(eq(events.id, event.id));
    await recordAudit(
      tx,
      user,
      { action: 'replace_agenda', entity: 'event', entityId: event.id, before, after: rows },
      now,
    );
    return rows;
  });
}

/**
 * Shows or hides the feedback summary (number of answers and mean rating) on the event's public
 * page. A new updatedAt raises the public revision, so no cached page keeps the old one.
 */
export async function publishFeedbackSummary(
  { db, clock, user }: Omit<WriteContext, 'config'>,
  eventId: number,
  published: boolean,
): Promise<void> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const event = await lockEvent(tx, { id: eventId });
    if (!event) throw notFound('No such event');
    assertCanManage(user, await hostIdsOf(tx, event.id));
    const [row] = await tx
      .update(events)
      .set({ feedbackPublishedAt: published ? now : null, updatedAt: now })
      .where(eq(events.id, event.id))
      .returning();
    await recordAudit(
      tx,
      user,
      {
        action: 'update',
        entity: 'event',
        entityId: event.id,
        before: event,
        after: row,
      },
      now,
    );
  });
}
