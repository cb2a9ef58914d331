import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { requireUser } from '@/platform/auth/auth';
import {
  bearerSecurity,
  errorResponses,
  jsonBody,
  jsonContent,
  publicSecurity,
  readErrorResponses,
  slugParam,
  writeErrorResponses,
} from '@/platform/http/openapi';
import { createApiRouter } from '@/platform/http/api-router';
import { recordingJson } from '@/recordings';
import { recordingsForEvent } from '@/recordings';
import { seatsFor } from '@/registrations';
import { registrationWindow } from '@/registrations';
import { notFound } from '@/platform/http/errors';
import type { Queryable } from '@/platform/db/types';
import type { Lang } from '@/platform/i18n';
import { loadQuestions, questionJson } from '@/questions';
import { attachmentJson, attachmentResponse, publishedMaterials } from '@/documents';
import type { StoredEvent } from './reads';
import { listEventPage, listMunicipalities } from './queries';
import {
  agendaItemJson,
  agendaItemResponse,
  eventJson,
  eventResponse,
  eventSummaryJson,
  eventSummaryResponse,
} from './present';
import { agendaInputSchema, eventApiInputSchema, eventApiPatchSchema } from './rules';
import { findEventBySlug, findPublicEvent, loadAgenda } from './reads';
import { copyEvent, createEvent, replaceAgenda, updateEvent } from './service';
import { eventListQuerySchema } from './listing';
import {
  eventActionItemResponse,
  listEventActionItems,
  listEventOutcomes,
  eventActionItemJson,
  outcomeJson,
  outcomeResponse,
} from '@/outcomes';

const listEventsRoute = createRoute({
  method: 'get',
  path: '/events',
  operationId: 'listEvents',
  tags: ['Events'],
  summary: 'Published and cancelled events, with filters and pagination',
  security: publicSecurity,
  request: { query: eventListQuerySchema },
  responses: {
    200: jsonContent(
      z.object({
        items: z.array(eventSummaryResponse),
        page: z.number().int(),
        perPage: z.number().int(),
        total: z.number().int(),
      }),
      'A page of events',
    ),
    ...readErrorResponses,
    ...errorResponses(422),
  },
});

const getEventRoute = createRoute({
  method: 'get',
  path: '/events/{slug}',
  operationId: 'getEvent',
  tags: ['Events'],
  summary:
    'One event with its agenda, seats, registration state, recordings, outcomes and action items',
  security: publicSecurity,
  request: { params: slugParam },
  responses: {
    200: jsonContent(
      eventResponse.extend({
        agenda: z.array(agendaItemResponse),
        seats: z.object({
          capacity: z.number().int().nullable(),
          confirmed: z.number().int(),
          waitlisted: z.number().int(),
          available: z.number().int().nullable(),
        }),
        registration: z.object({
          state: z.enum(['not_found', 'cancelled', 'not_yet_open', 'open', 'closed']),
        }),
        recordings: z.array(z.looseObject({ id: z.number().int(), url: z.string() })),
        outcomes: z.array(outcomeResponse),
        actionItems: z.array(eventActionItemResponse),
        attachments: z.array(attachmentResponse).openapi({
          description:
            'Its published documents in their order (agenda, slides, minutes, photos…): a download or an external link',
        }),
      }),
      'The event',
    ),
    ...readErrorResponses,
    ...errorResponses(404),
  },
});

const createEventRoute = createRoute({
  method: 'post',
  path: '/events',
  operationId: 'createEvent',
  tags: ['Events'],
  summary: 'Create an event (organizers of a host municipality, admins)',
  security: bearerSecurity,
  request: {
    body: jsonBody(eventApiInputSchema),
  },
  responses: {
    201: jsonContent(eventResponse, 'The created event'),
    ...errorResponses(400, 401, 403, 413, 415, 422, 503),
  },
});

const copyEventRoute = createRoute({
  method: 'post',
  path: '/events/{slug}/copy',
  operationId: 'copyEvent',
  tags: ['Events'],
  summary: 'Copy an event as a new draft starting at another time (the next meeting of a series)',
  description:
    'Text, place, seats, registration window, agenda and registration questions are copied, every time kept at its wall-clock distance from the new start in the event’s zone. Registrations (and their answers), recordings and outcomes are not copied; hosts the caller does not organize for are left out.',
  security: bearerSecurity,
  request: {
    params: slugParam,
    body: jsonBody(z.strictObject({ startsAt: eventApiInputSchema.shape.startsAt })),
  },
  responses: {
    201: jsonContent(eventResponse, 'The new draft'),
    ...writeErrorResponses,
  },
});

const patchEventRoute = createRoute({
  method: 'patch',
  path: '/events/{slug}',
  operationId: 'updateEvent',
  tags: ['Events'],
  summary:
    'Change an event: any subset of fields, including status (publish, cancel with a reason)',
  security: bearerSecurity,
  request: {
    params: slugParam,
    body: jsonBody(eventApiPatchSchema),
  },
  responses: {
    200: jsonContent(eventResponse, 'The changed event'),
    ...writeErrorResponses,
  },
});

