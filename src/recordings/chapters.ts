/** Chapter rules: checks, the textarea format of the organizer form, chapters from the agenda. Pure. */
import type { ErrorDetail } from '@/platform/http/errors';
import { parseOffset } from '@/platform/offsets';
import { formatOffset } from '@/platform/time';

export type ChapterInput = { offsetSeconds: number; title: string; agendaItemId?: number | null };

/**
 * Offsets must be whole, not negative and not beyond the duration (when it is known);
 * agenda items must belong to the recording's event. Returns the offending fields.
 */
export function chapterProblems(
  chapters: readonly ChapterInput[],
  durationSeconds: number | null | undefined,
  eventAgendaIds: ReadonlySet<number>,
  path = 'chapters',
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  chapters.forEach((chapter, index) => {
    if (!Number.isInteger(chapter.offsetSeconds) || chapter.offsetSeconds < 0) {
      problems.push({
        path: `${path}.${index}.offsetSeconds`,
        message: 'The offset must be a whole number of seconds, 0 or more',
        localized: { key: 'recordings.error.chapterOffset', params: { n: index + 1 } },
      });
    } else if (
      durationSeconds !== null &&
      durationSeconds !== undefined &&
      chapter.offsetSeconds > durationSeconds
    ) {
      problems.push({
        path: `${path}.${index}.offsetSeconds`,
        message: `The offset is beyond the duration of the recording (${durationSeconds} s)`,
        localized: {
          key: 'recordings.error.chapterBeyond',
          params: { n: index + 1, duration: formatOffset(durationSeconds) },
        },
      });
    }
    if (chapter.title.trim() === '') {
      problems.push({
        path: `${path}.${index}.title`,
        message: 'The title is empty',
        localized: { key: 'recordings.error.chapterTitle', params: { n: index + 1 } },
      });
    }
    if (
      chapter.agendaItemId !== null &&
      chapter.agendaItemId !== undefined &&
      !eventAgendaIds.has(chapter.agendaItemId)
    ) {
      problems.push({
        path: `${path}.${index}.agendaItemId`,
        message: 'This agenda item belongs to another event',
        localized: { key: 'recordings.error.agendaItem' },
      });
    }
  });
  return problems;
}

/** Chapters in time order (stable for equal offsets). */
export function sortChapters<T extends ChapterInput>(chapters: readonly T[]): T[] {
  return [...chapters].sort((a, b) => a.offsetSeconds - b.offsetSeconds);
}

/**
 * The organizer form writes one chapter a line: "0:00 Opening", "1:02:03 Discussion"
 * (or seconds: "95 Questions"). Returns the chapters or the lines that are wrong (1-based).
 */
export function parseChapterLines(text: string): { chapters: ChapterInput[]; badLines: number[] } {
  const chapters: ChapterInput[] = [];
  const badLines: number[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '') return;
    const match = /^(\S+)\s+(.+)$/.exec(trimmed);
    const offset = match ? parseOffset(match[1] as string) : null;
    if (!match || offset === null) {
      badLines.push(index + 1);
      return;
    }
    chapters.push({ offsetSeconds: offset, title: (match[2] as string).trim() });
  });
  return { chapters, badLines };
}

export function formatChapterLines(chapters: readonly ChapterInput[]): string {
  return sortChapters(chapters)
    .map((chapter) => `${formatOffset(chapter.offsetSeconds)} ${chapter.title}`)
    .join('\n');
}

/** A duration in the form: "3:00:00", "45:10" or "5400" (parseOffset). Null when empty; NaN when wrong. */
export function parseDurationField(text: string | undefined): number | null {
  if (text === undefined || text.trim() === '') return null;
  return parseOffset(text) ?? Number.NaN;
}

export type AgendaForChapters = { id: number; title: string; startsAt: Date; kind?: string };

/**
 * One chapter per agenda item, at its start relative to when the recording started
 * (the event's start unless given). Items before the recording started, or after it ended
 * (when the duration is known), are left out.
 */
export function chaptersFromAgenda(
  agenda: readonly AgendaForChapters[],
  recordingStart: Date,
  durationSeconds: number | null,
): Required<ChapterInput>[] {
  return [...agenda]
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .map((item) => ({
      offsetSeconds: Math.round((item.startsAt.getTime() - recordingStart.getTime()) / 1000),
      title: item.title,
      agendaItemId: item.id,
    }))
    .filter(
      (chapter) =>
        chapter.offsetSeconds >= 0 &&
        (durationSeconds === null || chapter.offsetSeconds <= durationSeconds),
    );
}
