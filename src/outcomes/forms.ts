import { z } from 'zod';
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

export const newOutcomeForm = z.preprocess((raw) => {
  const fields = raw as Fields;
  return {
    kind: given(fields, 'kind'),
    title: given(fields, 'title') ?? '',
    body: given(fields, 'body') ?? '',
    agendaItemId: numberField(fields, 'agendaItemId'),
    recordingId: numberField(fields, 'recordingId'),
    offsetSeconds: numberField(fields, 'offsetSeconds'),
    published: given(fields, 'published') === '1',
  };
}, outcomeInputSchema);

/** The list's publish / unpublish button. */
export const publishOutcomeForm = z.preprocess(
  (raw) => ({ published: given(raw as Fields, 'published') === '1' }),
  outcomePatchSchema,
);
