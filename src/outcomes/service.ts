import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { assertCanManage, type CurrentUser } from '@/platform/auth/auth';
import { recordAudit } from '@/platform/audit/audit';
import {
  actionItems,
  actionItemSources,
  actionItemUpdates,
  actionPlans,
  municipalities,
  outcomes,
  recordings,
} from '@/platform/db/schema';
import type { Db, Queryable, Tx } from '@/platform/db/types';
import { agendaItemIdsOf, findEventBySlug, hostIdsOf } from '@/events';
import { cueById, cueSecond } from '@/captions';
import type { Clock } from '@/platform/clock';
import type { Deps } from '@/platform/deps';
import { deleteStoredFiles, storedFilesUnder } from '@/documents';
import { formatOffset } from '@/platform/time';
import { HttpError, invalidFields, notFound, type ErrorDetail } from '@/platform/http/errors';
import type { Lang } from '@/platform/i18n';
import {
  fieldTranslations,
  localize,
  localizeFields,
  mergeTranslations,
  separateTexts,
  translationsResponse,
  type Translations,
} from '@/platform/i18n/content';
import {
  OUTCOME_TEXT_FIELDS,
  outcomeKinds,
  type OutcomeInput,
  type OutcomePatch,
  type OutcomeRow,
} from './rules';

type WriteContext = { db: Db; clock: Clock; user: CurrentUser };

/** The agenda item and recording must be this event's, and the offset inside the recording. */
async function checkReferences(
  tx: Tx,
  eventId: number,
  values: Pick<OutcomeInput, 'agendaItemId' | 'recordingId' | 'offsetSeconds'>,
) {
  const details: ErrorDetail[] = [];
  if (values.agendaItemId != null) {
    if (!(await agendaItemIdsOf(tx, eventId)).includes(values.agendaItemId)) {
      details.push({
        path: 'agendaItemId',
        message: 'No such agenda item in this event',
        localized: { key: 'outcomes.error.agendaItem' },
      });
    }
  }
  if (values.recordingId != null) {
    const [recording] = await tx
      .select({ eventId: recordings.eventId, duration: recordings.durationSeconds })
      .from(recordings)
      .where(eq(recordings.id, values.recordingId));
    if (recording?.eventId !== eventId) {
      details.push({
        path: 'recordingId',
        message: 'No such recording of this event',
        localized: { key: 'outcomes.error.recording' },
      });
    } else if (
      values.offsetSeconds != null &&
      recording.duration !== null &&
      values.offsetSeconds > recording.duration
    ) {
      details.push({
        path: 'offsetSeconds',
        message: `The recording is only ${recording.duration} seconds long`,
        localized: {
          key: 'outcomes.error.offsetTooLate',
          params: { length: formatOffset(recording.duration) },
        },
      });
    }
  } else if (values.offsetSeconds != null) {
    details.push({
      path: 'offsetSeconds',
      message: 'An offset needs a recordingId',
      localized: { key: 'outcomes.error.offsetNeedsRecording' },
    });
  }
  if (details.length > 0) throw invalidFields(details);
}

/**
 * The recording, offset, words and language of a quoted caption cue; the quote cleared for null.
 * Only a published recording's cue: a quote is shown in public with a link to its recording.
 */
async function citedCue(
  tx: Tx,
  captionCueId: number | null | undefined,
): Promise<{
  recordingId?: number;
  offsetSeconds?: number;
  quote?: string | null;
  quoteLang?: string | null;
}> {
  if (captionCueId === undefined) return {};
  if (captionCueId === null) return { quote: null, quoteLang: null };
  const cue = await cueById(tx, captionCueId);
  if (!cue) {
    throw invalidFields([
      {
        path: 'captionCueId',
        message: 'No such caption cue',
        localized: { key: 'outcomes.error.recording' },
      },
    ]);
  }
  if (!cue.recordingPublished) {
    throw invalidFields([
      {
        path: 'captionCueId',
        message:
          'The recording of this caption cue is not published: publish it first, or quote a cue of a published recording',
        localized: { key: 'captions.quote.unpublished' },
      },
    ]);
  }
  return {
    recordingId: cue.recordingId,
    offsetSeconds: cueSecond(cue),
    quote: cue.text,
    quoteLang: cue.language,
  };
}

