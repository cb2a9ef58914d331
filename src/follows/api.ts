import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { createApiRouter } from '@/platform/http/api-router';
import {
  errorResponses,
  jsonContent,
  publicSecurity,
  writeErrorResponses,
} from '@/platform/http/openapi';
import { limitFollowRequests } from './limits';
import { followInput } from './rules';
import { requestFollow } from './service';

const followRoute = createRoute({
  method: 'post',
  path: '/follows',
  operationId: 'follow',
  tags: ['Follows'],
  summary: 'Follow a municipality, a series, an action plan or an item by email (no account)',
  description:
    'Exactly one of `municipality` (its new events), `series` (an event’s slug: the next events with its title), `planId` or `planItemId` (progress reports, due-date moves, completion). ' +
    'Answers 202 whether or not the address already follows: a confirmation link is emailed (double opt-in), and nothing else is sent before it is used. ' +
    '`frequency`: `immediate` (default) or `weekly` (a summary). Every email carries a one-click unsubscribe link (RFC 8058). ' +
    'An unknown or non-public target is 422 naming its field; rate-limited per client address like registering (429).',
  security: publicSecurity,
  request: { body: { content: { 'application/json': { schema: followInput } }, required: true } },
  responses: {
    202: jsonContent(
      z.object({ status: z.literal('pending') }),
      'Accepted: a confirmation link is on its way (the same answer for an address already following)',
    ),
    ...writeErrorResponses,
    ...errorResponses(429),
  },
});

export function followsApi() {
  const api = createApiRouter();
  api.use('/follows', async (c, next) => {
    if (c.req.method === 'POST') await limitFollowRequests(c);
    await next();
  });
  api.openapi(followRoute, async (c) => {
    await requestFollow(c.get('deps'), c.req.valid('json'), c.get('lang'));
    return c.json({ status: 'pending' as const }, 202);
  });
  return api;
}
