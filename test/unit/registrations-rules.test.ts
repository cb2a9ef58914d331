import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { retryDelaySeconds } from '@/platform/mail/outbox/backoff';
import { registrationsCsv } from '@/registrations/csv';
import { buildEmail, type EmailEvent } from '@/registrations/emails';
import { formToInput } from '@/registrations/forms';
import type { RegistrationRow } from '@/registrations/queries';
import {
  purgeCutoff,
  registrationInput,
  registrationWindow,
  seatOutcome,
  seatsSummary,
  seatsToFill,
  windowError,
  type WindowEvent,
} from '@/registrations/rules';

const now = new Date('2026-11-26T12:00:00Z');
const base: WindowEvent = {
  status: 'published',
  startsAt: new Date('2026-12-05T16:00:00Z'),
  registrationOpensAt: new Date('2026-11-20T00:00:00Z'),
  registrationClosesAt: new Date('2026-12-05T14:00:00Z'),
};

describe('registration window', () => {
  it('is open between the opening and closing dates', () => {
    expect(registrationWindow(base, now)).toBe('open');
    expect(
      registrationWindow({ ...base, registrationOpensAt: null, registrationClosesAt: null }, now),
    ).toBe('open');
  });
  it('is not yet open before the opening date, open exactly at it', () => {
    const opens = new Date('2026-11-27T00:00:00Z');
    expect(registrationWindow({ ...base, registrationOpensAt: opens }, now)).toBe('not_yet_open');
    expect(registrationWindow({ ...base, registrationOpensAt: opens }, opens)).toBe('open');
  });
  it('closes at the closing date and when the event has started', () => {
    const closes = new Date('2026-11-26T12:00:00Z');
    expect(registrationWindow({ ...base, registrationClosesAt: closes }, now)).toBe('closed');
    expect(
      registrationWindow(
        { ...base, registrationClosesAt: null, startsAt: new Date('2026-11-26T11:00:00Z') },
        now,
      ),
    ).toBe('closed');
  });
  it('says cancelled for a cancelled event and not found for a draft', () => {
    expect(registrationWindow({ ...base, status: 'cancelled' }, now)).toBe('cancelled');
    expect(registrationWindow({ ...base, status: 'draft' }, now)).toBe('not_found');
  });
  it('has its own API error for each refusing state', () => {
    expect(windowError('not_yet_open')).toMatchObject({ code: 'registration_not_open' });
    expect(windowError('closed')).toMatchObject({ code: 'registration_closed' });
    expect(windowError('cancelled')).toMatchObject({ code: 'event_cancelled' });
    expect(windowError('not_found')).toMatchObject({ code: 'not_found' });
  });
});

describe('seat outcome', () => {
  const full = { capacity: 12, confirmedInPerson: 12 };
  it('confirms in person while seats are free', () => {
    expect(
      seatOutcome({ attendance: 'in_person', capacity: 12, waitlist: true, confirmedInPerson: 11 }),
    ).toBe('confirmed');
  });
  it('waitlists when full with a waitlist and refuses without one', () => {
    expect(seatOutcome({ attendance: 'in_person', waitlist: true, ...full })).toBe('waitlisted');
    expect(seatOutcome({ attendance: 'in_person', waitlist: false, ...full })).toBe('refused');
  });
  it('never caps online attendance, and null capacity is unlimited', () => {
    expect(seatOutcome({ attendance: 'online', waitlist: false, ...full })).toBe('confirmed');
    expect(
      seatOutcome({
        attendance: 'in_person',
        capacity: null,
        waitlist: false,
        confirmedInPerson: 10_000,
      }),
    ).toBe('confirmed');
  });
  it('treats capacity 0 as no in-person seats', () => {
    expect(
      seatOutcome({ attendance: 'in_person', capacity: 0, waitlist: true, confirmedInPerson: 0 }),
    ).toBe('waitlisted');
  });
  it('counts seats to fill and summarises', () => {
    expect(seatsToFill(30, 28)).toBe(2);
    expect(seatsToFill(30, 31)).toBe(0);
    expect(seatsToFill(null, 5)).toBe(Number.POSITIVE_INFINITY);
    expect(seatsSummary(12, 11, 3)).toEqual({
      capacity: 12,
      confirmed: 11,
      waitlisted: 3,
      available: 1,
    });
    expect(seatsSummary(null, 11, 0).available).toBeNull();
  });
  it('puts the purge cutoff retention days back', () => {
    expect(purgeCutoff(now, 90).toISOString()).toBe('2026-08-28T12:00:00.000Z');
  });
});

