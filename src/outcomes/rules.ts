import { z } from 'zod';
import { rowId } from '@/platform/http/errors';
import type { outcomes } from '@/platform/db/schema';
import { singleLine } from '@/platform/text';

/** What an outcome note is and which fields it has: the API's and the admin form's schemas. */
export const outcomeKinds = ['minutes', 'proposal', 'decision', 'question', 'dissent'] as const;
export type OutcomeRow = typeof outcomes.$inferSelect;

export const outcomeInputSchema = z.object({
  kind: z.enum(outcomeKinds),
  title: singleLine().min(1).max(500),
  body: z.string().max(50_000),
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
