import { mergeTranslations, separateTexts } from '@/platform/i18n/content';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { CurrentUser } from '@/platform/auth/auth';
import { assertCanManage } from '@/platform/auth/auth';
import { recordAudit } from '@/platform/audit/audit';
import { agendaItemIdsOf } from '@/events';
import { chapters, recordings } from '@/platform/db/schema';
import type { Db, Queryable } from '@/platform/db/types';
import { invalidFields, notFound, type ErrorDetail } from '@/platform/http/errors';
import { chapterProblems, chaptersFromAgenda, sortChapters, type ChapterInput } from './chapters';
import { providerOf } from './providers';
import {
  agendaOf,
  managedEventOf,
  recordingById,
  type ManagedEvent,
  type RecordingView,
} from './queries';
import type { RecordingCreateInput, RecordingPatchInput } from './schemas';

/** The event of a slug if the user may manage it: 404 when there is none, 403 when not theirs. */
export async function managedEvent(
  db: Queryable,
  user: CurrentUser,
  slug: string,
): Promise<ManagedEvent> {
  const event = await managedEventOf(db, { slug });
  if (!event) throw notFound('No such event');
  assertCanManage(user, event.hostIds);
  return event;
}

/** A recording and its event if the user may manage them. */
export async function managedRecording(
  db: Queryable,
  user: CurrentUser,
  id: number,
): Promise<{ recording: RecordingView; event: ManagedEvent }> {
  const recording = await recordingById(db, id);
  const event = recording ? await managedEventOf(db, { id: recording.eventId }) : null;
  if (!recording || !event) throw notFound('No such recording');
  assertCanManage(user, event.hostIds);
  return { recording, event };
}

type RecordingState = {
  url: string;
  agendaItemId: number | null;
  durationSeconds: number | null;
  captionsUrl: string | null;
  chapters: ChapterInput[];
};

/** The checks that need the event: agenda items of this event, chapters within the duration. */
async function checkAgainstEvent(db: Queryable, eventId: number, state: RecordingState) {
  const agendaIds = new Set(await agendaItemIdsOf(db, eventId));
  const problems: ErrorDetail[] = [];
  if (providerOf(state.url) === null) {
    problems.push({
      path: 'url',
      message: 'Must be an http(s) URL',
      localized: { key: 'validation.url' },
    });
  }
  if (state.agendaItemId !== null && !agendaIds.has(state.agendaItemId)) {
    problems.push({
      path: 'agendaItemId',
      message: 'This agenda item belongs to another event',
      localized: { key: 'recordings.error.agendaItem' },
    });
  }
  problems.push(...chapterProblems(state.chapters, state.durationSeconds, agendaIds));
  if (problems.length > 0) throw invalidFields(problems);
}

async function replaceChapters(tx: Queryable, recordingId: number, list: ChapterInput[]) {
  await tx.delete(chapters).where(eq(chapters.recordingId, recordingId));
  if (list.length === 0) return;
  await tx.insert(chapters).values(
    sortChapters(list).map((chapter) => ({
      recordingId,
      offsetSeconds: chapter.offsetSeconds,
      title: chapter.title.trim(),
      agendaItemId: chapter.agendaItemId ?? null,
    })),
  );
}

function auditView(recording: RecordingView) {
  return { ...recording, createdAt: undefined, updatedAt: undefined };
}

export async function createRecording(
  db: Db,
  user: CurrentUser,
  event: ManagedEvent,
  input: RecordingCreateInput,
  now: Date,
): Promise<RecordingView> {
  const state: RecordingState = {
    url: input.url,
    agendaItemId: input.agendaItemId ?? null,
    durationSeconds: input.durationSeconds ?? null,
    captionsUrl: input.captionsUrl ?? null,
    chapters: input.chapters ?? [],
  };
  await checkAgainstEvent(db, event.id, state);
  const texts = separateTexts(input, { title: 'title' }, undefined, input.originalLang);
  if (texts.missing.length > 0) throw invalidFields(texts.missing);
  const id = await db.transaction(async (tx) => {
    const [last] = await tx
      .select({ position: sql<number>`coalesce(max(${recordings.position}), -1)::int` })
      .from(recordings)
      .where(eq(recordings.eventId, event.id));
    const [row] = await tx
      .insert(recordings)
      .values({
        eventId: event.id,
        agendaItemId: state.agendaItemId,
        position: (last?.position ?? -1) + 1,
        title: (texts.body.title as string | undefined) ?? event.title,
        originalLang: texts.originalLang,
        translations: mergeTranslations({}, texts.translations),
        kind: input.kind ?? 'recording',
        sourceUrl: state.url,
        provider: providerOf(state.url) ?? 'link',
        language: input.language ?? null,
        durationSeconds: state.durationSeconds,
        captionsUrl: state.captionsUrl,
        published: input.published ?? true,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: recordings.id });
    if (!row) throw new Error('recording insert returned nothing');
    await replaceChapters(tx, row.id, state.chapters);
    const created = await recordingById(tx, row.id);
    await recordAudit(
      tx,
      user,
      {
        action: 'recording.create',
        entity: 'recording',
        entityId: row.id,
        after: created ? auditView(created) : null,
      },
      now,
    );
    return row.id;
  });
  const created = await recordingById(db, id);
  if (!created) throw notFound('No such recording');
  return created;
}

