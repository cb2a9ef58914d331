import { and, asc, count, eq, ilike, isNotNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { findEvent, type EventRow } from '@/events';
import { registrations } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';
import { hashToken } from '@/platform/tokens';
import type { Answers } from '@/questions';
import { seatsSummary, type Attendance, type RegistrationStatus, type Seats } from './rules';

/** The event fields registration works with (rules, emails, calendar file, pages). */
export type RegistrationEvent = Pick<
  EventRow,
  | 'id'
  | 'slug'
  | 'title'
  | 'summary'
  | 'status'
  | 'startsAt'
  | 'endsAt'
  | 'timezone'
  | 'venueName'
  | 'venueAddress'
  | 'onlineUrl'
  | 'capacity'
  | 'waitlist'
  | 'registrationOpensAt'
  | 'registrationClosesAt'
  | 'cancelReason'
  | 'sequence'
  | 'originalLang'
  | 'translations'
>;

/** In-person seats of an event: `available` is null when the capacity is unlimited. */
export async function seatsFor(db: Queryable, eventId: number): Promise<Seats> {
  const event = await findEvent(db, { id: eventId });
  const counts = await inPersonCounts(db, eventId);
  return seatsSummary(event?.capacity ?? null, counts.confirmed, counts.waitlisted);
}

/**
 * In-person registrations by status, and the newest waitlisted one's time (registering takes its
 * time no earlier, so waitlist positions follow the order of the event's lock).
 */
export async function inPersonCounts(
  db: Queryable,
  eventId: number,
): Promise<{ confirmed: number; waitlisted: number; lastWaitlistedAt: Date | null }> {
  const rows = await db
    .select({
      status: registrations.status,
      n: count(),
      latest: sql<Date | null>`max(${registrations.createdAt})`.mapWith(registrations.createdAt),
    })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.attendance, 'in_person')))
    .groupBy(registrations.status);
  const of = (status: RegistrationStatus) => rows.find((row) => row.status === status);
  const latest = of('waitlisted')?.latest;
  return {
    confirmed: of('confirmed')?.n ?? 0,
    waitlisted: of('waitlisted')?.n ?? 0,
    lastWaitlistedAt: latest ?? null,
  };
}

export type RegistrationCounts = {
  confirmed: number;
  inPerson: number;
  online: number;
  waitlisted: number;
  cancelled: number;
  checkedIn: number;
};

export async function registrationCounts(
  db: Queryable,
  eventId: number,
): Promise<RegistrationCounts> {
  const [row] = await db
    .select({
      inPerson: sql<number>`count(*) filter (where ${registrations.status} = 'confirmed' and ${registrations.attendance} = 'in_person')::int`,
      online: sql<number>`count(*) filter (where ${registrations.status} = 'confirmed' and ${registrations.attendance} = 'online')::int`,
      waitlisted: sql<number>`count(*) filter (where ${registrations.status} = 'waitlisted')::int`,
      cancelled: sql<number>`count(*) filter (where ${registrations.status} = 'cancelled')::int`,
      checkedIn: sql<number>`count(*) filter (where ${registrations.status} = 'confirmed' and ${registrations.checkedInAt} is not null)::int`,
    })
    .from(registrations)
    .where(eq(registrations.eventId, eventId));
  const r = row ?? { inPerson: 0, online: 0, waitlisted: 0, cancelled: 0, checkedIn: 0 };
  return { ...r, confirmed: r.inPerson + r.online };
}

export const registrationColumns = {
  id: registrations.id,
  eventId: registrations.eventId,
  name: registrations.name,
  email: registrations.email,
  organization: registrations.organization,
  needs: registrations.needs,
  answers: registrations.answers,
  attendance: registrations.attendance,
  lang: registrations.lang,
  status: registrations.status,
  consentAt: registrations.consentAt,
  followUpConsentAt: registrations.followUpConsentAt,
  checkedInAt: registrations.checkedInAt,
  cancelledAt: registrations.cancelledAt,
  anonymizedAt: registrations.anonymizedAt,
  createdAt: registrations.createdAt,
};

export type RegistrationRow = {
  id: number;
  eventId: number;
  name: string | null;
  email: string | null;
  organization: string | null;
  needs: string | null;
  /** Answers to the event's questions by question id (`{}` once purged). */
  answers: Answers;
  attendance: Attendance;
  lang: string;
  status: RegistrationStatus;
  consentAt: Date;
  followUpConsentAt: Date | null;
  checkedInAt: Date | null;
  cancelledAt: Date | null;
  anonymizedAt: Date | null;
  createdAt: Date;
};

/**
 * The registration of a manage token. A pending link (mailed when the address was registered
 * again) becomes the registration's link when it is first used, and the earlier one stops working.
 */
export async function registrationByToken(
  db: Queryable,
  token: string,
): Promise<RegistrationRow | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const hash = await hashToken(token);
  const [row] = await db
    .select(registrationColumns)
    .from(registrations)
    .where(eq(registrations.manageTokenHash, hash));
  if (row) return row;
  const [promoted] = await db
    .update(registrations)
    .set({ manageTokenHash: hash, pendingManageTokenHash: null })
    .where(eq(registrations.pendingManageTokenHash, hash))
    .returning(registrationColumns);
  return promoted ?? null;
}

export async function registrationById(db: Queryable, id: number): Promise<RegistrationRow | null> {
  const [row] = await db
    .select(registrationColumns)
    .from(registrations)
    .where(eq(registrations.id, id));
  return row ?? null;
}

/** 1-based place on the waitlist (in-person, earliest first); null when not waitlisted. */
export async function waitlistPosition(
  db: Queryable,
  registration: Pick<RegistrationRow, 'id' | 'eventId' | 'status' | 'createdAt'>,
): Promise<number | null> {
  if (registration.status !== 'waitlisted') return null;
  const [row] = await db
    .select({ n: count() })
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, registration.eventId),
        eq(registrations.status, 'waitlisted'),
        or(
          sql`${registrations.createdAt} < ${registration.createdAt.toISOString()}::timestamptz`,
          and(
            eq(registrations.createdAt, registration.createdAt),
            lte(registrations.id, registration.id),
          ),
        ),
      ),
    );
  return row?.n ?? 1;
}

export type RegistrationFilter = {
  status?: RegistrationStatus;
  attendance?: Attendance;
  /** Part of the name (case-insensitive), for the check-in search. */
  q?: string;
};

export async function listRegistrations(
  db: Queryable,
  eventId: number,
  filter: RegistrationFilter = {},
): Promise<RegistrationRow[]> {
  const conditions: SQL[] = [eq(registrations.eventId, eventId)];
  if (filter.status) conditions.push(eq(registrations.status, filter.status));
  if (filter.attendance) conditions.push(eq(registrations.attendance, filter.attendance));
  if (filter.q) {
    const escaped = filter.q.replace(/[\\%_]/g, (char) => `\\${char}`);
    conditions.push(isNotNull(registrations.name), ilike(registrations.name, `%${escaped}%`));
  }
  return db
    .select(registrationColumns)
    .from(registrations)
    .where(and(...conditions))
    .orderBy(asc(registrations.createdAt), asc(registrations.id));
}

/** The columns a participant email needs: whom to greet, where, and in which language. */
export const mailRecipientColumns = {
  id: registrations.id,
  email: registrations.email,
  name: registrations.name,
  lang: registrations.lang,
  attendance: registrations.attendance,
};
