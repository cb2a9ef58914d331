import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';

/**
 * The one CSV writer of every export (registrations, plan items): RFC 4180 with what
 * spreadsheets need on top.
 *
 * - UTF-8 with a byte order mark: Excel reads õ, ä, ö, ü, š, ž as UTF-8 only with one.
 * - CRLF between records, and every cell holding a comma, a double quote, a CR or an LF is
 *   quoted (quotes doubled). csv-stringify on its own quotes a cell only when it holds the whole
 *   record delimiter, so a lone LF or CR inside a cell would split the row for every reader.
 * - The formula guard: a cell starting with = + - @ TAB or CR runs as a formula in Excel and
 *   LibreOffice, so it is written with a ' in front. A cell that already starts with quotes
 *   before such a character gets one more, so `unguardCell` takes exactly one off and an
 *   export read back by an import is the same text.
 */

const BOM = '\uFEFF';
const GUARDED = /^'*[=+\-@\t\r]/;
const UNGUARD = /^'+[=+\-@\t\r]/;

export function guardCell(value: string): string {
  return GUARDED.test(value) ? `'${value}` : value;
}

export function unguardCell(value: string): string {
  return UNGUARD.test(value) ? value.slice(1) : value;
}

export type CsvCell = string | number | null;

/** A whole CSV file: the header, then one record per row; null is an empty cell. */
export function csvDocument(header: readonly string[], rows: readonly CsvCell[][]): string {
  const cells = rows.map((row) => row.map((cell) => guardCell(cell === null ? '' : String(cell))));
  return (
    BOM +
    stringify([[...header], ...cells], {
      record_delimiter: '\r\n',
      quoted_match: /[\r\n]/,
    })
  );
}

/**
 * A time as spreadsheets read it without help: `2026-12-15 16:00` on the wall clock of `zone`
 * (ISO 8601 with a space, which Excel, LibreOffice and Google Sheets take as a date and time).
 */
export function spreadsheetDateTime(date: Date, zone: string): string {
  return DateTime.fromJSDate(date, { zone }).toFormat('yyyy-MM-dd HH:mm');
}
