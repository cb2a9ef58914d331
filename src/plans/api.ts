import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { requireUser } from '@/platform/auth/auth';
import { createApiRouter } from '@/platform/http/api-router';
import { invalidFields, notFound } from '@/platform/http/errors';
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
import {
  csvHeaders,
  itemJson,
  itemResponse,
  planDetailResponse,
  planJson,
  planListJson,
  planListResponse,
  planResponse,
  summaryJson,
} from './present';
import {
  itemInputSchema,
  itemPatchHints,
  itemPatchSchema,
  filterPlans,
  patchIssueDetails,
  planInputSchema,
  planStatuses,
  planPatchSchema,
  updateInputSchema,
} from './rules';
import { planItemsCsv } from './csv';
import { addUpdate } from './progress';
import { findItemDetail, findVisiblePlan, listVisiblePlans, loadPlanDetail } from './reads';
import { addItem, createPlan, deleteItem, deletePlan, updateItem, updatePlan } from './writes';

const listPlansQuery = z.object({
  municipality: z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/, 'A municipality slug: lowercase letters, digits and hyphens')
    .optional()
    .openapi({ description: 'Municipality slug, e.g. keila' }),
  status: z
    .enum(planStatuses)
    .optional()
    .openapi({ description: 'adopted or archived (draft: only the drafts you manage)' }),
});

const listPlansRoute = createRoute({
  method: 'get',
  path: '/plans',
  operationId: 'listPlans',
  tags: ['Action plans'],
  security: publicSecurity,
  summary: 'Every public action plan with its progress in numbers',
  description:
    'Adopted and archived plans (drafts too, for those who manage them), by municipality name, then the newest period first. `status` must be adopted, archived or draft (anything else is 422 naming `status`); `municipality` must look like a slug (else 422), and a slug no municipality has, or one with no plans, gives an empty list. `progress.itemsWithDueDateMoved` counts the items whose due date was moved since the plan was adopted.',
  request: { query: listPlansQuery },
  responses: {
    200: jsonContent(planListResponse, 'The plans'),
    ...readErrorResponses,
    ...errorResponses(422),
  },
});

const getPlanRoute = createRoute({
  method: 'get',
  path: '/plans/{id}',
  operationId: 'getPlan',
  tags: ['Action plans'],
  security: publicSecurity,
  summary:
    'An action plan: progress summary, items with their sources (event, recording offset) and timelines',
  request: { params: idParam },
  responses: {
    200: jsonContent(planDetailResponse, 'The plan'),
    ...readErrorResponses,
    ...errorResponses(404),
  },
});

const getPlanCsvRoute = createRoute({
  method: 'get',
  path: '/plans/{id}/items.csv',
  operationId: 'getPlanItemsCsv',
  tags: ['Action plans'],
  security: publicSecurity,
  summary:
    "The plan’s items as CSV (UTF-8 with BOM); the same columns the admin import reads. A cell a spreadsheet would run as a formula starts with ' (the import takes it off). Only the plan’s managers see unpublished outcomes cited",
  request: { params: idParam },
  responses: {
    200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' },
    ...readErrorResponses,
    ...errorResponses(404),
  },
});

