import { createRoute } from '@hono/zod-openapi';
import { requireUser } from '@/platform/auth/auth';
import {
  bearerSecurity,
  deleteErrorResponses,
  errorResponses,
  idParam,
  jsonBody,
  jsonContent,
  slugParam,
  writeErrorResponses,
} from '@/platform/http/openapi';
import { createApiRouter } from '@/platform/http/api-router';
import { outcomeInputSchema, outcomePatchSchema } from './rules';
import {
  createOutcome,
  deleteOutcome,
  outcomeJson,
  outcomeResponse,
  updateOutcome,
} from './service';

const createOutcomeRoute = createRoute({
  method: 'post',
  path: '/events/{slug}/outcomes',
  operationId: 'createOutcome',
  tags: ['Outcomes'],
  summary: 'Write an outcome note (minutes, proposal, decision, question, dissent)',
  security: bearerSecurity,
  request: {
    params: slugParam,
    body: jsonBody(outcomeInputSchema),
  },
  responses: { 201: jsonContent(outcomeResponse, 'The created outcome'), ...writeErrorResponses },
});

const patchOutcomeRoute = createRoute({
  method: 'patch',
  path: '/outcomes/{id}',
  operationId: 'updateOutcome',
  tags: ['Outcomes'],
  summary: 'Change an outcome note (any subset of fields, e.g. publish it)',
  security: bearerSecurity,
  request: {
    params: idParam,
    body: jsonBody(outcomePatchSchema),
  },
  responses: { 200: jsonContent(outcomeResponse, 'The changed outcome'), ...writeErrorResponses },
});

const deleteOutcomeRoute = createRoute({
  method: 'delete',
  path: '/outcomes/{id}',
  operationId: 'deleteOutcome',
  tags: ['Outcomes'],
  summary: 'Delete an outcome note that no action item cites',
  security: bearerSecurity,
  request: { params: idParam },
  responses: {
    204: { description: 'Deleted' },
    ...deleteErrorResponses,
    ...errorResponses(409),
  },
});

export function outcomesApi() {
  const api = createApiRouter();

  api.openapi(createOutcomeRoute, async (c) => {
    const { db, clock, config } = c.get('deps');
    const user = requireUser(c);
    const row = await createOutcome(
      { db, clock, user },
      c.req.valid('param').slug,
      c.req.valid('json'),
    );
    return c.json(outcomeJson(row, config.publicUrl, c.get('lang')), 201);
  });

  api.openapi(patchOutcomeRoute, async (c) => {
    const { db, clock, config } = c.get('deps');
    const user = requireUser(c);
    const row = await updateOutcome(
      { db, clock, user },
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json(outcomeJson(row, config.publicUrl, c.get('lang')), 200);
  });

  api.openapi(deleteOutcomeRoute, async (c) => {
    const { db, clock } = c.get('deps');
    const user = requireUser(c);
    await deleteOutcome({ db, clock, user }, c.req.valid('param').id, c.get('deps'));
    return c.body(null, 204);
  });

  return api;
}
