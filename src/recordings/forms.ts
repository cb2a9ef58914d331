import { z } from 'zod';
import { invalidFields, type ErrorDetail } from '@/platform/http/errors';
import { checked, formSchema, parseForm, text, type Form } from '@/platform/http/forms';
import { formatOffset, parseZonedIso } from '@/platform/time';
import { isLang, languages, type Lang } from '@/platform/i18n';
import { translatableFromForm } from '@/platform/i18n/content';
import { formatChapterLines, parseChapterLines, parseDurationField } from './chapters';
import type { ManagedEvent, RecordingView } from './queries';
import { recordingCreateInput, type RecordingCreateInput } from './schemas';

/** What the form shows: the values as typed, so a refused form comes back filled in. */
export type RecordingFormValues = {
  url: string;
  title: string;
  kind: 'live' | 'recording';
  agendaItemId: string;
  language: string;
  duration: string;
  captionsUrl: string;
  chapters: string;
  published: boolean;
  /** The title's language and its other languages' texts, `title.ru`… (issue 18). */
  originalLang: Lang;
  titles: Record<string, string>;
};

export const emptyRecordingForm: RecordingFormValues = {
  url: '',
  title: '',
  kind: 'recording',
  agendaItemId: '',
  language: '',
  duration: '',
  captionsUrl: '',
  chapters: '',
  published: true,
  originalLang: 'et',
  titles: {},
};

export function recordingFormValues(form: Form): RecordingFormValues {
  return {
    url: text(form, 'url').trim(),
    title: text(form, 'title').trim(),
    kind: text(form, 'kind') === 'live' ? 'live' : 'recording',
    agendaItemId: text(form, 'agendaItemId'),
    language: text(form, 'language').trim(),
    duration: text(form, 'duration').trim(),
    captionsUrl: text(form, 'captionsUrl').trim(),
    chapters: text(form, 'chapters'),
    published: checked(form, 'published'),
    originalLang: isLang(text(form, 'originalLang')) ? (text(form, 'originalLang') as Lang) : 'et',
    titles: Object.fromEntries(
      languages
        .filter((lang) => form[`title.${lang}`] !== undefined)
        .map((lang) => [`title.${lang}`, text(form, `title.${lang}`).trim()]),
    ),
  };
}

export function recordingFormValuesOf(recording: RecordingView): RecordingFormValues {
  return {
    url: recording.sourceUrl,
    title: recording.title,
    kind: recording.kind,
    agendaItemId: recording.agendaItemId === null ? '' : String(recording.agendaItemId),
    language: recording.language ?? '',
    duration: recording.durationSeconds === null ? '' : formatOffset(recording.durationSeconds),
    captionsUrl: recording.captionsUrl ?? '',
    chapters: formatChapterLines(recording.chapters),
    published: recording.published,
    originalLang: isLang(recording.originalLang) ? recording.originalLang : 'et',
    titles: Object.fromEntries(
      languages.map((lang) => [`title.${lang}`, recording.translations.title?.[lang] ?? '']),
    ),
  };
}

/** The form as the API's body; a duration or chapter lines it cannot read are left out here. */
const recordingBodyForm = formSchema((form) => {
  const values = recordingFormValues(form);
  const duration = parseDurationField(values.duration);
  const agendaItemId = values.agendaItemId === '' ? null : Number(values.agendaItemId);
  return {
    url: values.url,
    originalLang: values.originalLang,
    ...(values.title ? { title: translatableFromForm(form, 'title', values.originalLang) } : {}),
    kind: values.kind,
    agendaItemId: agendaItemId === null || Number.isInteger(agendaItemId) ? agendaItemId : -1,
    language: values.language || null,
    durationSeconds: Number.isNaN(duration) ? null : duration,
    captionsUrl: values.captionsUrl || null,
    chapters: parseChapterLines(values.chapters).chapters,
    published: values.published,
  };
}, recordingCreateInput);

/**
 * The recording form read as the API's body, or 422 naming every problem at once: the schema's
 * and what only the form has (a duration like "2:45:00", one chapter a line).
 */
export function recordingFormInput(form: Form): RecordingCreateInput {
  const values = recordingFormValues(form);
  const problems: ErrorDetail[] = [];
  if (Number.isNaN(parseDurationField(values.duration))) {
    problems.push({
      path: 'durationSeconds',
      message: 'Write the duration as 2:45:00, 45:10 or seconds',
      localized: { key: 'recordings.error.duration' },
    });
  }
  const { badLines } = parseChapterLines(values.chapters);
  if (badLines.length > 0) {
    const lines = badLines.join(', ');
    problems.push({
      path: 'chapters',
      message: `Chapter lines ${lines} are not in the form "0:00 Title"`,
      localized: { key: 'recordings.admin.badLines', params: { lines } },
    });
  }
  const parsed = parseForm(recordingBodyForm, form);
  if (!parsed.success || problems.length > 0) {
    throw invalidFields([...(parsed.success ? [] : parsed.details), ...problems]);
  }
  return parsed.data;
}

/** The form's field of an error path (`durationSeconds` → `duration`, `chapters.2.title` → `chapters`). */
export function recordingField(path: string): string {
  const head = path.split('.')[0] ?? path;
  return head === 'durationSeconds' ? 'duration' : head;
}

/** "Chapters from the agenda": when the recording started; empty is the event's start. */
export function recordingStartFromForm(form: Form, event: ManagedEvent): Date {
  const raw = text(form, 'startsAt').trim();
  if (raw === '') return event.startsAt;
  const start = parseZonedIso(raw, event.timezone);
  if (!start) {
    throw invalidFields([
      {
        path: 'startsAt',
        message: `Not a valid time in ${event.timezone}`,
        localized: { key: 'validation.dateTime' },
      },
    ]);
  }
  return start;
}

/** Moving a recording up or down the list. */
export const moveForm = z.object({ direction: z.enum(['up', 'down']) });
