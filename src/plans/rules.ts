import { languages } from '@/platform/i18n';
import { translatableText } from '@/platform/i18n/content';
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { csvDocument, unguardCell } from '@/platform/csv';
import { issuesToDetails, MAX_ID, rowId, type ErrorDetail } from '@/platform/http/errors';
import type { Localized } from '@/platform/http/validation';
import { DEFAULT_TIMEZONE } from '@/platform/time';
import { singleLine } from '@/platform/text';

/** Plans are dated in the network's zone (all Estonian municipalities). */
export const PLAN_ZONE = DEFAULT_TIMEZONE;

export const planStatuses = ['draft', 'adopted', 'archived'] as const;
export const itemStatuses = ['planned', 'in_progress', 'done', 'delayed', 'dropped'] as const;
export type PlanStatus = (typeof planStatuses)[number];
export type ItemStatus = (typeof itemStatuses)[number];

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Use the form YYYY-MM-DD', abort: true })
  .refine((value) => DateTime.fromISO(value).isValid, {
    message: 'Not a real date',
    params: { key: 'validation.date' },
  });
const httpUrl = z
  .string()
  .max(2000)
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), {
    message: 'Use an http(s) address',
    params: { key: 'validation.url' },
  });

/** The plan's fields, once: the full schema (create, admin form) and the PATCH schema derive from it. */
const planFields = z.object({
  /** A string (the original) or `{et, ru, en}` (issue 18), as summary. */
  title: translatableText(singleLine().min(1).max(300)),
  periodStart: isoDate,
  periodEnd: isoDate,
  status: z.enum(planStatuses).optional(),
  summary: translatableText(z.string().max(20_000)).nullish(),
  /** The language the texts are written in: by default the first one given, else Estonian. */
  originalLang: z.enum(languages).optional(),
  documentUrl: httpUrl.nullish(),
});

export const planInputSchema = planFields.superRefine((plan, ctx) => {
  if (plan.periodEnd < plan.periodStart) {
    ctx.addIssue({
      code: 'custom',
      path: ['periodEnd'],
      message: 'The period cannot end before it starts',
      params: { key: 'plans.error.periodOrder' },
    });
  }
});
export type PlanInput = z.infer<typeof planInputSchema>;

/** PATCH: any subset; the plan it makes is checked whole (planInputSchema) once merged. */
export const planPatchSchema = planFields.partial().strict();
export type PlanPatch = z.infer<typeof planPatchSchema>;

/** The texts plans and items have in several languages (issue 18). */
export const PLAN_TEXT_FIELDS = ['title', 'summary'] as const;
export const ITEM_TEXT_FIELDS = ['title', 'description'] as const;

export const progressSchema = z.number().int().min(0).max(100);

/** What describes an item (correctable later); status and progress belong to its timeline. */
const itemFields = z.object({
  title: translatableText(singleLine().min(1).max(500)),
  description: translatableText(z.string().max(20_000)).nullish(),
  originalLang: z.enum(languages).optional(),
  responsible: singleLine().max(300).nullish(),
  dueDate: isoDate.nullish(),
  sourceOutcomeIds: z.array(rowId).max(50).optional(),
});

export const itemInputSchema = itemFields.extend({
  status: z.enum(itemStatuses).optional(),
  progress: progressSchema.optional(),
});
export type ItemInput = z.infer<typeof itemInputSchema>;

/** PATCH: any subset of the describing fields; sourceOutcomeIds replaces the list. */
export const itemPatchSchema = itemFields.partial().strict();
export type ItemPatch = z.infer<typeof itemPatchSchema>;

const TIMELINE_ONLY =
  'Progress is reported with POST /plan-items/{id}/updates, so the public timeline stays complete';

/** Why a key is refused in an item PATCH, where a plain "unknown field" would not help. */
export const itemPatchHints: Record<string, string> = {
  status: TIMELINE_ONLY,
  progress: TIMELINE_ONLY,
};

/**
 * Validation problems as error details, with each unknown key of a strict (PATCH) body named
 * as its own path rather than one detail on the whole body.
 */
export function patchIssueDetails(
  issues: readonly z.core.$ZodIssue[],
  hints: Record<string, string> = {},
): ErrorDetail[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: [...issue.path.map(String), key].join('.'),
          // Own keys only: a body's `__proto__` or `constructor` is an unknown field, not a hint.
          message: (Object.hasOwn(hints, key) ? hints[key] : undefined) ?? `Unknown field "${key}"`,
        }))
      : issuesToDetails([issue]),
  );
}

