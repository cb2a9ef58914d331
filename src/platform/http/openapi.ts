import { z } from 'zod';
import { MAX_ID } from './errors';

/** The pieces every feature's OpenAPI route descriptions share. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

export const errorResponse = {
  content: { 'application/json': { schema: errorBodySchema } },
  description: 'Error: `{error: {code, message, details?}}`',
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
