import type { z } from 'zod';
import type { MessageKey, Translate } from '@/platform/i18n';
import type { ErrorDetail } from './errors';

/**
 * What a validation problem means, as a message key and its parameters: pages show it in the
 * reader's language, never a validator's English or an internal value. A schema names its own
 * rule's message with `params: { key: '…' }` on a refinement or a custom issue.
 */
export type Localized = { key: MessageKey; params?: Record<string, string | number> };

function sizeParams(issue: { minimum?: unknown; maximum?: unknown }) {
  const limit = issue.minimum ?? issue.maximum;
  return { limit: typeof limit === 'bigint' ? Number(limit) : Number(limit ?? 0) };
}

export function localizeIssue(issue: z.core.$ZodIssue): Localized {
  const own = (issue as { params?: { key?: unknown } }).params?.key;
  if (typeof own === 'string') {
    return { key: own as MessageKey, params: (issue as { params?: Localized['params'] }).params };
  }
  switch (issue.code) {
    case 'invalid_type': {
      // zod leaves `input` out of issues unless asked; its message names what was received.
      const missing =
        'input' in issue ? issue.input === undefined : /received undefined/.test(issue.message);
      if (missing) return { key: 'validation.required' };
      if (issue.expected === 'int') return { key: 'validation.wholeNumber' };
      if (issue.expected === 'number') return { key: 'validation.number' };
      return { key: 'validation.invalid' };
    }
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? { key: 'validation.required' }
          : { key: 'validation.tooShort', params: sizeParams(issue) };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { key: 'validation.tooFew', params: sizeParams(issue) };
      if (issue.origin === 'date') return { key: 'validation.tooEarly' };
      return { key: 'validation.tooSmall', params: sizeParams(issue) };
    case 'too_big':
      if (issue.origin === 'string')
        return { key: 'validation.tooLong', params: sizeParams(issue) };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { key: 'validation.tooMany', params: sizeParams(issue) };
      if (issue.origin === 'date') return { key: 'validation.tooLate' };
      return { key: 'validation.tooBig', params: sizeParams(issue) };
    case 'invalid_format':
      if (issue.format === 'email') return { key: 'validation.email' };
      if (issue.format === 'url') return { key: 'validation.url' };
      if (issue.format === 'datetime') return { key: 'validation.dateTime' };
      if (issue.format === 'date') return { key: 'validation.date' };
      return { key: 'validation.format' };
    case 'invalid_value':
      return { key: 'validation.choice' };
    case 'not_multiple_of':
      return { key: 'validation.wholeNumber' };
    case 'unrecognized_keys':
      return { key: 'validation.unknownField' };
    default:
      return { key: 'validation.invalid' };
  }
}

/** A field's problems in the reader's language, keyed by the form field (`fieldOf` maps API paths). */
export type FieldErrors = Record<string, string[]>;

export function localizeDetails(
  t: Translate,
  details: readonly ErrorDetail[],
  fieldOf: (path: string) => string = (path) => path,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const detail of details) {
    const message = detail.localized
      ? t(detail.localized.key, detail.localized.params)
      : t('validation.invalid');
    (errors[fieldOf(detail.path)] ??= []).push(message);
  }
  return errors;
}