describe('registration input', () => {
  const good = {
    name: 'Mari Maasikas',
    email: 'mari@example.ee',
    attendance: 'in_person',
    consent: true,
  };
  it('accepts a good registration and trims', () => {
    const parsed = registrationInput.parse({ ...good, name: '  Mari  ', organization: '  ' });
    expect(parsed.name).toBe('Mari');
    expect(parsed.organization).toBeUndefined();
  });
  it('names every bad field', () => {
    const result = registrationInput.safeParse({
      name: 'x'.repeat(10_000),
      email: 'not-an-email',
      attendance: 'teleport',
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.')).sort();
    expect(paths).toEqual(['attendance', 'consent', 'email', 'name']);
  });
  it('refuses consent that is not literally true', () => {
    expect(registrationInput.safeParse({ ...good, consent: 'yes' }).success).toBe(false);
    expect(registrationInput.safeParse({ ...good, consent: false }).success).toBe(false);
  });
  it('reads the form, where a checkbox is present or absent', () => {
    const input = formToInput(
      {
        name: 'Jüri',
        email: 'j@example.ee',
        attendance: 'online',
        consent: 'yes',
      },
      [],
    );
    expect(registrationInput.parse(input)).toMatchObject({
      name: 'Jüri',
      consent: true,
      followUp: false,
    });
    expect(
      registrationInput.safeParse(
        formToInput({ name: 'Jüri', email: 'j@example.ee', attendance: 'online' }, []),
      ).success,
    ).toBe(false);
  });
});

describe('outbox backoff', () => {
  it('doubles from 30 seconds and stops at 6 hours', () => {
    expect([1, 2, 3, 4].map(retryDelaySeconds)).toEqual([30, 60, 120, 240]);
    expect(retryDelaySeconds(30)).toBe(6 * 3600);
  });
});

const event: EmailEvent = {
  slug: 'keila-foorum',
  title: 'Keila linna foorum',
  startsAt: new Date('2026-12-05T16:00:00Z'),
  endsAt: new Date('2026-12-05T19:00:00Z'),
  timezone: 'Europe/Tallinn',
  venueName: 'Keila Kultuurikeskus',
  venueAddress: 'Keskväljak 11, Keila',
  onlineUrl: null,
  cancelReason: null,
};
const ics = 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n';

describe('emails', () => {
  it('writes the confirmation in the participant language with the manage link and the .ics', () => {
    const et = buildEmail({
      kind: 'confirmed',
      lang: 'et',
      event,
      publicUrl: 'https://koda.test',
      attendance: 'in_person',
      manageUrl: 'https://koda.test/registrations/abc',
      ics,
    });
    expect(et.subject).toBe('Registreerumine kinnitatud: Keila linna foorum');
    // No name: the person who registered typed it, not necessarily the address's owner.
    expect(et.text.startsWith('Tere!\n')).toBe(true);
    expect(et.text).toContain('https://koda.test/registrations/abc');
    expect(et.text).toContain('kell 18.00–21.00');
    expect(et.text).toContain('Kalendrifail on kirja manuses.');
    expect(et.attachments).toEqual([
      {
        filename: 'keila-foorum.ics',
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        content: ics,
      },
    ]);
    const en = buildEmail({
      kind: 'confirmed',
      lang: 'en',
      event,
      publicUrl: 'https://koda.test',
    });
    expect(en.subject).toBe('Registration confirmed: Keila linna foorum');
    // Without a calendar file (a draft) nothing is attached and nothing promises one.
    expect(en.attachments).toEqual([]);
    expect(en.text).not.toContain('calendar file is attached');
  });
  it('sends the waitlist position', () => {
    const mail = buildEmail({
      kind: 'waitlisted',
      lang: 'en',
      event,
      publicUrl: 'https://koda.test',
      position: 3,
    });
    expect(mail.text).toContain('number 3 on the waitlist');
    expect(mail.attachments).toEqual([]);
  });
  it('gives the reason in a cancellation notice', () => {
    const mail = buildEmail({
      kind: 'cancelled',
      lang: 'et',
      event: { ...event, cancelReason: 'Tormihoiatus' },
      publicUrl: 'https://koda.test',
      ics,
    });
    expect(mail.subject).toBe('Sündmus jääb ära: Keila linna foorum');
    expect(mail.text).toContain('Põhjus: Tormihoiatus');
    expect(mail.attachments).toHaveLength(1);
  });
});

describe('CSV export', () => {
  it('starts with a BOM, keeps Estonian letters and defuses formulas', () => {
    const row: RegistrationRow = {
      id: 1,
      eventId: 7,
      answers: {},
      name: 'Õie Žäkälä-Šööd',
      email: 'oie@example.ee',
      organization: '=HYPERLINK("x")',
      needs: 'ratastool, "vegan"',
      attendance: 'in_person',
      lang: 'et',
      status: 'confirmed',
      consentAt: now,
      followUpConsentAt: null,
      checkedInAt: null,
      cancelledAt: null,
      anonymizedAt: null,
      createdAt: now,
    };
    const csv = registrationsCsv([row], 'Europe/Tallinn');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const records = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(records[0]).toMatchObject({
      name: 'Õie Žäkälä-Šööd',
      organization: `'=HYPERLINK("x")`,
      needs: 'ratastool, "vegan"',
      registered_at: '2026-11-26T14:00:00+02:00',
    });
  });
});
