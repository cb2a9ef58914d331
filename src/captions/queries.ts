import { and, asc, eq, sql } from 'drizzle-orm';
import { captionCues, captions, recordings } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';
import type { Cue } from './parse';

export type StoredCue = Cue & { id: number };

/** The languages a recording has captions in, in alphabetical order. */
export async function captionLanguagesOf(db: Queryable, recordingId: number): Promise<string[]> {
  const rows = await db
    .select({ language: captions.language })
    .from(captions)
    .where(eq(captions.recordingId, recordingId))
    .orderBy(asc(captions.language));
  return rows.map((row) => row.language);
}

/** A recording's cues in one language, in time order; null when it has no captions in it. */
export async function cuesOf(
  db: Queryable,
  recordingId: number,
  language: string,
): Promise<StoredCue[] | null> {
  const [caption] = await db
    .select({ id: captions.id })
    .from(captions)
    .where(and(eq(captions.recordingId, recordingId), eq(captions.language, language)));
  if (!caption) return null;
  return db
    .select({
      id: captionCues.id,
      startMs: captionCues.startMs,
      endMs: captionCues.endMs,
      text: captionCues.text,
      voices: captionCues.voices,
    })
    .from(captionCues)
    .where(eq(captionCues.captionId, caption.id))
    .orderBy(asc(captionCues.startMs), asc(captionCues.id));
}

/**
 * One cue with its recording (and whether that is published) and its captions' language, for an
 * outcome note that quotes it.
 */
export async function cueById(
  db: Queryable,
  id: number,
): Promise<
  (StoredCue & { recordingId: number; recordingPublished: boolean; language: string }) | null
> {
  const [row] = await db
    .select({
      id: captionCues.id,
      startMs: captionCues.startMs,
      endMs: captionCues.endMs,
      text: captionCues.text,
      recordingId: captions.recordingId,
      recordingPublished: recordings.published,
      language: captions.language,
    })
    .from(captionCues)
    .innerJoin(captions, eq(captions.id, captionCues.captionId))
    .innerJoin(recordings, eq(recordings.id, captions.recordingId))
    .where(eq(captionCues.id, id));
  return row ?? null;
}

function storedCue({ startMs, endMs, text, voices }: Cue) {
  return { start_ms: startMs, end_ms: endMs, text, voices: voices ?? [] };
}

/** Replaces a recording's captions in a language (call in a transaction); true when they are new. */
export async function replaceCaptions(
  tx: Queryable,
  recordingId: number,
  language: string,
  cues: Cue[],
  now: Date,
): Promise<boolean> {
  const [existing] = await tx
    .select({ id: captions.id })
    .from(captions)
    .where(and(eq(captions.recordingId, recordingId), eq(captions.language, language)))
    .for('update');
  let captionId: number;
  if (existing) {
    captionId = existing.id;
    await tx.update(captions).set({ updatedAt: now }).where(eq(captions.id, captionId));
    await tx.delete(captionCues).where(eq(captionCues.captionId, captionId));
  } else {
    const [created] = await tx
      .insert(captions)
      .values({ recordingId, language, createdAt: now, updatedAt: now })
      .returning({ id: captions.id });
    captionId = created!.id;
  }
  // One statement for the whole file, so the search rows are written by one statement too
  // (koda_search_cues_inserted, drizzle/0026) and one parameter carries every cue.
  await tx.execute(sql`
    insert into ${captionCues} (caption_id, start_ms, end_ms, text, voices)
    select ${captionId}, cue.start_ms, cue.end_ms, cue.text, cue.voices
      from jsonb_to_recordset(${JSON.stringify(cues.map(storedCue))}::jsonb)
        as cue(start_ms integer, end_ms integer, text text, voices jsonb)`);
  return !existing;
}

/** Removes a recording's captions in a language; false when there were none. */
export async function deleteCaptions(
  db: Queryable,
  recordingId: number,
  language: string,
): Promise<boolean> {
  const deleted = await db
    .delete(captions)
    .where(and(eq(captions.recordingId, recordingId), eq(captions.language, language)))
    .returning({ id: captions.id });
  return deleted.length > 0;
}

/** How many cues each of a recording's caption languages has. */
export async function captionSummaryOf(
  db: Queryable,
  recordingId: number,
): Promise<{ language: string; cues: number; updatedAt: Date }[]> {
  return db
    .select({
      language: captions.language,
      // Qualified by hand: drizzle names a column without its table in a subquery of one table,
      // so caption_id = id compared caption_cues with itself.
      cues: sql<number>`(select count(*)::int from caption_cues where caption_cues.caption_id = captions.id)`,
      updatedAt: captions.updatedAt,
    })
    .from(captions)
    .where(eq(captions.recordingId, recordingId))
    .orderBy(asc(captions.language));
}