export async function updateRecording(
  db: Db,
  user: CurrentUser,
  target: { recording: RecordingView; event: ManagedEvent },
  input: RecordingPatchInput,
  now: Date,
): Promise<RecordingView> {
  const { recording, event } = target;
  const state: RecordingState = {
    url: input.url ?? recording.sourceUrl,
    agendaItemId: input.agendaItemId !== undefined ? input.agendaItemId : recording.agendaItemId,
    durationSeconds:
      input.durationSeconds !== undefined ? input.durationSeconds : recording.durationSeconds,
    captionsUrl: input.captionsUrl !== undefined ? input.captionsUrl : recording.captionsUrl,
    chapters: input.chapters ?? recording.chapters,
  };
  await checkAgainstEvent(db, event.id, state);
  const texts = separateTexts(input, { title: 'title' }, recording, input.originalLang);
  if (texts.missing.length > 0) throw invalidFields(texts.missing);
  const title = texts.body.title as string | undefined;
  await db.transaction(async (tx) => {
    await tx
      .update(recordings)
      .set({
        sourceUrl: state.url,
        provider: providerOf(state.url) ?? 'link',
        agendaItemId: state.agendaItemId,
        durationSeconds: state.durationSeconds,
        captionsUrl: state.captionsUrl,
        ...(title !== undefined ? { title } : {}),
        originalLang: texts.originalLang,
        translations: mergeTranslations(recording.translations, texts.translations),
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(input.language !== undefined ? { language: input.language } : {}),
        ...(input.published !== undefined ? { published: input.published } : {}),
        updatedAt: now,
      })
      .where(eq(recordings.id, recording.id));
    if (input.chapters) await replaceChapters(tx, recording.id, input.chapters);
    const after = await recordingById(tx, recording.id);
    await recordAudit(
      tx,
      user,
      {
        action: 'recording.update',
        entity: 'recording',
        entityId: recording.id,
        before: auditView(recording),
        after: after ? auditView(after) : null,
      },
      now,
    );
  });
  const updated = await recordingById(db, recording.id);
  if (!updated) throw notFound('No such recording');
  return updated;
}

export async function deleteRecording(
  db: Db,
  user: CurrentUser,
  target: { recording: RecordingView },
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(recordings).where(eq(recordings.id, target.recording.id));
    await recordAudit(
      tx,
      user,
      {
        action: 'recording.delete',
        entity: 'recording',
        entityId: target.recording.id,
        before: auditView(target.recording),
      },
      now,
    );
  });
}

/** Sets the order of an event's recordings; the list must name each of them exactly once. */
export async function reorderRecordings(
  db: Db,
  user: CurrentUser,
  event: ManagedEvent,
  recordingIds: number[],
  now: Date,
): Promise<void> {
  const existing = await db
    .select({ id: recordings.id })
    .from(recordings)
    .where(eq(recordings.eventId, event.id))
    .orderBy(asc(recordings.position), asc(recordings.id));
  const known = new Set(existing.map((row) => row.id));
  const given = new Set(recordingIds);
  if (
    given.size !== recordingIds.length ||
    given.size !== known.size ||
    recordingIds.some((id) => !known.has(id))
  ) {
    throw invalidFields([
      {
        path: 'recordingIds',
        message: "List each of this event's recordings exactly once",
      },
    ]);
  }
  await db.transaction(async (tx) => {
    for (const [position, id] of recordingIds.entries()) {
      await tx
        .update(recordings)
        .set({ position, updatedAt: now })
        .where(and(eq(recordings.id, id), eq(recordings.eventId, event.id)));
    }
    await recordAudit(
      tx,
      user,
      {
        action: 'recording.reorder',
        entity: 'event',
        entityId: event.id,
        before: existing.map((row) => row.id),
        after: recordingIds,
      },
      now,
    );
  });
}

/** Moves one recording a place up or down among its event's recordings. */
export async function moveRecording(
  db: Db,
  user: CurrentUser,
  target: { recording: RecordingView; event: ManagedEvent },
  direction: 'up' | 'down',
  now: Date,
): Promise<void> {
  const rows = await db
    .select({ id: recordings.id })
    .from(recordings)
    .where(eq(recordings.eventId, target.event.id))
    .orderBy(asc(recordings.position), asc(recordings.id));
  const ids = rows.map((row) => row.id);
  const at = ids.indexOf(target.recording.id);
  const to = direction === 'up' ? at - 1 : at + 1;
  if (at < 0 || to < 0 || to >= ids.length) return;
  [ids[at], ids[to]] = [ids[to] as number, ids[at] as number];
  await reorderRecordings(db, user, target.event, ids, now);
}

/** Replaces the chapters with one per agenda item, relative to when the recording started. */
export async function setChaptersFromAgenda(
  db: Db,
  user: CurrentUser,
  target: { recording: RecordingView; event: ManagedEvent },
  recordingStart: Date,
  now: Date,
): Promise<RecordingView> {
  const agenda = await agendaOf(db, target.event.id);
  const list = chaptersFromAgenda(agenda, recordingStart, target.recording.durationSeconds);
  return updateRecording(db, user, target, { chapters: list }, now);
}
