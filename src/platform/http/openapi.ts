import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { ERROR_CODES, ERROR_STATUS, MAX_ID } from './errors';

const codeList = ERROR_CODES.map((code) => `\`${code}\` (${ERROR_STATUS[code]})`).join(', ');

/** The pieces every feature's OpenAPI route descriptions share. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES).openapi({
        description: `What went wrong, one of a closed list (with its HTTP status): ${codeList}`,
      }),
      message: z.string().openapi({ description: 'In English, for the developer' }),
      details: z
        .array(z.object({ path: z.string(), message: z.string() }))
        .optional()
        .openapi({ description: 'One entry per offending field (422)' }),
      requestId: z.string().openapi({
        description: 'The X-Request-Id of this answer: quote it when reporting a problem',
      }),
    }),
  })
  .openapi('Error');

export const errorResponse = {
  content: { 'application/json': { schema: errorBodySchema } },
  description: 'Error: `{error: {code, message, details?, requestId}}`',
};

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

/** Organizer writes: `Authorization: Bearer <token>` (or a logged-in session). */
export const bearerSecurity = [{ bearerAuth: [] }];

/** The bearerAuth security scheme's description in the OpenAPI document. */
export const TOKEN_SECURITY_DESCRIPTION =
  'An API token from `npm run cli -- token:create` or /admin/tokens, sent as `Authorization: Bearer <token>`. ' +
  'A token has scopes and an expiry (default one year; an expired or revoked token answers 401). ' +
  'Scopes: `read` for every GET (drafts and unpublished items included as the user may see them); ' +
  '`events` to change events, agendas, copies, recordings and documents; `registrations` to list ' +
  'registrations and to send or list messages to participants; `plans` to change action plans, items, ' +
  'updates and outcomes; `admin` for what only admins may do. A request whose token lacks the scope ' +
  'its route needs answers 403 `forbidden`, naming the scope. Registering and cancelling by the ' +
  'emailed link need no token. A token never opens the HTML pages, and a password change or reset ' +
  'revokes all of its user’s tokens.';

export const slugParam = z.object({ slug: z.string().min(1).max(120) });

export const idParam = z.object({ id: z.coerce.number().int().positive().max(MAX_ID) });

/** What an organizer write can answer besides success. */
export const writeErrorResponses = {
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  422: errorResponse,
};

/** A required JSON request body. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});

/**
 * Any route may answer 401 (an invalid, revoked or expired bearer token is refused wherever it is
 * sent) and 403 (a token without the route's scope): documented on every operation that does
 * not say so itself. Call it once every feature's routes are mounted.
 */
export function documentTokenRefusals(router: Pick<OpenAPIHono, 'openAPIRegistry'>): void {
  for (const definition of router.openAPIRegistry.definitions) {
    if (definition.type !== 'route') continue;
    const responses = { ...definition.route.responses } as Record<string, unknown>;
    responses['401'] ??= {
      ...errorResponse,
      description: 'The bearer token is invalid, revoked or expired (`unauthorized`)',
    };
    responses['403'] ??= {
      ...errorResponse,
      description: 'The API token lacks the scope this route needs (`forbidden`)',
    };
    definition.route.responses = responses as typeof definition.route.responses;
  }
}
