import { z } from 'zod';
import { followFrequency, followTarget } from '@/platform/db/schema';
import { MAX_ID } from '@/platform/http/errors';

export const followFrequencies = followFrequency.enumValues;
export type FollowFrequency = (typeof followFrequencies)[number];
export type FollowTargetKind = (typeof followTarget.enumValues)[number];

/** An unconfirmed follow (and its link) lasts this long, then the purge deletes it. */
export const CONFIRM_DAYS = 7;
export const DAY_MS = 24 * 60 * 60 * 1000;
/** A weekly digest goes when the last one is this old. */
export const WEEK_MS = 7 * DAY_MS;

const slug = z.string().trim().min(1).max(200);
const id = z.number().int().positive().max(MAX_ID);

/** `POST /api/v1/follows` (and the pages' forms): an address and exactly one thing to follow. */
export const followInput = z
  .strictObject({
    email: z
      .string()
      .trim()
      .max(254, 'At most 254 characters')
      .pipe(z.email({ message: 'Must be a valid email address' })),
    municipality: slug.optional().meta({ description: 'A municipality’s slug: its new events' }),
    series: slug
      .optional()
      .meta({ description: 'An event’s slug: the next events of its series (the same title)' }),
    planId: id.optional().meta({ description: 'An action plan: its items’ progress reports' }),
    planItemId: id.optional().meta({ description: 'One action item: its progress reports' }),
    frequency: z.enum(followFrequencies).optional(),
  })
  .refine(
    (input) =>
      [input.municipality, input.series, input.planId, input.planItemId].filter(
        (value) => value !== undefined,
      ).length === 1,
    {
      message: 'Give exactly one of municipality, series, planId, planItemId',
      params: { key: 'follows.error.target' },
      path: ['municipality'],
    },
  );
export type FollowInput = z.output<typeof followInput>;

export function targetKindOf(input: FollowInput): FollowTargetKind {
  if (input.municipality !== undefined) return 'municipality';
  if (input.series !== undefined) return 'series';
  if (input.planId !== undefined) return 'plan';
  return 'plan_item';
}

/** Whether a follow's next email is due (immediate: whenever there is news; weekly: a week on). */
export function digestDue(
  follow: { frequency: FollowFrequency; notifiedUntil: Date | null },
  now: Date,
): boolean {
  if (!follow.notifiedUntil) return false;
  if (follow.frequency === 'immediate') return true;
  return now.getTime() - follow.notifiedUntil.getTime() >= WEEK_MS;
}
