import { z } from 'zod';
import { parseOffset } from '@/platform/offsets';
import { isLang } from '@/platform/i18n';
import { translatableFromForm } from '@/platform/i18n/content';
import { outcomeInputSchema, outcomePatchSchema } from './rules';

/**
 * The outcome notes page's forms, read into the API's input and checked by its schemas (so a
 * form and the API refuse the same things, with the same message keys).
 */
type Fields = Record<string, string | string[] | undefined>;

function given(fields: Fields, name: string): string | undefined {
  const value = fields[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first.trim() === '' ? undefined : first;
}

/** A number field: the number, or the text as typed (the schema refuses it, naming the field). */
function numberField(fields: Fields, name: string): number | string | undefined {
  const value = given(fields, name)?.trim();
  if (value === undefined) return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : value;
}

/** "Said at": h:mm:ss, m:ss or seconds (parseOffset), else the text as typed (refused, named). */
function offsetField(fields: Fields, name: string): number | string | undefined {
  const value = given(fields, name)?.trim();
  if (value === undefined) return undefined;
  return parseOffset(value) ?? value;
}

function outcomeFields(fields: Fields) {
  // The original in `title`, the other languages in `title.ru`… (issue 18).
  const named = given(fields, 'originalLang');
  const originalLang = isLang(named) ? named : undefined;
  return {
    kind: given(fields, 'kind'),
    ...(originalLang ? { originalLang } : {}),
    title: translatableFromForm(fields, 'title', originalLang ?? 'et'),
    body: translatableFromForm(fields, 'body', originalLang ?? 'et'),
    agendaItemId: numberField(fields, 'agendaItemId'),
    recordingId: numberField(fields, 'recordingId'),
    offsetSeconds: offsetField(fields, 'offsetSeconds'),
    published: given(fields, 'published') === '1',
  };
}

export const newOutcomeForm = z.preprocess(
  (raw) => outcomeFields(raw as Fields),
  outcomeInputSchema,
);

/**
 * A note's edit form: every field is sent, so a blank agenda item, recording or time clears it
 * (null), where the new-note form leaves it out.
 */
export const editOutcomeForm = z.preprocess((raw) => {
  const values = outcomeFields(raw as Fields);
  return {
    ...values,
    agendaItemId: values.agendaItemId ?? null,
    recordingId: values.recordingId ?? null,
    offsetSeconds: values.offsetSeconds ?? null,
  };
}, outcomeInputSchema);

/** The list's publish / unpublish button. */
export const publishOutcomeForm = z.preprocess(
  (raw) => ({ published: given(raw as Fields, 'published') === '1' }),
  outcomePatchSchema,
);
