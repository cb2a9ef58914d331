import { createRoute } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { assertCanManage, requireUser } from '@/platform/auth/auth';
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
import type { AppEnv } from '@/platform/deps';
import { clientAddress } from '@/platform/http/client-address';
import { HttpError } from '@/platform/http/errors';
import { hitRateLimit } from '@/platform/http/rate-limit';
import { toZonedIso } from '@/platform/time';
import { findEvent, hostIdsOf } from '@/events';
import { listRegistrations, registrationCounts } from './queries';
import {
  listParticipantMessages,
  participantMessageSchema,
  sendParticipantMessage,
  type SentMessage,
} from './participant-messages';
import { attendanceValues, registrationInput } from './rules';
import { answersInputSchema } from '@/questions';
import { cancelByToken } from './participant';
import { registerParticipant } from './register';

/** Registrations per client address: generous for a shared office address, hard on scripts. */
export const REGISTER_RATE_LIMIT = { limit: 20, windowSeconds: 10 * 60, blockSeconds: 15 * 60 };

/**
 * When the address is unknown (no socket and no trusted proxy header, e.g. a Worker without
 * TRUST_PROXY), everyone shares one counter: a site-wide brake rather than a per-person limit.
 */
export const UNKNOWN_ADDRESS_RATE_LIMIT = {
  limit: 600,
  windowSeconds: 10 * 60,
  blockSeconds: 60,
};

/** Counts a registration attempt against the client's address (across all processes); 429 over it. */
export async function limitRegistrations(c: Context<AppEnv>): Promise<void> {
  const { db, clock } = c.get('deps');
  const address = clientAddress(c);
  const result = await hitRateLimit(
    db,
    `register:ip:${address}`,
    address === 'unknown' ? UNKNOWN_ADDRESS_RATE_LIMIT : REGISTER_RATE_LIMIT,
    clock.now(),
  );
  if (!result.allowed) {
    c.header('Retry-After', String(result.retryAfterSeconds));
    throw new HttpError('rate_limited', 'Too many registrations from this address; try later');
  }
}

const rateLimited: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method === 'POST') await limitRegistrations(c);
  await next();
};

const registerRoute = createRoute({
  method: 'post',
  path: '/events/{slug}/registrations',
  operationId: 'register',
  tags: ['Registrations'],
  summary: 'Register for an event (no account needed)',
  description:
    'In-person registrations beyond the capacity go to the waitlist (409 `event_full` when the event has none); online attendance is never capped. ' +
    'Every accepted registration answers 201 with the place it gets, whether the address is new or already registered: the answer never tells which. ' +
    'For an address already registered nothing is stored and the answer is the place a new registration would get; its owner is told by email. ' +
    'The manage link is never in the answer: it goes to the address by email (before, the answer carried `manageUrl`, and an address already registered got 409 `already_registered`). ' +
    'The event’s questions (`questions` of the event) are answered in `answers` by question id: text, the chosen option (or a list of them for `choices`) as the event gives it, or true/false for `yesno`; a missing required answer, an option not offered or an unknown question is 422 naming `answers.<questionId>`. ' +
    'Window errors: 409 `registration_not_open`, 409 `registration_closed`, 410 `event_cancelled`.',
  security: publicSecurity,
  request: {
    params: slugParam,
    body: { content: { 'application/json': { schema: registrationInput } }, required: true },
  },
  responses: {
    201: jsonContent(
      z.object({
        status: z.enum(['confirmed', 'waitlisted']),
        waitlistPosition: z.number().int().optional(),
      }),
      'Registered (or, for an address already registered, the place a new registration would get); the manage link is emailed',
    ),
    ...writeErrorResponses,
    ...errorResponses(409, 410, 429),
  },
});

const cancelRoute = createRoute({
  method: 'delete',
  path: '/registrations/{token}',
  operationId: 'cancelRegistration',
  tags: ['Registrations'],
  summary: 'Cancel a registration with its manage token; the earliest waitlisted person moves up',
  security: publicSecurity,
  request: { params: z.object({ token: z.string().min(1).max(200) }) },
  responses: {
    200: jsonContent(z.object({ status: z.literal('cancelled') }), 'Cancelled'),
    ...errorResponses(400, 401, 403, 404, 410, 413, 503),
  },
});