export async function createOutcome(
  { db, clock, user }: WriteContext,
  slug: string,
  input: OutcomeInput,
): Promise<OutcomeRow> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const event = await findEventBySlug(tx, slug);
    if (!event) throw notFound('No such event');
    assertCanManage(
      user,
      event.hosts.map((host) => host.id),
    );
    const texts = separateTexts(
      input,
      { title: 'title', body: 'body' },
      undefined,
      input.originalLang,
    );
    if (texts.missing.length > 0) throw invalidFields(texts.missing);
    const cited = await citedCue(tx, input.captionCueId);
    const values = { ...input, ...cited };
    await checkReferences(tx, event.id, values);
    const [row] = await tx
      .insert(outcomes)
      .values({
        eventId: event.id,
        kind: input.kind,
        title: texts.body.title as string,
        body: texts.body.body as string,
        originalLang: texts.originalLang,
        translations: mergeTranslations({}, texts.translations),
        agendaItemId: input.agendaItemId ?? null,
        recordingId: values.recordingId ?? null,
        offsetSeconds: values.offsetSeconds ?? null,
        quote: cited.quote ?? null,
        quoteLang: cited.quoteLang ?? null,
        published: input.published ?? false,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('outcome insert returned nothing');
    await recordAudit(
      tx,
      user,
      { action: 'create', entity: 'outcome', entityId: row.id, after: row },
      now,
    );
    return row;
  });
}

async function lockManagedOutcome(tx: Tx, user: CurrentUser, id: number) {
  const [current] = await tx.select().from(outcomes).where(eq(outcomes.id, id)).for('update');
  if (!current) throw notFound('No such outcome');
  assertCanManage(user, await hostIdsOf(tx, current.eventId));
  return current;
}

export async function updateOutcome(
  { db, clock, user }: WriteContext,
  id: number,
  patch: OutcomePatch,
): Promise<OutcomeRow> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const current = await lockManagedOutcome(tx, user, id);
    const texts = separateTexts(
      patch,
      { title: 'title', body: 'body' },
      current,
      patch.originalLang,
    );
    if (texts.missing.length > 0) throw invalidFields(texts.missing);
    const cited = await citedCue(tx, patch.captionCueId);
    const merged = {
      agendaItemId: patch.agendaItemId !== undefined ? patch.agendaItemId : current.agendaItemId,
      recordingId:
        cited.recordingId ??
        (patch.recordingId !== undefined ? patch.recordingId : current.recordingId),
      offsetSeconds:
        cited.offsetSeconds ??
        (patch.offsetSeconds !== undefined ? patch.offsetSeconds : current.offsetSeconds),
      quote: cited.quote !== undefined ? cited.quote : current.quote,
      quoteLang: cited.quoteLang !== undefined ? cited.quoteLang : current.quoteLang,
    };
    await checkReferences(tx, current.eventId, merged);
    const [row] = await tx
      .update(outcomes)
      .set({
        ...merged,
        kind: patch.kind ?? current.kind,
        title: (texts.body.title as string | undefined) ?? current.title,
        body: (texts.body.body as string | undefined) ?? current.body,
        originalLang: texts.originalLang,
        translations: mergeTranslations(current.translations, texts.translations),
        published: patch.published ?? current.published,
        updatedAt: now,
      })
      .where(eq(outcomes.id, id))
      .returning();
    if (!row) throw notFound('No such outcome');
    await recordAudit(
      tx,
      user,
      { action: 'update', entity: 'outcome', entityId: id, before: current, after: row },
      now,
    );
    return row;
  });
}

