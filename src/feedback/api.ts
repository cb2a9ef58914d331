import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { assertCanManage, requireUser } from '@/platform/auth/auth';
import { createApiRouter } from '@/platform/http/api-router';
import { notFound } from '@/platform/http/errors';
import {
  bearerSecurity,
  errorResponses,
  jsonBody,
  jsonContent,
  readErrorResponses,
  slugParam,
  writeErrorResponses,
} from '@/platform/http/openapi';
import { findEvent, hostIdsOf, publishFeedbackSummary } from '@/events';
import { eventAnswers } from './queries';
import { feedbackSummary } from './rules';

const summaryFields = {
  published: z.boolean().meta({
    description: 'Whether the event page shows the summary (number of answers and mean rating)',
  }),
  count: z.number().int(),
  averageRating: z.number().nullable(),
};

const feedbackRoute = createRoute({
  method: 'get',
  path: '/events/{slug}/feedback',
  operationId: 'getEventFeedback',
  tags: ['Feedback'],
  summary: 'The feedback after an event (organizers of its municipalities and admins)',
  description:
    'Attendees are asked the day after the event (those checked in, or every confirmed person when nobody was). ' +
    'Answers carry no name, address or registration; `averageRating` is the mean of 1–5 with one decimal, null without answers. ' +
    '`published` tells whether the event page shows the summary (see PATCH).',
  security: bearerSecurity,
  request: { params: slugParam },
  responses: {
    200: jsonContent(
      z.object({
        ...summaryFields,
        answers: z.array(
          z.object({
            rating: z.number().int(),
            good: z.string().nullable(),
            improve: z.string().nullable(),
            comeAgain: z.boolean().nullable(),
          }),
        ),
      }),
      'The summary and every answer',
    ),
    ...readErrorResponses,
    ...errorResponses(404),
  },
});

const publishBody = z.strictObject({
  published: z.boolean().meta({
    description:
      'true: the event page shows the number of answers and the mean rating (never an answer’s text); false: it stops',
  }),
});

const publishRoute = createRoute({
  method: 'patch',
  path: '/events/{slug}/feedback',
  operationId: 'publishEventFeedback',
  tags: ['Feedback'],
  summary: 'Publish or withdraw the feedback summary on the event page (its organizers and admins)',
  description:
    'Only the aggregate goes public: the number of answers and the mean rating, which follow later answers. ' +
    'Sending the state it already has changes nothing. Needs a token with the `events` scope.',
  security: bearerSecurity,
  request: { params: slugParam, body: jsonBody(publishBody) },
  responses: {
    200: jsonContent(
      z.object(summaryFields),
      'The summary as the event page now shows it (or not)',
    ),
    ...writeErrorResponses,
  },
});

export function feedbackApi() {
  const api = createApiRouter();
  api.openapi(feedbackRoute, async (c) => {
    const user = requireUser(c);
    const { db } = c.get('deps');
    const event = await findEvent(db, { slug: c.req.valid('param').slug });
    if (!event) throw notFound('No such event');
    assertCanManage(user, await hostIdsOf(db, event.id));
    const answers = await eventAnswers(db, event.id);
    c.header('Cache-Control', 'private, no-store');
    return c.json(
      { published: event.feedbackPublishedAt !== null, ...feedbackSummary(answers), answers },
      200,
    );
  });
  api.openapi(publishRoute, async (c) => {
    const user = requireUser(c);
    const deps = c.get('deps');
    const event = await findEvent(deps.db, { slug: c.req.valid('param').slug });
    if (!event) throw notFound('No such event');
    assertCanManage(user, await hostIdsOf(deps.db, event.id));
    const { published } = c.req.valid('json');
    // The same state again is no change (no new revision, no audit line).
    if (published !== (event.feedbackPublishedAt !== null)) {
      await publishFeedbackSummary({ ...deps, user }, event.id, published);
    }
    const answers = await eventAnswers(deps.db, event.id);
    c.header('Cache-Control', 'private, no-store');
    return c.json({ published, ...feedbackSummary(answers) }, 200);
  });
  return api;
}
