import type { EventNeedingAttention, ManagedEvent } from '@/events';
import type { AttentionCounts } from '@/registrations';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far ahead "coming up" looks, how far back "what came of it" looks, and when a closing registration is worth a warning. */
export const UPCOMING_DAYS = 30;
export const ENDED_DAYS = 60;
export const CLOSING_SOON_DAYS = 3;

export type UpcomingWarning = 'draft' | 'noAgenda' | 'closingSoon' | 'fullWithWaitlist';

export type UpcomingEvent = ManagedEvent &
  AttentionCounts & { capacity: number | null; warnings: UpcomingWarning[] };

export type EndedEvent = ManagedEvent & { hasRecording: boolean; hasOutcome: boolean };

/** The time the dashboard looks at: from ENDED_DAYS back to UPCOMING_DAYS ahead. */
export function dashboardWindow(now: Date): { from: Date; to: Date } {
  return {
    from: new Date(now.getTime() - ENDED_DAYS * DAY_MS),
    to: new Date(now.getTime() + UPCOMING_DAYS * DAY_MS),
  };
}

/** Coming up: not ended, starting within UPCOMING_DAYS. */
export function isUpcoming(event: { startsAt: Date; endsAt: Date }, now: Date): boolean {
  return (
    event.endsAt.getTime() > now.getTime() &&
    event.startsAt.getTime() < now.getTime() + UPCOMING_DAYS * DAY_MS
  );
}

/** Waiting for what came of it: published and ended within ENDED_DAYS. */
export function isRecentlyEnded(
  event: { status: ManagedEvent['status']; endsAt: Date },
  now: Date,
): boolean {
  return (
    event.status === 'published' &&
    event.endsAt.getTime() <= now.getTime() &&
    event.endsAt.getTime() > now.getTime() - ENDED_DAYS * DAY_MS
  );
}

/** When registration stops: the set closing time, or the start at the latest (as registrationWindow). */
function registrationClosesAt(event: { startsAt: Date; registrationClosesAt: Date | null }): Date {
  const closes = event.registrationClosesAt;
  return closes && closes < event.startsAt ? closes : event.startsAt;
}

export function upcomingWarnings(
  event: {
    status: ManagedEvent['status'];
    startsAt: Date;
    registrationOpensAt: Date | null;
    registrationClosesAt: Date | null;
    capacity: number | null;
    hasAgenda: boolean;
    confirmedInPerson: number;
    waitlisted: number;
  },
  now: Date,
): UpcomingWarning[] {
  if (event.status === 'cancelled') return [];
  const warnings: UpcomingWarning[] = [];
  if (event.status === 'draft') warnings.push('draft');
  if (!event.hasAgenda) warnings.push('noAgenda');
  const closes = registrationClosesAt(event);
  if (
    event.status === 'published' &&
    closes.getTime() > now.getTime() &&
    closes.getTime() - now.getTime() <= CLOSING_SOON_DAYS * DAY_MS &&
    (event.registrationOpensAt === null || event.registrationOpensAt <= now)
  ) {
    warnings.push('closingSoon');
  }
  if (
    event.capacity !== null &&
    event.confirmedInPerson >= event.capacity &&
    event.waitlisted > 0
  ) {
    warnings.push('fullWithWaitlist');
  }
  return warnings;
}

/** An upcoming event with its counts and what needs doing. */
export function upcomingEvent(
  event: EventNeedingAttention,
  counts: AttentionCounts,
  now: Date,
): UpcomingEvent {
  const { capacity, registrationOpensAt, registrationClosesAt, hasAgenda, ...rest } = event;
  return {
    ...rest,
    capacity,
    ...counts,
    warnings: upcomingWarnings(
      {
        ...event,
        hasAgenda,
        confirmedInPerson: counts.confirmedInPerson,
        waitlisted: counts.waitlisted,
      },
      now,
    ),
  };
}