/** An outcome an action item cites cannot be deleted (the chain would break): 409. */
export async function deleteOutcome(
  { db, clock, user }: WriteContext,
  id: number,
  store: Pick<Deps, 'files' | 'log'>,
) {
  const now = clock.now();
  const stored = await db.transaction(async (tx) => {
    const current = await lockManagedOutcome(tx, user, id);
    const [cited] = await tx
      .select({ id: actionItemSources.actionItemId })
      .from(actionItemSources)
      .where(eq(actionItemSources.outcomeId, id))
      .limit(1);
    if (cited) {
      throw new HttpError(
        'outcome_cited',
        'An action item cites this outcome; unpublish it instead',
      );
    }
    // Its documents' rows go by cascade, their files just after.
    const files = await storedFilesUnder(tx, { outcomeId: id });
    await tx.delete(outcomes).where(eq(outcomes.id, id));
    await recordAudit(
      tx,
      user,
      { action: 'delete', entity: 'outcome', entityId: id, before: current },
      now,
    );
    return files;
  });
  await deleteStoredFiles(store, stored);
}

/**
 * An event's notes. With publishedOnly (the public page and API), a note whose recording is not
 * published (or was deleted) shows no link to it nor its quote: the link would be a 404 and the
 * words said were not made public (the search row leaves the quote out likewise, drizzle/0026).
 */
export async function listEventOutcomes(
  db: Queryable,
  eventId: number,
  options: { publishedOnly: boolean },
): Promise<OutcomeRow[]> {
  if (!options.publishedOnly) {
    return db
      .select()
      .from(outcomes)
      .where(eq(outcomes.eventId, eventId))
      .orderBy(asc(outcomes.createdAt), asc(outcomes.id));
  }
  const rows = await db
    .select({ outcome: outcomes, recordingPublished: recordings.published })
    .from(outcomes)
    .leftJoin(recordings, eq(recordings.id, outcomes.recordingId))
    .where(and(eq(outcomes.eventId, eventId), eq(outcomes.published, true)))
    .orderBy(asc(outcomes.createdAt), asc(outcomes.id));
  return rows.map(({ outcome, recordingPublished }) =>
    recordingPublished
      ? outcome
      : { ...outcome, recordingId: null, offsetSeconds: null, quote: null, quoteLang: null },
  );
}

export type EventActionItem = {
  id: number;
  title: string;
  status: (typeof actionItems.$inferSelect)['status'];
  progress: number;
  dueDate: string | null;
  /** The date of the item's newest progress report ('YYYY-MM-DD'), null before the first. */
  lastUpdate: string | null;
  planId: number;
  planTitle: string;
  municipalityName: string;
  outcomeIds: number[];
  /** The item's and its plan's texts in other languages (issue 18). */
  originalLang: string;
  translations: Translations;
  plan: { originalLang: string; translations: Translations };
};

/** "What came of it": items of public (non-draft) plans citing this event's published outcomes. */
export async function listEventActionItems(
  db: Queryable,
  eventId: number,
): Promise<EventActionItem[]> {
  const rows = await db
    .select({
      id: actionItems.id,
      title: actionItems.title,
      status: actionItems.status,
      progress: actionItems.progress,
      dueDate: actionItems.dueDate,
      lastUpdate: sql<
        string | null
      >`(select max(${actionItemUpdates.date})::text from ${actionItemUpdates} where ${actionItemUpdates.actionItemId} = ${actionItems.id})`,
      position: actionItems.position,
      planId: actionPlans.id,
      planTitle: actionPlans.title,
      municipalityName: municipalities.name,
      outcomeId: outcomes.id,
      originalLang: actionItems.originalLang,
      translations: actionItems.translations,
      planOriginalLang: actionPlans.originalLang,
      planTranslations: actionPlans.translations,
    })
    .from(outcomes)
    .innerJoin(actionItemSources, eq(actionItemSources.outcomeId, outcomes.id))
    .innerJoin(actionItems, eq(actionItems.id, actionItemSources.actionItemId))
    .innerJoin(actionPlans, eq(actionPlans.id, actionItems.planId))
    .innerJoin(municipalities, eq(municipalities.id, actionPlans.municipalityId))
    .where(
      and(
        eq(outcomes.eventId, eventId),
        eq(outcomes.published, true),
        ne(actionPlans.status, 'draft'),
      ),
    )
    .orderBy(asc(actionPlans.id), asc(actionItems.position), asc(outcomes.id));
  const byItem = new Map<number, EventActionItem>();
  for (const row of rows) {
    const existing = byItem.get(row.id);
    if (existing) existing.outcomeIds.push(row.outcomeId);
    else {
      byItem.set(row.id, {
        id: row.id,
        title: row.title,
        status: row.status,
        progress: row.progress,
        dueDate: row.dueDate,
        lastUpdate: row.lastUpdate,
        planId: row.planId,
        planTitle: row.planTitle,
        municipalityName: row.municipalityName,
        outcomeIds: [row.outcomeId],
        originalLang: row.originalLang,
        translations: row.translations,
        plan: { originalLang: row.planOriginalLang, translations: row.planTranslations },
      });
    }
  }
  return [...byItem.values()];
}

