import { z } from 'zod';

export type ErrorDetail = { path: string; message: string };

/** An error a client can act on; rendered as the JSON error body in the API and as a page elsewhere. */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 503,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

export function issuesToDetails(issues: readonly z.core.$ZodIssue[]): ErrorDetail[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
}

export function invalidFields(
  details: ErrorDetail[],
  message = 'Some fields are invalid',
): HttpError {
  return new HttpError(422, 'invalid_fields', message, details);
}

/** The largest id a row can have (ids are Postgres `integer`). */
export const MAX_ID = 2_147_483_647;

/** A row id in a JSON body: positive and within `integer`, so the database is never asked for more. */
export const rowId = z.number().int().positive().max(MAX_ID);

export function notFound(what = 'Not found'): HttpError {
  return new HttpError(404, 'not_found', what);
}

/** Parses with a zod schema or throws 422 naming every offending field. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidFields(issuesToDetails(result.error.issues));
  return result.data;
}

const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '57P01', // admin_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
]);

/** True when the database, not the request, is at fault: answer 503 rather than 500. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && unavailableCodes.has(code)) return true;
    if (/PGlite is closed/i.test(current.message)) return true;
  }
  return false;
}

/**
 * SQLSTATEs of values the database cannot take: a number beyond its column's range, a NUL
 * character, a date out of range. Validation should catch these first (and name the field);
 * this is the net under it, so a client's odd value is never a 500.
 */
const refusedValueCodes = new Set([
  '22003', // numeric_value_out_of_range
  '22021', // character_not_in_repertoire (NUL in text)
  '22P05', // untranslatable_character
  '22P02', // invalid_text_representation
  '22007', // invalid_datetime_format
  '22008', // datetime_field_overflow
  '22001', // string_data_right_truncation
]);

/** A 400 for an error the database raised about a value the client sent; null for anything else. */
export function refusedByDatabase(error: unknown): HttpError | null {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && refusedValueCodes.has(code)) {
      return new HttpError(
        400,
        'invalid_value',
        'A value in the request cannot be stored or looked up (a number out of range, a NUL character or an impossible date)',
      );
    }
  }
  return null;
}
