import type { Queryable } from '@/platform/db/types';
import { eventAnswers } from './queries';
import { feedbackSummary } from './rules';

/** The summary an event page shows: only when its organizers published it. */
export async function publishedFeedbackSummary(
  db: Queryable,
  event: { id: number; feedbackPublishedAt: Date | null },
): Promise<{ count: number; averageRating: number | null } | null> {
  if (!event.feedbackPublishedAt) return null;
  return feedbackSummary(await eventAnswers(db, event.id));
}
