import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '@/platform/deps';
import { canManage, requireUser } from '@/platform/auth/auth';
import { notFound } from '@/platform/http/errors';
import { createApiRouter } from '@/platform/http/api-router';
import { pathId } from '@/platform/http/forms';
import {
  apiErrors,
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
import { eventOwner, outcomeOwner, planItemOwner, planOwner, type Owner } from './owners';
import { attachmentKinds } from './rules';
import { languages } from '@/platform/i18n';
import {
  attachmentJson,
  attachmentPatchInput,
  attachmentResponse,
  createAttachment,
  deleteAttachment,
  listAttachments,
  updateAttachment,
} from './service';

const uploadBody = z.object({
  file: z.string().openapi({
    type: 'string',
    format: 'binary',
    description:
      'The document: PDF, OpenDocument, Office Open XML, an image, plain text or CSV (the type is read from the content), at most `MAX_UPLOAD_BYTES` (default 25 MiB)',
  }),
  url: z.url().optional().openapi({ description: 'An external link instead of a file' }),
  title: z.string().min(1).max(200).openapi({
    description: 'The title in its original language (`originalLang`, default `et`)',
  }),
  'title.et': z.string().max(200).optional().openapi({ description: 'The title in Estonian' }),
  'title.ru': z.string().max(200).optional().openapi({ description: 'The title in Russian' }),
  'title.en': z.string().max(200).optional().openapi({ description: 'The title in English' }),
  originalLang: z.enum(languages).optional().openapi({
    description: 'The language `title` is written in (default: the site’s default, `et`)',
  }),
  kind: z.enum(attachmentKinds).optional().openapi({ description: 'Default `document`' }),
  published: z.enum(['true', 'false']).optional().openapi({ description: 'Default `true`' }),
});

/** The refusals of an upload: as a JSON write's, but 413 and 415 are about the file. */
const uploadErrors = {
  ...errorResponses(400, 401, 403, 404, 422, 503),
  413: {
    ...apiErrors[413],
    description: '`payload_too_large`: the file is larger than `MAX_UPLOAD_BYTES`',
  },
  415: {
    ...apiErrors[415],
    description:
      '`unsupported_media_type`: the body is not `multipart/form-data`, or the file is not a kept type',
  },
};

function uploadRoute(path: string, operationId: string, what: string, params: z.ZodObject) {
  return createRoute({
    method: 'post',
    path,
    operationId,
    tags: ['Documents'],
    summary: `Attach a document (a file or a link) to ${what}`,
    description:
      'A `multipart/form-data` body, streamed: the file is never held whole. Every other write of the API takes JSON.',
    security: bearerSecurity,
    request: {
      params,
      body: { content: { 'multipart/form-data': { schema: uploadBody } }, required: true },
    },
    responses: {
      201: jsonContent(attachmentResponse, 'The attachment'),
      ...uploadErrors,
    },
  });
}

const uploads: { route: RouteConfig; owner: (c: Context<AppEnv>) => Promise<Owner> }[] = [
  {
    route: uploadRoute(
      '/events/{slug}/attachments',
      'createEventAttachment',
      'an event',
      slugParam,
    ),
    owner: (c) => eventOwner(c.get('deps').db, c.req.param('slug') ?? ''),
  },
  {
    route: uploadRoute(
      '/outcomes/{id}/attachments',
      'createOutcomeAttachment',
      'an outcome note',
      idParam,
    ),
    owner: (c) => outcomeOwner(c.get('deps').db, pathId(c)),
  },
  {
    route: uploadRoute(
      '/plans/{id}/attachments',
      'createPlanAttachment',
      'an action plan',
      idParam,
    ),
    owner: (c) => planOwner(c.get('deps').db, pathId(c)),
  },
  {
    route: uploadRoute(
      '/plan-items/{id}/attachments',
      'createPlanItemAttachment',
      'an action plan item',
      idParam,
    ),
    owner: (c) => planItemOwner(c.get('deps').db, pathId(c)),
  },
];

function listRoute(path: string, operationId: string, what: string, params: z.ZodObject) {
  return createRoute({
    method: 'get',
    path,
    operationId,
    tags: ['Documents'],
    summary: `${what}’s documents: the published ones, or all of them for its organizers`,
    description: `404 while ${what.toLowerCase()} itself is not public (a draft), but for its organizers.`,
    security: publicSecurity,
    request: { params },
    responses: {
      200: jsonContent(z.object({ items: z.array(attachmentResponse) }), 'In their order'),
      ...readErrorResponses,
      ...errorResponses(404),
    },
  });
}

const lists: { route: RouteConfig; owner: (c: Context<AppEnv>) => Promise<Owner> }[] = [
  {
    route: listRoute('/events/{slug}/attachments', 'listEventAttachments', 'An event', slugParam),
    owner: (c) => eventOwner(c.get('deps').db, c.req.param('slug') ?? ''),
  },
  {
    route: listRoute(
      '/outcomes/{id}/attachments',
      'listOutcomeAttachments',
      'An outcome note',
      idParam,
    ),
    owner: (c) => outcomeOwner(c.get('deps').db, pathId(c)),
  },
  {
    route: listRoute('/plans/{id}/attachments', 'listPlanAttachments', 'An action plan', idParam),
    owner: (c) => planOwner(c.get('deps').db, pathId(c)),
  },
  {
    route: listRoute(
      '/plan-items/{id}/attachments',
      'listPlanItemAttachments',
      'An action plan item',
      idParam,
    ),
    owner: (c) => planItemOwner(c.get('deps').db, pathId(c)),
  },
];

const updateAttachmentRoute = createRoute({
  method: 'patch',
  path: '/attachments/{id}',
  operationId: 'updateAttachment',
  tags: ['Documents'],
  summary: 'Change a document’s title (and its translations), kind, publication or place',
  description:
    'The file or link itself is not changed: upload a new document for that. The search finds the document by its new title at once.',
  security: bearerSecurity,
  request: { params: idParam, body: jsonBody(attachmentPatchInput) },
  responses: {
    200: jsonContent(attachmentResponse, 'The attachment as changed'),
    ...writeErrorResponses,
  },
});

const deleteAttachmentRoute = createRoute({
  method: 'delete',
  path: '/attachments/{id}',
  operationId: 'deleteAttachment',
  tags: ['Documents'],
  summary: 'Delete a document (its stored file goes too)',
  security: bearerSecurity,
  request: { params: idParam },
  responses: { 204: { description: 'Deleted' }, ...deleteErrorResponses },
});

/** `/api/v1` routes of documents. Uploads are described in the document but read by hand: the
 * OpenAPI validator would parse (and hold) the whole multipart body. */
export function documentsApi() {
  const api = createApiRouter();

  for (const upload of uploads) {
    api.openAPIRegistry.registerPath(upload.route);
    const path = upload.route.path.replace(/\{(\w+)\}/g, ':$1');
    api.post(path, async (c) => {
      const user = requireUser(c);
      const deps = c.get('deps');
      const owner = await upload.owner(c);
      const row = await createAttachment({ ...deps, user }, owner, c.req.raw, {
        publishedWhenMissing: true,
      });
      return c.json(attachmentJson(row, deps.config.publicUrl, c.get('lang')), 201);
    });
  }

  for (const list of lists) {
    api.openAPIRegistry.registerPath(list.route);
    const path = list.route.path.replace(/\{(\w+)\}/g, ':$1');
    api.get(path, async (c) => {
      const { db, config } = c.get('deps');
      const owner = await list.owner(c);
      const user = c.get('user');
      // A draft (event, plan, unpublished note) is no one's business but its organizers'.
      if (!owner.isPublic && !(user && canManage(user, owner.municipalityIds))) {
        throw notFound('Not found');
      }
      const rows = await listAttachments(db, owner, user);
      return c.json(
        { items: rows.map((row) => attachmentJson(row, config.publicUrl, c.get('lang'))) },
        200,
      );
    });
  }

  api.openapi(updateAttachmentRoute, async (c) => {
    const user = requireUser(c);
    const deps = c.get('deps');
    const { row } = await updateAttachment(
      { ...deps, user },
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json(attachmentJson(row, deps.config.publicUrl, c.get('lang')), 200);
  });

  api.openapi(deleteAttachmentRoute, async (c) => {
    const user = requireUser(c);
    await deleteAttachment({ ...c.get('deps'), user }, c.req.valid('param').id);
    return c.body(null, 204);
  });

  return api;
}
