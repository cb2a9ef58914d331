import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { assertCanManage, requireUser } from '@/platform/auth/auth';
import { createApiRouter } from '@/platform/http/api-router';
import { notFound } from '@/platform/http/errors';
import {
  bearerSecurity,
  errorResponses,
  jsonContent,
  readErrorResponses,
  slugParam,
} from '@/platform/http/openapi';
import { findEvent, hostIdsOf } from '@/events';
import { eventAnswers } from './queries';
import { feedbackSummary } from './rules';

const feedbackRoute = createRoute({
  method: 'get',
  path: '/events/{slug}/feedback',
  operationId: 'getEventFeedback',
  tags: ['Feedback'],
  summary: 'The feedback after an event (organizers of its municipalities and admins)',
  description:
    'Attendees are asked the day after the event (those checked in, or every confirmed person when nobody was). ' +
    'Answers carry no name, address or registration; `averageRating` is the mean of 1–5 with one decimal, null without answers.',
  security: bearerSecurity,
  request: { params: slugParam },
  responses: {
    200: jsonContent(
      z.object({
        count: z.number().int(),
        averageRating: z.number().nullable(),
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
    return c.json({ ...feedbackSummary(answers), answers }, 200);
  });
  return api;
}
