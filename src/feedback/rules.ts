import { DateTime } from 'luxon';
import { z } from 'zod';

/** A feedback link works this long after it was sent. */
export const FEEDBACK_LINK_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;

/**
 * When the attendees of an event are asked: 09:00 on the day after it ends, on the event's own
 * clock (a morning email rather than one at midnight).
 */
export function feedbackDueAt(endsAt: Date, timezone: string): Date {
  return DateTime.fromJSDate(endsAt)
    .setZone(timezone)
    .plus({ days: 1 })
    .set({ hour: 9, minute: 0, second: 0, millisecond: 0 })
    .toJSDate();
}

/** Asking stops a week after it was due: a job that was down does not email a month later. */
export function feedbackStillDue(endsAt: Date, timezone: string, now: Date): boolean {
  const due = feedbackDueAt(endsAt, timezone).getTime();
  return now.getTime() >= due && now.getTime() < due + 7 * DAY;
}

/** Who is asked: those checked in, or every confirmed person when nobody was checked in. */
export function feedbackRecipients<T extends { status: string; checkedInAt: Date | null }>(
  registrations: T[],
): T[] {
  const confirmed = registrations.filter((r) => r.status === 'confirmed');
  const attended = confirmed.filter((r) => r.checkedInAt !== null);
  return attended.length > 0 ? attended : confirmed;
}

const optionalText = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z.string().trim().max(2000, 'At most 2000 characters').optional(),
);

/** One answer, from the form or the API's shape. */
export const feedbackInput = z.strictObject({
  rating: z.coerce
    .number({ message: 'Choose a rating from 1 to 5' })
    .int()
    .min(1)
    .max(5)
    .meta({ description: '1 (not good at all) to 5 (very good)' }),
  good: optionalText,
  improve: optionalText,
  comeAgain: z.boolean().optional(),
});
export type FeedbackInput = z.output<typeof feedbackInput>;

export type FeedbackAnswer = {
  rating: number;
  good: string | null;
  improve: string | null;
  comeAgain: boolean | null;
};

/** The number of answers and the mean rating (one decimal), null with no answers. */
export function feedbackSummary(answers: Pick<FeedbackAnswer, 'rating'>[]): {
  count: number;
  averageRating: number | null;
} {
  if (answers.length === 0) return { count: 0, averageRating: null };
  const sum = answers.reduce((total, answer) => total + answer.rating, 0);
  return { count: answers.length, averageRating: Math.round((sum / answers.length) * 10) / 10 };
}
