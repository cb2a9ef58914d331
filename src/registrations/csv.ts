import { stringify } from 'csv-stringify/sync';
import { toZonedIso } from '@/platform/time';
import type { RegistrationRow } from './queries';

/** Excel opens UTF-8 CSV correctly (õ, ä, ö, ü, š, ž) only with a byte order mark. */
export function registrationsCsv(rows: RegistrationRow[], timezone: string): string {
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
  ];
  const body = rows.map((row) => [
    row.id,
    row.name ?? '',
    row.email ?? '',
    row.organization ?? '',
    row.attendance,
    row.status,
    row.needs ?? '',
    row.followUpConsentAt ? 'yes' : 'no',
    toZonedIso(row.createdAt, timezone),
    row.checkedInAt ? toZonedIso(row.checkedInAt, timezone) : '',
  ]);
  // Cells starting with = + - @ would run as formulas in Excel: prefix them with a quote.
  const safe = body.map((cells) =>
    cells.map((cell) =>
      typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell,
    ),
  );
  return '\uFEFF' + stringify([header, ...safe], { record_delimiter: '\r\n' });
}
