import { z } from '@hono/zod-openapi';
import { rowId } from '@/platform/http/errors';
import { parseHttpUrl } from './providers';
import { singleLine } from '@/platform/text';
import { languages } from '@/platform/i18n';
import { translatableText } from '@/platform/i18n/content';

const MAX_DURATION = 7 * 24 * 3600;

export const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => parseHttpUrl(value) !== null, {
    message: 'Must be an http(s) URL',
    params: { key: 'validation.url' },
  });

export const chapterInput = z.object({
  offsetSeconds: z.number().int().min(0).max(MAX_DURATION).openapi({ example: 1200 }),
  title: singleLine().min(1).max(300),
  agendaItemId: rowId.nullable().optional(),
});

const fields = {
  url: httpUrl.openapi({ example: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' }),
  /** A string (the original) or `{et, ru, en}` (issue 18). */
  title: translatableText(singleLine().min(1).max(300)),
  kind: z.enum(['live', 'recording']),
  agendaItemId: rowId.nullable(),
  language: z
    .string()
    .refine((tag) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag), {
      message: 'Must be a language tag such as et or en',
      params: { key: 'recordings.error.language' },
    })
    .nullable(),
  durationSeconds: z.number().int().min(0).max(MAX_DURATION).nullable(),
  captionsUrl: httpUrl.nullable(),
  chapters: z.array(chapterInput).max(500),
  published: z.boolean(),
};

/** POST /events/:slug/recordings: only url is required. */
export const recordingCreateInput = z
  .object({
    url: fields.url,
    title: fields.title.optional(),
    kind: fields.kind.optional(),
    agendaItemId: fields.agendaItemId.optional(),
    language: fields.language.optional(),
    durationSeconds: fields.durationSeconds.optional(),
    captionsUrl: fields.captionsUrl.optional(),
    chapters: fields.chapters.optional(),
    published: fields.published.optional(),
    originalLang: z.enum(languages).optional(),
  })
  .openapi('RecordingInput');

/** PATCH /recordings/:id: any subset; chapters, when given, replace the list. */
export const recordingPatchInput = z
  .object({
    url: fields.url.optional(),
    title: fields.title.optional(),
    kind: fields.kind.optional(),
    agendaItemId: fields.agendaItemId.optional(),
    language: fields.language.optional(),
    durationSeconds: fields.durationSeconds.optional(),
    captionsUrl: fields.captionsUrl.optional(),
    chapters: fields.chapters.optional(),
    published: fields.published.optional(),
    originalLang: z.enum(languages).optional(),
  })
  .openapi('RecordingPatch');

export const reorderInput = z
  .object({ recordingIds: z.array(rowId).min(1).max(200) })
  .openapi('RecordingOrder');

export const chaptersFromAgendaInput = z
  .object({
    startsAt: z.string().optional().openapi({
      description:
        'When the recording started (ISO 8601; without an offset in the event time zone). Default: the event start.',
      example: '2014-10-02T16:00:00',
    }),
  })
  .openapi('ChaptersFromAgenda');

export type RecordingCreateInput = z.output<typeof recordingCreateInput>;
export type RecordingPatchInput = z.output<typeof recordingPatchInput>;