export const updateInputSchema = z
  .object({
    date: isoDate.optional(),
    status: z.enum(itemStatuses).optional(),
    progress: progressSchema.optional(),
    dueDate: isoDate
      .nullable()
      .optional()
      .describe(
        'Moves the item’s due date (adopted or archived plans; the note is the reason): a date moves it there, null removes it, leaving the key out leaves it as it is',
      ),
    note: z.string().trim().min(1).max(10_000),
  })
  .strict();
export type UpdateInput = z.infer<typeof updateInputSchema>;

/** A report that moved the item's due date: from the date it replaced to the new one (null: none). */
export type DueDateMove = { from: string | null; to: string | null };

/** What a progress report did to the due date, if anything. */
export function dueDateMoveOf(update: {
  dueDateMoved: boolean;
  dueDate: string | null;
  previousDueDate: string | null;
}): DueDateMove | null {
  return update.dueDateMoved ? { from: update.previousDueDate, to: update.dueDate } : null;
}

/** A plan date as messages show it, the same in both languages: '2026-06-30' → '30.06.2026'. */
export function numericDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

/** Today's date (YYYY-MM-DD) where the plan's municipality is: due dates are local dates. */
export function localDate(now: Date, zone: string): string {
  return DateTime.fromJSDate(now).setZone(zone).toISODate() ?? now.toISOString().slice(0, 10);
}

export type ProgressItem = { status: ItemStatus; progress: number; dueDate: string | null };

/** Overdue: the due date has passed (strictly before today) and the item is neither done nor dropped. */
export function isOverdue(item: ProgressItem, today: string): boolean {
  return (
    item.dueDate !== null &&
    item.dueDate < today &&
    item.status !== 'done' &&
    item.status !== 'dropped'
  );
}

export type ProgressSummary = {
  /** Items that count: everything except dropped ones. */
  total: number;
  done: number;
  dropped: number;
  overdue: number;
  /** Share of counted items done, 0–100, rounded. */
  donePercent: number;
  /** Mean progress of counted items, 0–100, rounded. */
  averageProgress: number;
  byStatus: Record<ItemStatus, number>;
};

/** The public evaluation in numbers. Dropped items are shown but do not count for or against. */
export function summarizeProgress(items: ProgressItem[], today: string): ProgressSummary {
  const byStatus = Object.fromEntries(itemStatuses.map((status) => [status, 0])) as Record<
    ItemStatus,
    number
  >;
  for (const item of items) byStatus[item.status] += 1;
  const counted = items.filter((item) => item.status !== 'dropped');
  const done = byStatus.done;
  const sum = counted.reduce(
    (total, item) => total + (item.status === 'done' ? 100 : item.progress),
    0,
  );
  return {
    total: counted.length,
    done,
    dropped: byStatus.dropped,
    overdue: items.filter((item) => isOverdue(item, today)).length,
    donePercent: counted.length === 0 ? 0 : Math.round((done / counted.length) * 100),
    averageProgress: counted.length === 0 ? 0 : Math.round(sum / counted.length),
    byStatus,
  };
}

/** Status filter from a query string: unknown values are ignored rather than refused. */
export function parseStatusFilter(value: string | undefined): ItemStatus[] {
  if (!value) return [];
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part): part is ItemStatus => (itemStatuses as readonly string[]).includes(part));
}

// ---------------------------------------------------------------------------------------------
// CSV: the export's columns are exactly what the import reads, so a file round-trips.

/** The items CSV's formula guard (the platform's), undone by the import. */
export { guardCell, unguardCell } from '@/platform/csv';

export const CSV_COLUMNS = [
  'title',
  'description',
  'responsible',
  'due_date',
  'status',
  'progress',
  'source_outcome_ids',
] as const;

export type CsvItem = {
  title: string;
  description: string | null;
  responsible: string | null;
  dueDate: string | null;
  status: ItemStatus;
  progress: number;
  sourceOutcomeIds: number[];
};

/**
 * UTF-8 with a byte order mark, CRLF line ends, one row per item, written by the platform's one
 * CSV writer (RFC 4180 quoting and the formula guard that `unguardCell` undoes on import).
 */
export function itemsToCsv(items: CsvItem[]): string {
  return csvDocument(
    CSV_COLUMNS,
    items.map((item) => [
      item.title,
      item.description,
      item.responsible,
      item.dueDate,
      item.status,
      item.progress,
      item.sourceOutcomeIds.join(' '),
    ]),
  );
}

export type CsvParseResult = { ok: true; items: CsvItem[] } | { ok: false; details: ErrorDetail[] };

