import type { CurrentUser } from '@/platform/auth/auth';
import type { Queryable } from '@/platform/db/types';
import { failedEmailCount } from '@/platform/mail/outbox/failed';
import { eventsFor, managedEventsBetween, type ManagedEvent } from '@/events';
import { municipalityNames } from '@/municipalities';
import { eventsWithPublishedOutcome } from '@/outcomes';
import { overdueByPlan, plansFor, type ManagedPlan } from '@/plans';
import { eventsWithPublishedRecording } from '@/recordings';
import { registrationCountsFor } from '@/registrations';
import {
  dashboardWindow,
  isRecentlyEnded,
  isUpcoming,
  upcomingEvent,
  type EndedEvent,
  type UpcomingEvent,
} from './rules';

export type Dashboard = {
  /** What the user manages, by name (organizers). */
  municipalities: string[];
  upcoming: UpcomingEvent[];
  awaiting: EndedEvent[];
  /** Overdue items per plan id (managed non-draft plans only). */
  overdue: Map<number, number>;
  /** Failed outbox emails: only for admins (null for organizers). */
  failedEmails: number | null;
  events: ManagedEvent[];
  plans: ManagedPlan[];
};

/**
 * What needs a user's attention, asked of each feature's front door: nine queries whatever the
 * number of events (events in the window, then their registrations, recordings and outcomes).
 */
export async function loadDashboard(
  db: Queryable,
  user: CurrentUser,
  now: Date,
): Promise<Dashboard> {
  const { from, to } = dashboardWindow(now);
  const [windowed, overdue, failedEmails, events, plans, municipalities] = await Promise.all([
    managedEventsBetween(db, user, from, to),
    overdueByPlan(db, user, now),
    user.role === 'admin' ? failedEmailCount(db) : null,
    eventsFor(db, user),
    plansFor(db, user),
    municipalityNames(db, user.municipalityIds),
  ]);
  const coming = windowed.filter((event) => isUpcoming(event, now));
  const ended = windowed.filter((event) => isRecentlyEnded(event, now));
  const endedIds = ended.map((event) => event.id);
  const [counts, recorded, outcomes] = await Promise.all([
    registrationCountsFor(
      db,
      coming.map((event) => event.id),
    ),
    eventsWithPublishedRecording(db, endedIds),
    eventsWithPublishedOutcome(db, endedIds),
  ]);
  const upcoming = coming.map((event) =>
    upcomingEvent(
      event,
      counts.get(event.id) ?? { confirmedInPerson: 0, confirmedOnline: 0, waitlisted: 0 },
      now,
    ),
  );
  const awaiting = ended
    .map(({ id, slug, title, status, startsAt, endsAt, timezone }) => ({
      id,
      slug,
      title,
      status,
      startsAt,
      endsAt,
      timezone,
      hasRecording: recorded.has(id),
      hasOutcome: outcomes.has(id),
    }))
    .filter((event) => !event.hasRecording || !event.hasOutcome)
    .sort((a, b) => b.endsAt.getTime() - a.endsAt.getTime() || a.id - b.id);
  return { municipalities, upcoming, awaiting, overdue, failedEmails, events, plans };
}
