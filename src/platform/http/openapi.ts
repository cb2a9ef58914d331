import { z } from '@hono/zod-openapi';
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