const createPlanRoute = createRoute({
  method: 'post',
  path: '/municipalities/{slug}/plans',
  operationId: 'createPlan',
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
  operationId: 'addPlanItem',
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
  operationId: 'addPlanItemUpdate',
  tags: ['Action plans'],
  summary:
    'Add a dated progress report; it sets the item’s status and progress, and a status change emails consenting participants. On an adopted or archived plan, dueDate moves the item’s due date (null removes it) and the note is the reason: the public timeline shows the move',
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

const patchPlanRoute = createRoute({
  method: 'patch',
  path: '/plans/{id}',
  operationId: 'updatePlan',
  tags: ['Action plans'],
  summary:
    'Correct an action plan: any subset of its fields; the result is checked whole (the period must not end before it starts). An adopted plan cannot return to draft',
  security: bearerSecurity,
  request: { params: idParam, body: jsonBody(planPatchSchema) },
  responses: { 200: jsonContent(planResponse, 'The changed plan'), ...writeErrorResponses },
});

const deletePlanRoute = createRoute({
  method: 'delete',
  path: '/plans/{id}',
  operationId: 'deletePlan',
  tags: ['Action plans'],
  summary:
    'Delete a draft plan with its items; an adopted or archived plan answers 409 plan_not_draft (archive it instead)',
  security: bearerSecurity,
  request: { params: idParam },
  responses: {
    204: { description: 'Deleted' },
    ...deleteErrorResponses,
    ...errorResponses(409),
  },
});

const patchItemRoute = createRoute({
  method: 'patch',
  path: '/plan-items/{id}',
  operationId: 'updatePlanItem',
  tags: ['Action plans'],
  summary:
    'Correct an action item’s title, description, responsible, due date or cited outcomes (sourceOutcomeIds replaces the list). Status and progress are reported with POST /plan-items/{id}/updates, and so is a new due date once the plan is adopted (422 on dueDate here)',
  security: bearerSecurity,
  request: { params: idParam, body: jsonBody(itemPatchSchema) },
  responses: { 200: jsonContent(itemResponse, 'The changed item'), ...writeErrorResponses },
});

const deleteItemRoute = createRoute({
  method: 'delete',
  path: '/plan-items/{id}',
  operationId: 'deletePlanItem',
  tags: ['Action plans'],
  summary:
    'Delete an item of a draft plan; once the plan is adopted it answers 409 plan_not_draft (report status dropped with an update)',
  security: bearerSecurity,
  request: { params: idParam },
  responses: {
    204: { description: 'Deleted' },
    ...deleteErrorResponses,
    ...errorResponses(409),
  },
});

/**
 * A strict PATCH body's unknown keys, each named as its own field (with a hint where one
 * helps). It replaces the router's hook, so like that one it answers a path id that cannot
 * exist (beyond int4, `abc`) with 404.
 */
function patchHook(missing: string, hints: Record<string, string> = {}) {
  return (
    result: { target: string } & ({ success: true } | { success: false; error: z.ZodError }),
  ) => {
    if (result.success) return undefined;
    if (result.target === 'param') throw notFound(missing);
    throw invalidFields(patchIssueDetails(result.error.issues, hints));
  };
}

export function plansApi() {
  const api = createApiRouter();

  api.openapi(listPlansRoute, async (c) => {
    const { db, clock, config } = c.get('deps');
    const plans = filterPlans(
      await listVisiblePlans(db, c.get('user'), clock.now()),
      c.req.valid('query'),
    );
    return c.json(
      {
        items: plans.map((plan) => planListJson(plan, config.publicUrl, c.get('lang'))),
        total: plans.length,
      },
      200,
    );
  });

  api.openapi(getPlanRoute, async (c) => {
    const { db, clock, config } = c.get('deps');
    const plan = await findVisiblePlan(db, c.req.valid('param').id, c.get('user'));
    if (!plan) throw notFound('No such plan');
    const detail = await loadPlanDetail(db, plan, clock.now(), { publicOnly: true });
    return c.json(
      {
        ...planJson(plan, config.publicUrl, c.get('lang')),
        progress: summaryJson(detail.summary),
        items: detail.items.map((item) =>
          itemJson(item, config.publicUrl, detail.today, c.get('lang')),
        ),
      },
      200,
    );
  });

  api.openapi(getPlanCsvRoute, async (c) => {
    const { db, clock } = c.get('deps');
    const plan = await findVisiblePlan(db, c.req.valid('param').id, c.get('user'));
    if (!plan) throw notFound('No such plan');
    const { csv, full } = await planItemsCsv(db, plan, c.get('user'), clock.now());
    return c.body(csv, 200, csvHeaders(plan.id, full));
  });

  api.openapi(createPlanRoute, async (c) => {
    const { db, clock, config } = c.get('deps');
    const user = requireUser(c);
    const plan = await createPlan(
      { db, clock, user, publicUrl: config.publicUrl },
      c.req.valid('param').slug,
      c.req.valid('json'),
    );
    return c.json(planJson(plan, config.publicUrl, c.get('lang')), 201);
  });

  api.openapi(addItemRoute, async (c) => {
    const { db, clock, config } = c.get('deps');
    const user = requireUser(c);
    const item = await addItem(
      { db, clock, user, publicUrl: config.publicUrl },
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json(itemJson(item, config.publicUrl, null, c.get('lang')), 201);
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
    return c.json(itemJson(detail, config.publicUrl, null, c.get('lang')), 201);
  });

  api.openapi(
    patchPlanRoute,
    async (c) => {
      const { db, clock, config } = c.get('deps');
      const user = requireUser(c);
      const plan = await updatePlan(
        { db, clock, user, publicUrl: config.publicUrl },
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json(planJson(plan, config.publicUrl, c.get('lang')), 200);
    },
    patchHook('No such plan'),
  );

  api.openapi(deletePlanRoute, async (c) => {
    const { db, clock, config } = c.get('deps');
    const user = requireUser(c);
    await deletePlan(
      { db, clock, user, publicUrl: config.publicUrl },
      c.req.valid('param').id,
      c.get('deps'),
    );
    return c.body(null, 204);
  });

  api.openapi(
    patchItemRoute,
    async (c) => {
      const { db, clock, config } = c.get('deps');
      const user = requireUser(c);
      const item = await updateItem(
        { db, clock, user, publicUrl: config.publicUrl },
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json(itemJson(item, config.publicUrl, null, c.get('lang')), 200);
    },
    patchHook('No such action item', itemPatchHints),
  );

  api.openapi(deleteItemRoute, async (c) => {
    const { db, clock, config } = c.get('deps');
    const user = requireUser(c);
    await deleteItem(
      { db, clock, user, publicUrl: config.publicUrl },
      c.req.valid('param').id,
      c.get('deps'),
    );
    return c.body(null, 204);
  });

  return api;
}
