import type { EventStatus } from '@/events';
import type { ErrorCode } from '@/platform/http/errors';
import { z } from 'zod';
import { multiLineText, singleLine } from '@/platform/text';
import { answersInputSchema } from '@/questions';

export const attendanceValues = ['in_person', 'online'] as const;
export type Attendance = (typeof attendanceValues)[number];
export const registrationStatuses = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

/**
 * Whether an event takes registrations right now. A draft is not public at all, so it is
 * `not_found`; a cancelled event says so; otherwise the window dates and the start decide.
 */
export type WindowState = 'not_found' | 'cancelled' | 'not_yet_open' | 'open' | 'closed';

export type WindowEvent = {
  status: EventStatus;
  startsAt: Date;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
};

// Registering checks this again under the event's lock in SQL: koda_register_batch (drizzle/0028).
// A change here is a change there too (a new migration replacing the function).
export function registrationWindow(event: WindowEvent, now: Date): WindowState {
  if (event.status === 'draft') return 'not_found';
  if (event.status === 'cancelled') return 'cancelled';
  const t = now.getTime();
  if (t >= event.startsAt.getTime()) return 'closed';
  if (event.registrationClosesAt && t >= event.registrationClosesAt.getTime()) return 'closed';
  if (event.registrationOpensAt && t < event.registrationOpensAt.getTime()) return 'not_yet_open';
  return 'open';
}

/** The API error for each state that refuses a registration (status, code, message). */
export function windowError(state: Exclude<WindowState, 'open'>): {
  code: ErrorCode;
  message: string;
} {
  switch (state) {
    case 'not_found':
      return { code: 'not_found', message: 'No such event' };
    case 'cancelled':
      return { code: 'event_cancelled', message: 'The event has been cancelled' };
    case 'not_yet_open':
      return {
        code: 'registration_not_open',
        message: 'Registration has not opened yet',
      };
    case 'closed':
      return { code: 'registration_closed', message: 'Registration is closed' };
  }
}

export type SeatOutcome = 'confirmed' | 'waitlisted' | 'refused';

/**
 * Where a new in-person or online registration lands. Online attendance is never capped;
 * in person fills `capacity` (null = unlimited), then the waitlist if the event has one.
 * Registering decides the same in SQL under the event's lock, koda_register_batch (drizzle/0028): a
 * change here is a change there too (a new migration replacing the function).
 */
export function seatOutcome(input: {
  attendance: Attendance;
  capacity: number | null;
  waitlist: boolean;
  confirmedInPerson: number;
}): SeatOutcome {
  if (input.attendance === 'online') return 'confirmed';
  if (input.capacity === null || input.confirmedInPerson < input.capacity) return 'confirmed';
  return input.waitlist ? 'waitlisted' : 'refused';
}

/** How many waitlisted people can be promoted now that seats may have freed up. */
export function seatsToFill(capacity: number | null, confirmedInPerson: number): number {
  if (capacity === null) return Number.POSITIVE_INFINITY;
  return Math.max(0, capacity - confirmedInPerson);
}

export type Seats = {
  capacity: number | null;
  confirmed: number;
  waitlisted: number;
  available: number | null;
};

export function seatsSummary(
  capacity: number | null,
  confirmedInPerson: number,
  waitlistedInPerson: number,
): Seats {
  return {
    capacity,
    confirmed: confirmedInPerson,
    waitlisted: waitlistedInPerson,
    available: capacity === null ? null : Math.max(0, capacity - confirmedInPerson),
  };
}

/** The date after which an event's registrations lose their personal data. */
export function purgeCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000);
}

/** One line (line breaks become spaces, control characters go), trimmed, at most `max`. */
const trimmed = (max: number) => singleLine().max(max, `At most ${max} characters`);
const optionalText = (max: number, line: 'single' | 'multi' = 'single') =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    (line === 'single'
      ? trimmed(max)
      : z.string().overwrite(multiLineText).trim().max(max, `At most ${max} characters`)
    ).optional(),
  );

/** A registration as the API and the form send it. Consent must be explicitly true. */
export const registrationInput = z.strictObject({
  name: trimmed(200).min(1, 'Required'),
  email: z
    .string()
    .trim()
    .max(254, 'At most 254 characters')
    .pipe(z.email({ message: 'Must be a valid email address' })),
  organization: optionalText(200),
  attendance: z.enum(attendanceValues, { message: 'Must be in_person or online' }),
  needs: optionalText(1000, 'multi'),
  // Checked by hand, not with z.literal(true): only a refinement names its own message key,
  // and an optional schema would not run it for a missing field.
  consent: z
    .any()
    .refine((consent) => consent === true, {
      message: 'Consent to processing the data is required',
      params: { key: 'registration.error.consent' },
    })
    .meta({ type: 'boolean', const: true, description: 'Must be true' }),
  followUp: z.boolean().optional(),
  answers: answersInputSchema.optional(),
});

export type RegistrationInput = z.output<typeof registrationInput>;
