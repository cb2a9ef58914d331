import { z } from 'zod';
import { rowId } from '@/platform/http/errors';
import type { outcomes } from '@/platform/db/schema';
import { singleLine } from '@/platform/text';
import { languages } from '@/platform/i18n';
import { translatableText } from '@/platform/i18n/content';

/** The fields an outcome note has in several languages (issue 18). */
export const OUTCOME_TEXT_FIELDS = ['title', 'body'] as const;

/** What an outcome note is and which fields it has: the API's and the admin form's schemas. */
export const outcomeKinds = ['minutes', 'proposal', 'decision', 'question', 'dissent'] as const;
export type OutcomeRow = typeof outcomes.$inferSelect;

export const outcomeInputSchema = z.object({
  kind: z.enum(outcomeKinds),
  /** A string (the original) or `{et, ru, en}` (issue 18). */
  title: translatableText(singleLine().min(1).max(500)),
  body: translatableText(z.string().max(50_000)),
  /** The language the texts are written in: by default the first one given, else Estonian. */
  originalLang: z.enum(languages).optional(),
  agendaItemId: rowId.nullish(),
  recordingId: rowId.nullish(),
  offsetSeconds: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 3600)
    .nullish(),
  /** A caption cue this note quotes: sets the recording, the offset (its whole second) and the quote; null removes the quote. */
  captionCueId: rowId.nullish(),
  published: z.boolean().optional(),
});
export type OutcomeInput = z.infer<typeof outcomeInputSchema>;
export const outcomePatchSchema = outcomeInputSchema.partial();
export type OutcomePatch = z.infer<typeof outcomePatchSchema>;