const csvRowSchema = z.object({
  title: singleLine().min(1, 'A title is required').max(500),
  description: z.string().max(20_000),
  responsible: singleLine().max(300),
  due_date: z.union([z.literal(''), isoDate]),
  status: z.enum(itemStatuses, {
    error: () => `Unknown status; use one of ${itemStatuses.join(', ')}`,
  }),
  progress: z
    .string()
    .regex(/^\d{1,3}$/, 'Progress is a whole number from 0 to 100')
    .transform(Number)
    .pipe(z.number().max(100, 'Progress is a whole number from 0 to 100')),
  source_outcome_ids: z
    .string()
    .regex(/^\s*(\d+(\s+\d+)*)?\s*$/, 'Outcome ids separated by spaces')
    .pipe(
      z
        .string()
        .refine(
          (value) => (value.match(/\d+/g) ?? []).every((id) => Number(id) <= MAX_ID),
          `No such outcome (ids are at most ${MAX_ID})`,
        ),
    ),
});

/** A CSV cell's problem in the reader's language, naming the line (and the column it is in). */
function csvProblem(column: string, issue: z.core.$ZodIssue, line: number): Localized {
  if (issue.code === 'too_big' && issue.origin === 'string') {
    return { key: 'plans.csv.tooLong', params: { line, column, limit: Number(issue.maximum) } };
  }
  switch (column) {
    case 'title':
      return { key: 'plans.csv.title', params: { line } };
    case 'due_date':
      return { key: 'plans.csv.dueDate', params: { line } };
    case 'status':
      return { key: 'plans.csv.status', params: { line } };
    case 'progress':
      return { key: 'plans.csv.progress', params: { line } };
    case 'source_outcome_ids':
      return issue.code === 'custom'
        ? { key: 'plans.csv.noSuchOutcome', params: { line } }
        : { key: 'plans.csv.sources', params: { line } };
    default:
      return { key: 'plans.csv.cell', params: { line, column } };
  }
}

/**
 * Reads an items CSV. Every problem is reported with its line (the header is line 1); a file
 * with any problem yields no items, so an import is all or nothing.
 */
export function parseItemsCsv(text: string): CsvParseResult {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[]; // info: true changes the shape; the typings do not follow it
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return {
      ok: false,
      details: [
        {
          path: line ? `line.${line}` : 'file',
          message: `Not a readable CSV file: ${(error as Error).message}`,
          localized: line
            ? { key: 'plans.csv.unreadableAt', params: { line } }
            : { key: 'plans.csv.unreadable' },
        },
      ],
    };
  }
  const [header, ...rows] = records;
  if (!header) {
    return {
      ok: false,
      details: [
        { path: 'line.1', message: 'The file is empty', localized: { key: 'plans.csv.empty' } },
      ],
    };
  }
  const names = header.record.map((cell) => cell.trim());
  if (names.join(',') !== CSV_COLUMNS.join(',')) {
    return {
      ok: false,
      details: [
        {
          path: 'line.1',
          message: `Wrong header: expected the columns ${CSV_COLUMNS.join(',')}`,
          localized: { key: 'plans.csv.header', params: { columns: CSV_COLUMNS.join(',') } },
        },
      ],
    };
  }
  const details: ErrorDetail[] = [];
  const items: CsvItem[] = [];
  for (const { record, info } of rows) {
    const line = info.lines;
    if (record.length !== CSV_COLUMNS.length) {
      details.push({
        path: `line.${line}`,
        message: `Line ${line}: expected ${CSV_COLUMNS.length} columns, found ${record.length}`,
        localized: {
          key: 'plans.csv.columnCount',
          params: { line, expected: CSV_COLUMNS.length, found: record.length },
        },
      });
      continue;
    }
    const parsed = csvRowSchema.safeParse(
      Object.fromEntries(
        CSV_COLUMNS.map((name, index) => [name, unguardCell(record[index] ?? '')]),
      ),
    );
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        details.push({
          path: `line.${line}.${field}`,
          message: `Line ${line}: ${issue.message}`,
          localized: csvProblem(field, issue, line),
        });
      }
      continue;
    }
    const row = parsed.data;
    items.push({
      title: row.title,
      description: row.description === '' ? null : row.description,
      responsible: row.responsible === '' ? null : row.responsible,
      dueDate: row.due_date === '' ? null : row.due_date,
      status: row.status,
      progress: row.progress,
      sourceOutcomeIds: row.source_outcome_ids.trim()
        ? row.source_outcome_ids.trim().split(/\s+/).map(Number)
        : [],
    });
  }
  return details.length > 0 ? { ok: false, details } : { ok: true, items };
}

/** The public list's filters (already checked: a value that did not fit is left out). */
export type PlanListFilter = { municipality?: string | undefined; status?: PlanStatus | undefined };

export function filterPlans<T extends { status: PlanStatus; municipality: { slug: string } }>(
  plans: T[],
  filter: PlanListFilter,
): T[] {
  return plans.filter(
    (plan) =>
      (filter.municipality === undefined || plan.municipality.slug === filter.municipality) &&
      (filter.status === undefined || plan.status === filter.status),
  );
}
