import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { requireUser } from '@/platform/auth/auth';
import { createApiRouter } from '@/platform/http/api-router';
import { HttpError, MAX_ID } from '@/platform/http/errors';
import {
  bearerSecurity,
  deleteErrorResponses,
  errorResponses,
  jsonContent,
  writeErrorResponses,
} from '@/platform/http/openapi';
import { captionFormatOf } from './parse';
import {
  captionLanguage,
  CAPTIONS_MAX_BYTES,
  captionsTooLarge,
  putCaptions,
  removeCaptions,
} from './service';

const captionsParams = z.object({
  id: z.coerce.number().int().positive().max(MAX_ID),
  lang: z.string().min(1).max(20).openapi({ description: 'Language code: et, en, ru, …' }),
});

const captionsOutput = z
  .object({
    recordingId: z.number().int(),
    language: z.string(),
    cues: z.number().int().openapi({ description: 'How many cues were stored' }),
    url: z.string().openapi({ description: 'The captions as WebVTT' }),
    transcriptUrl: z.string(),
  })
  .openapi('Captions');

const fileSchema = z.string().openapi({ format: 'binary' });

/** PUT and DELETE /api/v1/recordings/:id/captions/:lang. */
export function captionsApi() {
  const api = createApiRouter();
  // Not the app's 256 KiB (isCaptionsUpload): a whole meeting's captions, up to 5 MB.
  api.on(
    'PUT',
    '/recordings/:id/captions/:lang',
    bodyLimit({
      maxSize: CAPTIONS_MAX_BYTES,
      onError: () => {
        throw captionsTooLarge();
      },
    }),
  );

  api.openapi(
    createRoute({
      method: 'put',
      path: '/recordings/{id}/captions/{lang}',
      operationId: 'putCaptions',
      tags: ['Recordings'],
      summary: "Set a recording's captions in one language (WebVTT or SubRip)",
      description:
        'The whole file (at most 5 MB: 413 above it), replacing the captions in that language. A file that does not parse is 422 with one detail per problem, each naming its line (`path`: `body:LINE`).',
      security: bearerSecurity,
      request: {
        params: captionsParams,
        body: {
          required: true,
          content: {
            'text/vtt': { schema: fileSchema },
            'application/x-subrip': { schema: fileSchema },
          },
        },
      },
      responses: {
        200: jsonContent(captionsOutput, 'The captions, replaced'),
        201: jsonContent(captionsOutput, 'The captions, new'),
        ...writeErrorResponses,
      },
    }),
    async (c) => {
      const user = requireUser(c);
      const { db, clock, config } = c.get('deps');
      const { id } = c.req.valid('param');
      const language = captionLanguage(c.req.valid('param').lang);
      const format = captionFormatOf(c.req.header('content-type'));
      if (!format) {
        throw new HttpError('unsupported_media_type', 'Send text/vtt or application/x-subrip');
      }
      const file = new Uint8Array(await c.req.arrayBuffer());
      const result = await putCaptions(db, user, id, language, file, format, clock.now());
      return c.json(
        {
          recordingId: id,
          language,
          cues: result.cues,
          url: `${config.publicUrl}/recordings/${id}/captions/${language}.vtt`,
          transcriptUrl: `${config.publicUrl}/recordings/${id}/transcript?captions=${language}`,
        },
        result.created ? 201 : 200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/recordings/{id}/captions/{lang}',
      operationId: 'deleteCaptions',
      tags: ['Recordings'],
      summary: "Remove a recording's captions in one language",
      security: bearerSecurity,
      request: { params: captionsParams },
      // 422: the path's language is not one Koda knows.
      responses: {
        204: { description: 'Removed' },
        ...deleteErrorResponses,
        ...errorResponses(422),
      },
    }),
    async (c) => {
      const user = requireUser(c);
      const { db, clock } = c.get('deps');
      const { id, lang } = c.req.valid('param');
      await removeCaptions(db, user, id, captionLanguage(lang), clock.now());
      return c.body(null, 204);
    },
  );

  return api;
}
