import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { municipalities } from './municipalities';
import { outcomes } from './outcomes';
import { translatable } from './translations';

export const planStatus = pgEnum('plan_status', ['draft', 'adopted', 'archived']);
export const actionItemStatus = pgEnum('action_item_status', [
  'planned',
  'in_progress',
  'done',
  'delayed',
  'dropped',
]);

/** A municipality's open-government action plan (tegevuskava). */
export const actionPlans = pgTable(
  'action_plans',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    municipalityId: integer()
      .notNull()
      .references(() => municipalities.id, { onDelete: 'restrict' }),
    title: text().notNull(),
    ...translatable(),
    periodStart: date({ mode: 'string' }).notNull(),
    periodEnd: date({ mode: 'string' }).notNull(),
    status: planStatus().notNull().default('draft'),
    summary: text(),
    documentUrl: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('action_plans_period_order', sql`${table.periodEnd} >= ${table.periodStart}`),
    index('action_plans_municipality_idx').on(table.municipalityId),
  ],
);

export const actionItems = pgTable(
  'action_items',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    planId: integer()
      .notNull()
      .references(() => actionPlans.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    title: text().notNull(),
    ...translatable(),
    description: text(),
    responsible: text(),
    dueDate: date({ mode: 'string' }),
    status: actionItemStatus().notNull().default('planned'),
    progress: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('action_items_progress_range', sql`${table.progress} BETWEEN 0 AND 100`),
    index('action_items_plan_idx').on(table.planId, table.position),
  ],
);

/** The outcome notes an action item came from. */
export const actionItemSources = pgTable(
  'action_item_sources',
  {
    actionItemId: integer()
      .notNull()
      .references(() => actionItems.id, { onDelete: 'cascade' }),
    outcomeId: integer()
      .notNull()
      .references(() => outcomes.id, { onDelete: 'restrict' }),
  },
  (table) => [
    primaryKey({ columns: [table.actionItemId, table.outcomeId] }),
    index('action_item_sources_outcome_idx').on(table.outcomeId),
  ],
);

/** Dated progress reports: the public evaluation timeline of an action item. */
export const actionItemUpdates = pgTable(
  'action_item_updates',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    actionItemId: integer()
      .notNull()
      .references(() => actionItems.id, { onDelete: 'cascade' }),
    date: date({ mode: 'string' }).notNull(),
    status: actionItemStatus(),
    progress: integer(),
    /** This report moved the item's due date, from previousDueDate to dueDate; the note says why. */
    dueDateMoved: boolean().notNull().default(false),
    /** The due date this report moved the item to (null: not moved, or removed). */
    dueDate: date({ mode: 'string' }),
    /** The due date before this report moved it (null: the item had none). */
    previousDueDate: date({ mode: 'string' }),
    note: text().notNull(),
    authorId: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check(
      'action_item_updates_progress_range',
      sql`${table.progress} IS NULL OR ${table.progress} BETWEEN 0 AND 100`,
    ),
    index('action_item_updates_item_idx').on(table.actionItemId, table.date),
  ],
);
