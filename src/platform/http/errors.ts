import { z } from 'zod';

import type { MessageKey } from '@/platform/i18n';
import { localizeIssue, type Localized } from './validation';

/**
 * One field's problem: `message` in English for API clients, `localized` (when known) for pages
 * in the reader's language. The API body carries only path and message.
 */
export type ErrorDetail = { path: string; message: string; localized?: Localized };

/**
 * Every error code Koda answers with, and its HTTP status: the one closed list. The OpenAPI
 * document lists them and each has a message `errors.<code>` in every language.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  malformed_json: 400,
  invalid_value: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  event_full: 409,
  registration_not_open: 409,
  registration_closed: 409,
  not_waitlisted: 409,
  not_confirmed: 409,
  outcome_cited: 409,
  plan_not_draft: 409,
  duplicate: 409,
  account_disabled: 409,
  self_disable: 409,
  self_demotion: 409,
  event_cancelled: 410,
  registration_cancelled: 410,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_fields: 422,
  nobody_to_message: 422,
  rate_limited: 429,
  internal: 500,
  not_implemented: 501,
  unavailable: 503,
  login_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type ErrorStatus = (typeof ERROR_STATUS)[ErrorCode];
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

/** The message key of a code: what a page shows in the reader's language. */
export function errorMessageKey(code: ErrorCode): MessageKey {
  return `errors.${code}`;
}

/** The most general code of a status, for errors raised outside Koda (e.g. Hono's own). */
export function codeForStatus(status: number): ErrorCode {
  return ERROR_CODES.find((code) => ERROR_STATUS[code] === status) ?? 'internal';
}

/**
 * An error a client can act on; rendered as the JSON error body in the API (with `message`,
 * in English for scripts) and as a page elsewhere (with `page.key`, or the code's own message,
 * in the reader's language).
 */
export class HttpError extends Error {
  readonly status: ErrorStatus;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly page: { key?: MessageKey; params?: Record<string, string | number> } = {},
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

export function issuesToDetails(issues: readonly z.core.$ZodIssue[]): ErrorDetail[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
    localized: localizeIssue(issue),
  }));
}

export function invalidFields(
  details: ErrorDetail[],
  message = 'Some fields are invalid',
): HttpError {
  return new HttpError('invalid_fields', message, details);
}

/** The largest id a row can have (ids are Postgres `integer`). */
export const MAX_ID = 2_147_483_647;

/** A row id in a JSON body: positive and within `integer`, so the database is never asked for more. */
export const rowId = z.number().int().positive().max(MAX_ID);

export function notFound(what = 'Not found'): HttpError {
  return new HttpError('not_found', what);
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
        'invalid_value',
        'A value in the request cannot be stored or looked up (a number out of range, a NUL character or an impossible date)',
      );
    }
  }
  return null;
}
