import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '@/platform/auth/auth';
import {
  bearerSecurity,
  deleteErrorResponses,
  errorResponses,
  idParam,
  jsonBody,
  jsonContent,
  publicSecurity,
  readErrorResponses,
  slugParam,
  writeErrorResponses,
} from '@/platform/http/openapi';
import { createApiRouter } from '@/platform/http/api-router';
import { invalidFields, parseOrThrow } from '@/platform/http/errors';
import { parseZonedIso, toZonedIso } from '@/platform/time';
import type { Lang } from '@/platform/i18n';
import { fieldTranslations, localizeFields, translationsResponse } from '@/platform/i18n/content';
import { searchArchive, type ArchiveEntry, type RecordingView } from './queries';
import {
  chaptersFromAgendaInput,
  recordingCreateInput,
  recordingPatchInput,
  reorderInput,
} from './schemas';
import {
  createRecording,
  deleteRecording,
  managedEvent,
  managedRecording,
  reorderRecordings,
  setChaptersFromAgenda,
  updateRecording,
} from './service';

const chapterOutput = z.object({
  offsetSeconds: z.number().int(),
  title: z.string(),
  agendaItemId: z.number().int().nullable(),
});

const recordingOutput = z
  .object({
    id: z.number().int(),
    eventSlug: z.string(),
    title: z.string(),
    originalLang: z.string().openapi({ description: 'The language the title was written in' }),
    translations: translationsResponse,
    kind: z.enum(['live', 'recording']),
    url: z.string(),
    provider: z.string().openapi({ description: 'youtube, vimeo, facebook, file, hls or link' }),
    agendaItemId: z.number().int().nullable(),
    position: z.number().int(),
    language: z.string().nullable(),
    durationSeconds: z.number().int().nullable(),
    captionsUrl: z.string().nullable(),
    published: z.boolean(),
    pageUrl: z.string(),
    chaptersUrl: z.string(),
    chapters: z.array(chapterOutput),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Recording');

const archiveItemOutput = recordingOutput
  .omit({ published: true, chapters: true })
  .extend({
    chapterCount: z.number().int(),
    event: z.object({
      slug: z.string(),
      title: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      timezone: z.string(),
      hosts: z.array(z.object({ slug: z.string(), name: z.string() })),
    }),
  })
  .openapi('ArchiveRecording');

export function recordingJson(
  stored: RecordingView,
  event: { slug: string; timezone: string },
  publicUrl: string,
  lang?: Lang,
) {
  const recording = lang ? localizeFields(stored, ['title'], lang) : stored;
  return {
    id: recording.id,
    eventSlug: event.slug,
    title: recording.title,
    originalLang: stored.originalLang,
    translations: fieldTranslations(stored, ['title']),
    kind: recording.kind,
    url: recording.sourceUrl,
    provider: recording.provider,
    agendaItemId: recording.agendaItemId,
    position: recording.position,
    language: recording.language,
    durationSeconds: recording.durationSeconds,
    captionsUrl: recording.captionsUrl,
    published: recording.published,
    pageUrl: `${publicUrl}/recordings/${recording.id}`,
    chaptersUrl: `${publicUrl}/recordings/${recording.id}/chapters.vtt`,
    chapters: recording.chapters.map((chapter) => ({
      offsetSeconds: chapter.offsetSeconds,
      title: chapter.title,
      agendaItemId: chapter.agendaItemId,
    })),
    createdAt: toZonedIso(recording.createdAt, event.timezone),
    updatedAt: toZonedIso(recording.updatedAt, event.timezone),
  };
}

function archiveItemJson(entry: ArchiveEntry, publicUrl: string, lang: Lang) {
  const zone = entry.event.timezone;
  return {
    id: entry.id,
    eventSlug: entry.event.slug,
    title: localizeFields(entry, ['title'], lang).title,
    originalLang: entry.originalLang,
    translations: fieldTranslations(entry, ['title']),
    kind: entry.kind,
    url: entry.sourceUrl,
    provider: entry.provider,
    agendaItemId: entry.agendaItemId,
    position: entry.position,
    language: entry.language,
    durationSeconds: entry.durationSeconds,
    captionsUrl: entry.captionsUrl,
    pageUrl: `${publicUrl}/recordings/${entry.id}`,
    chaptersUrl: `${publicUrl}/recordings/${entry.id}/chapters.vtt`,
    chapterCount: entry.chapterCount,
    createdAt: toZonedIso(entry.createdAt, zone),
    updatedAt: toZonedIso(entry.updatedAt, zone),
    event: {
      slug: entry.event.slug,
      title: entry.event.title,
      startsAt: toZonedIso(entry.event.startsAt, zone),
      endsAt: toZonedIso(entry.event.endsAt, zone),
      timezone: zone,
      hosts: entry.event.hosts,
    },
  };
}

export const ARCHIVE_PAGE_SIZE = 20;

export const archiveQuery = z.object({
  q: z.string().max(200).optional().openapi({ description: 'Words to search for' }),
  municipality: z.string().max(100).optional().openapi({ description: 'Municipality slug' }),
  year: z.coerce.number().int().min(1900).max(2200).optional(),
  kind: z.enum(['live', 'recording']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});

/** /api/v1: the public archive search and the organizer's recording writes. */
export function recordingsApi() {
  const api = createApiRouter();

  api.openapi(
    createRoute({
      method: 'get',
      path: '/recordings',
      operationId: 'searchRecordings',
      tags: ['Recordings'],
      summary: 'Search the archive of published recordings',
      security: publicSecurity,
      request: { query: archiveQuery },
      responses: {
        200: {
          description: 'Recordings, newest event first',
          content: {
            'application/json': {
              schema: z.object({
                items: z.array(archiveItemOutput),
                total: z.number().int(),
                page: z.number().int(),
                pageSize: z.number().int(),
              }),
            },
          },
        },
        ...readErrorResponses,
        ...errorResponses(422),
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const { db, config } = c.get('deps');
      const page = query.page ?? 1;
      const result = await searchArchive(db, {
        q: query.q,
        municipality: query.municipality,
        year: query.year,
        kind: query.kind,
        limit: ARCHIVE_PAGE_SIZE,
        offset: (page - 1) * ARCHIVE_PAGE_SIZE,
      });
      return c.json(
        {
          items: result.items.map((entry) =>
            archiveItemJson(entry, config.publicUrl, c.get('lang')),
          ),
          total: result.total,
          page,
          pageSize: ARCHIVE_PAGE_SIZE,
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/events/{slug}/recordings',
      operationId: 'createRecording',
      tags: ['Recordings'],
      summary: 'Add a recording or live stream to an event',
      security: bearerSecurity,
      request: {
        params: slugParam,
        body: jsonBody(recordingCreateInput),
      },
      responses: {
        201: jsonContent(recordingOutput, 'The recording'),
        ...writeErrorResponses,
      },
    }),
    async (c) => {
      const user = requireUser(c);
      const { db, clock, config } = c.get('deps');
      const event = await managedEvent(db, user, c.req.valid('param').slug);
      const created = await createRecording(db, user, event, c.req.valid('json'), clock.now());
      c.header('Location', `${config.publicUrl}/api/v1/recordings/${created.id}`);
      return c.json(recordingJson(created, event, config.publicUrl, c.get('lang')), 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'put',
      path: '/events/{slug}/recordings/order',
      operationId: 'reorderRecordings',
      tags: ['Recordings'],
      summary: "Set the order of an event's recordings",
      security: bearerSecurity,
      request: {
        params: slugParam,
        body: jsonBody(reorderInput),
      },
      responses: {
        200: jsonContent(reorderInput, 'The ids in their new order'),
        ...writeErrorResponses,
      },
    }),
    async (c) => {
      const user = requireUser(c);
      const { db, clock } = c.get('deps');
      const event = await managedEvent(db, user, c.req.valid('param').slug);
      const { recordingIds } = c.req.valid('json');
      await reorderRecordings(db, user, event, recordingIds, clock.now());
      return c.json({ recordingIds }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'patch',
      path: '/recordings/{id}',
      operationId: 'updateRecording',
      tags: ['Recordings'],
      summary: 'Change a recording; chapters, when given, replace the list',
      security: bearerSecurity,
      request: {
        params: idParam,
        body: jsonBody(recordingPatchInput),
      },
      responses: {
        200: jsonContent(recordingOutput, 'The recording'),
        ...writeErrorResponses,
      },
    }),
    async (c) => {
      const user = requireUser(c);
      const { db, clock, config } = c.get('deps');
      const target = await managedRecording(db, user, c.req.valid('param').id);
      const updated = await updateRecording(db, user, target, c.req.valid('json'), clock.now());
      return c.json(recordingJson(updated, target.event, config.publicUrl, c.get('lang')), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/recordings/{id}',
      operationId: 'deleteRecording',
      tags: ['Recordings'],
      summary: 'Remove a recording',
      security: bearerSecurity,
      request: { params: idParam },
      responses: { 204: { description: 'Removed' }, ...deleteErrorResponses },
    }),
    async (c) => {
      const user = requireUser(c);
      const { db, clock } = c.get('deps');
      const target = await managedRecording(db, user, c.req.valid('param').id);
      await deleteRecording(db, user, target, clock.now());
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/recordings/{id}/chapters/from-agenda',
      operationId: 'chaptersFromAgenda',
      tags: ['Recordings'],
      summary: "Replace the chapters with the event's agenda items",
      description:
        'One chapter per agenda item, at its start relative to when the recording started (the event start unless `startsAt` is given). Items before the start or after the end of the recording are left out.',
      security: bearerSecurity,
      request: {
        params: idParam,
        body: {
          required: false,
          content: { 'application/json': { schema: chaptersFromAgendaInput } },
        },
      },
      responses: {
        200: jsonContent(recordingOutput, 'The recording with its new chapters'),
        ...writeErrorResponses,
      },
    }),
    async (c) => {
      const user = requireUser(c);
      const { db, clock, config } = c.get('deps');
      const target = await managedRecording(db, user, c.req.valid('param').id);
      const raw: unknown = c.req.header('content-type') ? await c.req.json() : {};
      const body = parseOrThrow(chaptersFromAgendaInput, raw ?? {});
      let start = target.event.startsAt;
      if (body.startsAt !== undefined) {
        const parsed = parseZonedIso(body.startsAt, target.event.timezone);
        if (!parsed) {
          throw invalidFields([{ path: 'startsAt', message: 'Must be an ISO 8601 date-time' }]);
        }
        start = parsed;
      }
      const updated = await setChaptersFromAgenda(db, user, target, start, clock.now());
      return c.json(recordingJson(updated, target.event, config.publicUrl, c.get('lang')), 200);
    },
  );

  return api;
}
