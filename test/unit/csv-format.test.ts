import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvDocument } from '@/platform/csv';
import { CSV_COLUMNS, itemsToCsv, parseItemsCsv, type CsvItem } from '@/plans/rules';
import { registrationsCsv } from '@/registrations/csv';
import { hostileLine, hostileText } from '../helpers/text';
import type { RegistrationRow } from '@/registrations/queries';

/**
 * Reads as spreadsheets and Python's csv do: any line break outside quotes (CRLF, LF or CR)
 * ends a record, and a record with another number of fields than the first throws.
 */
function strictRecords(text: string): string[][] {
  return parse(text, { bom: true, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];
}

const item = fc.record({
  // Titles and the responsible are single-line fields; descriptions take any text.
  title: hostileLine({ minLength: 1, maxLength: 40 }).filter((title) => title.length > 0),
  description: fc.option(hostileText({ minLength: 1, maxLength: 80 }), { nil: null }),
  responsible: fc.option(
    hostileLine({ minLength: 1, maxLength: 30 }).filter((text) => text.length > 0),
    { nil: null },
  ),
  dueDate: fc.option(
    fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10)),
    { nil: null },
  ),
  status: fc.constantFrom('planned', 'in_progress', 'done', 'delayed', 'dropped' as const),
  progress: fc.integer({ min: 0, max: 100 }),
  sourceOutcomeIds: fc.array(fc.integer({ min: 1, max: 2_147_483_647 }), { maxLength: 3 }),
}) satisfies fc.Arbitrary<CsvItem>;

describe('CSV writer (RFC 4180)', () => {
  it('quotes every cell with a comma, a quote, a CR or an LF, and only those', () => {
    const csv = csvDocument(
      ['a', 'b', 'c', 'd', 'e', 'f'],
      [['x\ny', 'x\ry', 'x,y', 'x"y', 'x\ty', 'plain']],
    );
    expect(csv).toBe('\uFEFFa,b,c,d,e,f\r\n"x\ny","x\ry","x,y","x""y",x\ty,plain\r\n');
  });

  it('keeps one record per row, each with every column, for any text', () => {
    fc.assert(
      fc.property(fc.array(fc.array(hostileText(), { minLength: 3, maxLength: 3 })), (rows) => {
        const records = strictRecords(csvDocument(['a', 'b', 'c'], rows));
        expect(records).toHaveLength(rows.length + 1);
        for (const record of records) expect(record).toHaveLength(3);
      }),
      { numRuns: 300 },
    );
  });
});

describe('plan items CSV: export → import is exact', () => {
  it('reads back every item as it was written, whatever the text', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 6 }), (items) => {
        const csv = itemsToCsv(items);
        const records = strictRecords(csv);
        expect(records).toHaveLength(items.length + 1);
        for (const record of records) expect(record).toHaveLength(CSV_COLUMNS.length);
        for (const record of records) {
          for (const cell of record) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        }
        const parsed = parseItemsCsv(csv);
        expect(parsed).toEqual({ ok: true, items });
      }),
      { numRuns: 300 },
    );
  });
});

describe('registrations CSV', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  const row = (values: Partial<RegistrationRow>): RegistrationRow => ({
    id: 1,
    eventId: 7,
    answers: {},
    name: 'Mari',
    email: 'mari@example.ee',
    organization: null,
    needs: null,
    attendance: 'in_person',
    lang: 'et',
    status: 'confirmed',
    consentAt: now,
    followUpConsentAt: null,
    checkedInAt: null,
    cancelledAt: null,
    anonymizedAt: null,
    createdAt: now,
    ...values,
  });

  it('keeps a row per registration for any text, formulas defused', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(hostileText(), hostileText(), hostileText()), { maxLength: 5 }),
        (people) => {
          const rows = people.map(([name, organization, needs], index) =>
            row({ id: index + 1, name, organization, needs }),
          );
          const records = strictRecords(registrationsCsv(rows, 'Europe/Tallinn'));
          expect(records).toHaveLength(rows.length + 1);
          const width = records[0]?.length;
          for (const record of records) expect(record).toHaveLength(width ?? 0);
          for (const [index, [name, organization, needs]] of people.entries()) {
            const record = records[index + 1] ?? [];
            const unguard = (cell: string | undefined) =>
              /^'+[=+\-@\t\r]/.test(cell ?? '') ? (cell ?? '').slice(1) : cell;
            expect([record[1], record[3], record[6]].map(unguard)).toEqual([
              name,
              organization,
              needs,
            ]);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('writes times as a spreadsheet reads them, on the event’s wall clock, beside ISO 8601', () => {
    const records = parse(
      registrationsCsv([row({ checkedInAt: new Date('2026-12-15T14:05:00Z') })], 'Europe/Tallinn'),
      { bom: true, columns: true },
    ) as Record<string, string>[];
    expect(records[0]).toMatchObject({
      registered_at: '2026-11-26T14:00:00+02:00',
      checked_in_at: '2026-12-15T16:05:00+02:00',
      registered_local: '2026-11-26 14:00',
      checked_in_local: '2026-12-15 16:05',
    });
  });
});
