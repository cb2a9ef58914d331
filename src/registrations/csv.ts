import { csvDocument, spreadsheetDateTime } from '@/platform/csv';
import { toZonedIso } from '@/platform/time';
import { answerText, type LocalizedQuestion } from '@/questions';
import type { RegistrationRow } from './queries';

/**
 * An event's registrations for its organizers, written by the platform's one CSV writer (BOM,
 * RFC 4180 quoting, formula guard). Times are given twice: ISO 8601 with the offset (exact, for
 * programs) and `2026-12-15 16:00` on the event's wall clock (what spreadsheets sort as times).
 */
export function registrationsCsv(
  rows: RegistrationRow[],
  timezone: string,
  questions: LocalizedQuestion[] = [],
): string {
  const header = [
    'id',
    'name',
    'email',
    'organization',
    'attendance',
    'status',
    'needs',
    'follow_up',
    'registered_at',
    'checked_in_at',
    'registered_local',
    'checked_in_local',
    // One column per question, headed by its text (answers: options as offered, yes/no).
    ...questions.map((question) => question.label),
  ];
  return csvDocument(
    header,
    rows.map((row) => [
      row.id,
      row.name,
      row.email,
      row.organization,
      row.attendance,
      row.status,
      row.needs,
      row.followUpConsentAt ? 'yes' : 'no',
      toZonedIso(row.createdAt, timezone),
      row.checkedInAt ? toZonedIso(row.checkedInAt, timezone) : null,
      spreadsheetDateTime(row.createdAt, timezone),
      row.checkedInAt ? spreadsheetDateTime(row.checkedInAt, timezone) : null,
      ...questions.map((question) =>
        answerText(question, row.answers[String(question.id)], { yes: 'yes', no: 'no' }),
      ),
    ]),
  );
}