const registrationResponse = z.object({
  id: z.number().int(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  organization: z.string().nullable(),
  needs: z.string().nullable(),
  attendance: z.enum(attendanceValues),
  status: z.enum(['confirmed', 'waitlisted', 'cancelled']),
  followUp: z.boolean(),
  registeredAt: z.string(),
  checkedInAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  anonymized: z.boolean(),
  answers: answersInputSchema,
});

const listRoute = createRoute({
  method: 'get',
  path: '/events/{slug}/registrations',
  operationId: 'listRegistrations',
  tags: ['Registrations'],
  summary: 'The registrations of an event (organizers of its municipalities and admins)',
  security: bearerSecurity,
  request: {
    params: slugParam,
    query: z.object({
      status: z.enum(['confirmed', 'waitlisted', 'cancelled']).optional(),
      attendance: z.enum(attendanceValues).optional(),
    }),
  },
  responses: {
    200: jsonContent(
      z.object({
        counts: z.object({
          confirmed: z.number().int(),
          inPerson: z.number().int(),
          online: z.number().int(),
          waitlisted: z.number().int(),
          cancelled: z.number().int(),
          checkedIn: z.number().int(),
        }),
        items: z.array(registrationResponse),
      }),
      'Registrations, earliest first',
    ),
    ...readErrorResponses,
    ...errorResponses(404, 422),
  },
});

const messageResponse = z.object({
  id: z.number().int(),
  audience: participantMessageSchema.shape.audience,
  subject: z.string(),
  body: z.string(),
  recipients: z.number().int(),
  sentAt: z.string(),
});

const sendMessageRoute = createRoute({
  method: 'post',
  path: '/events/{slug}/messages',
  operationId: 'sendMessage',
  tags: ['Registrations'],
  summary: 'Email the participants of an event (organizers of its municipalities and admins)',
  description:
    'One email per person, in the language they registered in. `audience`: `registered` (confirmed and waitlisted), `confirmed`, or `attended` (checked in). ' +
    'An audience with nobody in it answers 422 `nobody_to_message`.',
  security: bearerSecurity,
  request: { params: slugParam, body: jsonBody(participantMessageSchema) },
  responses: { 201: jsonContent(messageResponse, 'The message, queued'), ...writeErrorResponses },
});

const listMessagesRoute = createRoute({
  method: 'get',
  path: '/events/{slug}/messages',
  operationId: 'listMessages',
  tags: ['Registrations'],
  summary: 'The messages sent to an event’s participants, newest first',
  security: bearerSecurity,
  request: { params: slugParam },
  responses: {
    200: jsonContent(z.object({ items: z.array(messageResponse) }), 'Messages'),
    ...readErrorResponses,
    ...errorResponses(404),
  },
});

/** Looks up an event for an organizer: 404 when missing, 403 when not theirs. */
export async function managedEvent(c: Context<AppEnv>, slug: string) {
  const user = requireUser(c);
  const { db } = c.get('deps');
  const event = await findEvent(db, { slug });
  if (!event) throw new HttpError('not_found', 'No such event');
  assertCanManage(user, await hostIdsOf(db, event.id));
  return { user, event };
}

export function registrationApi() {
  const api = createApiRouter();
  api.use('/events/:slug/registrations', rateLimited);

  api.openapi(registerRoute, async (c) => {
    const { slug } = c.req.valid('param');
    const input = c.req.valid('json');
    const result = await registerParticipant(c.get('deps'), slug, input, c.get('lang'));
    return c.json(
      {
        status: result.status,
        ...(result.waitlistPosition !== undefined
          ? { waitlistPosition: result.waitlistPosition }
          : {}),
      },
      201,
    );
  });

  api.openapi(cancelRoute, async (c) => {
    const { token } = c.req.valid('param');
    await cancelByToken(c.get('deps'), token);
    return c.json({ status: 'cancelled' as const }, 200);
  });

  api.openapi(listRoute, async (c) => {
    const { slug } = c.req.valid('param');
    const filter = c.req.valid('query');
    const { event } = await managedEvent(c, slug);
    const { db } = c.get('deps');
    const [rows, counts] = await Promise.all([
      listRegistrations(db, event.id, filter),
      registrationCounts(db, event.id),
    ]);
    const zoned = (date: Date | null) => (date ? toZonedIso(date, event.timezone) : null);
    // Personal data: never kept by a shared cache.
    c.header('Cache-Control', 'private, no-store');
    return c.json(
      {
        counts,
        items: rows.map((row) => ({
          id: row.id,
          name: row.name,
          email: row.email,
          organization: row.organization,
          needs: row.needs,
          attendance: row.attendance,
          status: row.status,
          followUp: row.followUpConsentAt !== null,
          registeredAt: toZonedIso(row.createdAt, event.timezone),
          checkedInAt: zoned(row.checkedInAt),
          cancelledAt: zoned(row.cancelledAt),
          anonymized: row.anonymizedAt !== null,
          answers: row.answers,
        })),
      },
      200,
    );
  });

  api.openapi(sendMessageRoute, async (c) => {
    const { user, event } = await managedEvent(c, c.req.valid('param').slug);
    const message = await sendParticipantMessage(c.get('deps'), user, event, c.req.valid('json'));
    return c.json(messageJson(message, event.timezone), 201);
  });

  api.openapi(listMessagesRoute, async (c) => {
    const { event } = await managedEvent(c, c.req.valid('param').slug);
    const messages = await listParticipantMessages(c.get('deps').db, event.id);
    return c.json({ items: messages.map((m) => messageJson(m, event.timezone)) }, 200);
  });

  return api;
}

function messageJson(message: SentMessage, timezone: string) {
  const { createdAt, ...rest } = message;
  return { ...rest, sentAt: toZonedIso(createdAt, timezone) };
}