/**
 * An event's recordings to tie a note to, in the organizers' order: all of them, or with
 * publishedOnly those whose words a quote may show (the quote picker).
 */
export async function listRecordingChoices(
  db: Queryable,
  eventId: number,
  options: { publishedOnly: boolean } = { publishedOnly: false },
): Promise<{ id: number; title: string }[]> {
  return db
    .select({ id: recordings.id, title: recordings.title })
    .from(recordings)
    .where(
      options.publishedOnly
        ? and(eq(recordings.eventId, eventId), eq(recordings.published, true))
        : eq(recordings.eventId, eventId),
    )
    .orderBy(asc(recordings.position), asc(recordings.id));
}

export async function outcomesByIds(db: Queryable, ids: number[]) {
  if (ids.length === 0) return [];
  return db.select().from(outcomes).where(inArray(outcomes.id, ids));
}

/**
 * JSON of an outcome for the API: public fields only (no author); with `lang`, its texts in that
 * language (else the original) and every language's in `translations` (issue 18).
 */
export function outcomeJson(stored: OutcomeRow, publicUrl: string, lang?: Lang) {
  const row = lang ? localizeFields(stored, OUTCOME_TEXT_FIELDS, lang) : stored;
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    originalLang: stored.originalLang,
    translations: fieldTranslations(stored, OUTCOME_TEXT_FIELDS),
    agendaItemId: row.agendaItemId,
    recordingId: row.recordingId,
    offsetSeconds: row.offsetSeconds,
    quote: row.quote,
    quoteLang: row.quoteLang,
    published: row.published,
    recordingUrl:
      row.recordingId !== null
        ? `${publicUrl}/recordings/${row.recordingId}${row.offsetSeconds !== null ? `?t=${row.offsetSeconds}` : ''}`
        : null,
  };
}

export const outcomeResponse = z.object({
  id: z.number().int(),
  kind: z.enum(outcomeKinds),
  title: z.string(),
  body: z.string(),
  originalLang: z.string().meta({ description: 'The language the note was written in' }),
  translations: translationsResponse,
  agendaItemId: z.number().int().nullable(),
  recordingId: z.number().int().nullable(),
  offsetSeconds: z.number().int().nullable(),
  /** The caption cue's words the note quotes, said at offsetSeconds. */
  quote: z.string().nullable(),
  quoteLang: z
    .string()
    .nullable()
    .meta({ description: "The quote's language: its caption cue's captions'" }),
  published: z.boolean(),
  recordingUrl: z.string().nullable(),
});

/** An action item as the event's API answer shows it: its and its plan's title in `lang`. */
export function eventActionItemJson(item: EventActionItem, publicUrl: string, lang: Lang) {
  const {
    lastUpdate: _pageOnly,
    originalLang: _originalLang,
    translations: _translations,
    plan,
    ...shown
  } = item;
  return {
    ...shown,
    title: localize(item, 'title', item.title, lang).text,
    planTitle: localize(plan, 'title', item.planTitle, lang).text,
    planUrl: `${publicUrl}/plans/${item.planId}#item-${item.id}`,
  };
}

export const eventActionItemResponse = z.object({
  id: z.number().int(),
  title: z.string(),
  status: z.enum(['planned', 'in_progress', 'done', 'delayed', 'dropped']),
  progress: z.number().int(),
  dueDate: z.string().nullable(),
  planId: z.number().int(),
  planTitle: z.string(),
  municipalityName: z.string(),
  outcomeIds: z.array(z.number().int()),
  planUrl: z.string(),
});