const putAgendaRoute = createRoute({
  method: 'put',
  path: '/events/{slug}/agenda',
  operationId: 'replaceAgenda',
  tags: ['Events'],
  summary: 'Replace the whole agenda',
  security: bearerSecurity,
  request: {
    params: slugParam,
    body: jsonBody(agendaInputSchema),
  },
  responses: {
    200: jsonContent(z.array(agendaItemResponse), 'The new agenda'),
    ...writeErrorResponses,
  },
});

const listMunicipalitiesRoute = createRoute({
  method: 'get',
  path: '/municipalities',
  operationId: 'listMunicipalities',
  tags: ['Municipalities'],
  summary: 'The municipalities of the network',
  security: publicSecurity,
  responses: {
    200: jsonContent(
      z.array(
        z.object({
          id: z.number().int(),
          slug: z.string(),
          name: z.string(),
          kind: z.string(),
          website: z.string().nullable(),
          url: z.string(),
        }),
      ),
      'All municipalities',
    ),
    ...readErrorResponses,
  },
});

/** The event as the API shows it, with its registration questions in the reader's language. */
async function eventWithQuestions(
  db: Queryable,
  event: StoredEvent,
  publicUrl: string,
  lang: Lang,
) {
  const questions = await loadQuestions(db, event.id);
  return {
    ...eventJson(event, publicUrl, lang),
    questions: questions.map((question) => questionJson(question, lang)),
  };
}

export function eventsApi() {
  const api = createApiRouter();

  api.openapi(listEventsRoute, async (c) => {
    const { db, clock, config } = c.get('deps');
    const query = c.req.valid('query');
    const { events, total } = await listEventPage(db, query, clock.now());
    return c.json(
      {
        items: events.map((event) => eventSummaryJson(event, config.publicUrl, c.get('lang'))),
        page: query.page,
        perPage: query.perPage,
        total,
      },
      200,
    );
  });

  api.openapi(getEventRoute, async (c) => {
    const { db, config, clock } = c.get('deps');
    const event = await findPublicEvent(db, c.req.valid('param').slug);
    if (!event) throw notFound('No such event');
    const [shown, agenda, outcomes, actionItems, recordings, seats, attachments] =
      await Promise.all([
        eventWithQuestions(db, event, config.publicUrl, c.get('lang')),
        loadAgenda(db, event.id),
        listEventOutcomes(db, event.id, { publishedOnly: true }),
        listEventActionItems(db, event.id),
        recordingsForEvent(db, event.id),
        seatsFor(db, event.id),
        publishedMaterials(db, { eventId: event.id }),
      ]);
    return c.json(
      {
        ...shown,
        agenda: agenda.map((item) => agendaItemJson(item, event.timezone, c.get('lang'))),
        seats,
        registration: { state: registrationWindow(event, clock.now()) },
        recordings: recordings.map((recording) =>
          recordingJson(recording, event, config.publicUrl, c.get('lang')),
        ),
        outcomes: outcomes.map((outcome) => outcomeJson(outcome, config.publicUrl, c.get('lang'))),
        // The page's "last update" is not (yet) part of the API's answer.
        actionItems: actionItems.map((item) =>
          eventActionItemJson(item, config.publicUrl, c.get('lang')),
        ),
        attachments: attachments.map((row) => attachmentJson(row, config.publicUrl, c.get('lang'))),
      },
      200,
    );
  });

  api.openapi(createEventRoute, async (c) => {
    const user = requireUser(c);
    const deps = c.get('deps');
    const event = await createEvent({ ...deps, user }, c.req.valid('json'));
    return c.json(
      await eventWithQuestions(deps.db, event, deps.config.publicUrl, c.get('lang')),
      201,
    );
  });

  api.openapi(copyEventRoute, async (c) => {
    const user = requireUser(c);
    const deps = c.get('deps');
    const copy = await copyEvent(
      { ...deps, user },
      c.req.valid('param').slug,
      c.req.valid('json').startsAt,
    );
    return c.json(
      await eventWithQuestions(deps.db, copy, deps.config.publicUrl, c.get('lang')),
      201,
    );
  });

  api.openapi(patchEventRoute, async (c) => {
    const user = requireUser(c);
    const deps = c.get('deps');
    const { event } = await updateEvent(
      { ...deps, user },
      c.req.valid('param').slug,
      c.req.valid('json'),
    );
    return c.json(
      await eventWithQuestions(deps.db, event, deps.config.publicUrl, c.get('lang')),
      200,
    );
  });

  api.openapi(putAgendaRoute, async (c) => {
    const user = requireUser(c);
    const deps = c.get('deps');
    const { slug } = c.req.valid('param');
    const event = await findEventBySlug(deps.db, slug);
    if (!event) throw notFound('No such event');
    const rows = await replaceAgenda({ ...deps, user }, slug, c.req.valid('json'));
    return c.json(
      rows.map((item) => agendaItemJson(item, event.timezone, c.get('lang'))),
      200,
    );
  });

  api.openapi(listMunicipalitiesRoute, async (c) => {
    const { db, config } = c.get('deps');
    const rows = await listMunicipalities(db);
    return c.json(
      rows.map((m) => ({ ...m, url: `${config.publicUrl}/municipalities/${m.slug}` })),
      200,
    );
  });

  return api;
}
