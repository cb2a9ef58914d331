import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { requireUser } from '../accounts/auth';
import { createApiRouter } from '../api/router';
import { notFound } from '../lib/http';
import {
  bearerSecurity,
  errorResponse,
  idParam,
  jsonBody,
  jsonContent,
  slugParam,
  writeErrorResponses,
} from '../api/openapi';
import {
  itemJson,
  itemResponse,
  planDetailResponse,
  planJson,
  planResponse,
  summaryJson,
} from './present';
import { itemInputSchema, itemsToCsv, planInputSchema, updateInputSchema } from './rules';
import {
  addItem,
  addUpdate,
  createPlan,
  csvItemsOf,
  findItemDetail,
  findVisiblePlan,
  loadPlanDetail,
} from './service';

const getPlanRoute = createRoute({
  method: 'get',
  path: '/plans/{id}',
  tags: ['Action plans'],
  summary:
    'An action plan: progress summary, items with their sources (event, recording offset) and timelines',
  request: { params: idParam },
  responses: { 200: jsonContent(planDetailResponse, 'The plan'), 404: errorResponse },
});

const getPlanCsvRoute = createRoute({
  method: 'get',
  path: '/plans/{id}/items.csv',
  tags: ['Action plans'],
  summary: 'The plan’s items as CSV (UTF-8 with BOM); the same columns the admin import reads',
  request: { params: idParam },
  responses: {
    200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' },
    404: errorResponse,
  },
});

const createPlanRoute = createRoute({
  method: 'post',
  path: '/municipalities/{slug}/plans',
  tags: ['Action plans'],
  summary: 'Create an action plan (organizers of the municipality, admins)',
  security: bearerSecurity,
  request: {
    params: slugParam,
    body: jsonBody(planInputSchema),
  },
  responses: { 201: jsonContent(planResponse, 'The created plan'), ...writeErrorResponses },
});

const addItemRoute = createRoute({
  method: 'post',
  path: '/plans/{id}/items',
  tags: ['Action plans'],
  summary: 'Add an action item, optionally citing the outcomes it came from',
  security: bearerSecurity,
  request: {
    params: idParam,
    body: jsonBody(itemInputSchema),
  },
  responses: { 201: jsonContent(itemResponse, 'The created item'), ...writeErrorResponses },
});

const addUpdateRoute = createRoute({
  method: 'post',
  path: '/plan-items/{id}/updates',
  tags: ['Action plans'],
  summary:
    'Add a dated progress report; it sets the item’s status and progress, and a status change emails consenting participants',
  security: bearerSecurity,
  request: {
    params: idParam,
    body: jsonBody(updateInputSchema),
  },
  responses: {
    201: jsonContent(itemResponse, 'The item with its new timeline'),
    ...writeErrorResponses,
  },
});

export function plansApi() {
  const api = createApiRouter();

  api.openapi(getPlanRoute, async (c) => {
    const { db, clock, config } = c.get('deps');
    const plan = await findVisiblePlan(db, c.req.valid('param').id, c.get('user'));
    if (!plan) throw notFound('No such plan');
    const detail = await loadPlanDetail(db, plan, clock.now(), { publicOnly: true });
    return c.json(
      {
        ...planJson(plan, config.publicUrl),
        progress: summaryJson(detail.summary),
        items: detail.items.map((item) => itemJson(item, config.publicUrl, detail.today)),
      },
      200,
    );
  });

  api.openapi(getPlanCsvRoute, async (c) => {
    const { db, clock } = c.get('deps');
    const plan = await findVisiblePlan(db, c.req.valid('param').id, c.get('user'));
    if (!plan) throw notFound('No such plan');
    const detail = await loadPlanDetail(db, plan, clock.now(), { publicOnly: false });
    return c.body(itemsToCsv(csvItemsOf(detail.items)), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="plan-${plan.id}-items.csv"`,
    });
  });

  api.openapi(createPlanRoute, async (c) => {
    const { db, clock, config } = c.get('deps');
    const user = requireUser(c);
    const plan = await createPlan(
      { db, clock, user, publicUrl: config.publicUrl },
      c.req.valid('param').slug,
      c.req.valid('json'),
    );
    return c.json(planJson(plan, config.publicUrl), 201);
  });

  api.openapi(addItemRoute, async (c) => {
    const { db, clock, config } = c.get('deps');
    const user = requireUser(c);
    const item = await addItem(
      { db, clock, user, publicUrl: config.publicUrl },
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json(itemJson(item, config.publicUrl), 201);
  });

  api.openapi(addUpdateRoute, async (c) => {
    const { db, clock, config } = c.get('deps');
    const user = requireUser(c);
    const { item } = await addUpdate(
      { db, clock, user, publicUrl: config.publicUrl },
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    const detail = await findItemDetail(db, item.id);
    if (!detail) throw notFound('No such action item');
    return c.json(itemJson(detail, config.publicUrl), 201);
  });

  return api;
}
