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
      message: z.string().openapi({
        description:
          'In the language the request names (`?lang=`, the `lang` cookie or Accept-Language: et, ru or en), in English when it names none',
      }),
      details: z
        .array(z.object({ path: z.string(), message: z.string() }))
        .optional()
        .openapi({
          description: 'One entry per offending field (422), its message in the same language',
        }),
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

/**
 * Operations anyone may call, without credentials (`security: []`). The API router reads it:
 * every other operation refuses an anonymous request with 401 before reading its body, and
 * only public reads answer CORS (see apiAccess in api-router.ts).
 */
export const publicSecurity: { [scheme: string]: string[] }[] = [];

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

const refusal = (description: string) => ({ ...errorResponse, description });

/** Every refusal the API answers, by status: each the shared `Error` body, its codes named. */
export const apiErrors = {
  400: refusal(
    '`malformed_json`: the body is not JSON or nests deeper than 32 levels; `invalid_value`: a value the database cannot store or look up',
  ),
  401: {
    ...refusal(
      '`unauthorized`: no session or token where one is needed, or a bearer token that is invalid, revoked or expired',
    ),
    headers: {
      'WWW-Authenticate': {
        description:
          '`Bearer realm="koda"`, with `error="invalid_token"` when the request sent a token (RFC 6750)',
        schema: { type: 'string' as const },
      },
    },
  },
  403: refusal(
    '`forbidden`: the user does not manage this municipality, or the token lacks the scope',
  ),
  404: refusal('`not_found`: no such resource (also an id that cannot exist: `abc`, `0`)'),
  409: refusal('A rule refuses it as things stand; `code` says which'),
  410: refusal('Gone: `event_cancelled` or `registration_cancelled`'),
  413: refusal('`payload_too_large`: the body is larger than 256 KiB'),
  415: refusal('`unsupported_media_type`: the body is not `application/json`'),
  422: refusal(
    '`invalid_fields`: `details` names each field (also a NUL character, a text over 100,000 characters, an array over 1,000 items, an object over 100 keys, a number out of range)',
  ),
  429: refusal(
    '`rate_limited`: too many requests from this address; `Retry-After` says when to retry',
  ),
  503: refusal('`unavailable`: the database does not answer'),
};

/** The refusals of an operation, by status (`errorResponses(404, 422)`). */
export function errorResponses<S extends keyof typeof apiErrors>(
  ...statuses: S[]
): Pick<typeof apiErrors, S> {
  return Object.fromEntries(statuses.map((status) => [status, apiErrors[status]])) as Pick<
    typeof apiErrors,
    S
  >;
}

/** What a public read can answer besides success (a path id adds 404, a query 422). */
export const readErrorResponses = errorResponses(400, 401, 403, 503);

/** What a write with a JSON body can answer besides success (add 409, 410, 429 where they apply). */
export const writeErrorResponses = errorResponses(400, 401, 403, 404, 413, 415, 422, 503);

/** What a DELETE (no body read) can answer besides success. */
export const deleteErrorResponses = errorResponses(401, 403, 404, 413, 503);

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
