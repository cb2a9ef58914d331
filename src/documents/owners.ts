import { eq } from 'drizzle-orm';
import { findEventById, findEventBySlug, isPublicEvent } from '@/events';
import { actionItems, actionPlans, attachments, outcomes } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';
import { notFound } from '@/platform/http/errors';
import type { MessageKey } from '@/platform/i18n';

export const ownerTypes = ['event', 'outcome', 'plan', 'planItem'] as const;
export type OwnerType = (typeof ownerTypes)[number];

/** What an attachment hangs on, with who manages it and whether the public sees it. */
export type Owner = {
  type: OwnerType;
  id: number;
  title: string;
  /** Whoever manages one of these municipalities (or an admin) manages the owner's documents. */
  municipalityIds: number[];
  /** The owner itself is public (a published event, a published note, a plan out of draft). */
  isPublic: boolean;
  /** The organizer page of the owner's documents. */
  adminPath: string;
  /** The organizer page of the owner itself. */
  backPath: string;
};

/** The attachments column naming an owner of each type. */
export const ownerColumn = {
  event: attachments.eventId,
  outcome: attachments.outcomeId,
  plan: attachments.planId,
  planItem: attachments.planItemId,
} as const;

export const ownerLabelKey: Record<OwnerType, MessageKey> = {
  event: 'documents.owner.event',
  outcome: 'documents.owner.outcome',
  plan: 'documents.owner.plan',
  planItem: 'documents.owner.planItem',
};

/** An event by slug as an owner; 404 when there is none. */
export async function eventOwner(db: Queryable, slug: string): Promise<Owner> {
  const event = await findEventBySlug(db, slug);
  if (!event) throw notFound('No such event');
  return {
    type: 'event',
    id: event.id,
    title: event.title,
    municipalityIds: event.hosts.map((host) => host.id),
    isPublic: isPublicEvent(event),
    adminPath: `/admin/events/${event.slug}/attachments`,
    backPath: `/admin/events/${event.slug}`,
  };
}

export async function outcomeOwner(db: Queryable, id: number): Promise<Owner> {
  const [outcome] = await db.select().from(outcomes).where(eq(outcomes.id, id));
  const event = outcome ? await findEventById(db, outcome.eventId) : null;
  if (!outcome || !event) throw notFound('No such outcome');
  return {
    type: 'outcome',
    id,
    title: outcome.title,
    municipalityIds: event.hosts.map((host) => host.id),
    isPublic: outcome.published && isPublicEvent(event),
    adminPath: `/admin/outcomes/${id}/attachments`,
    backPath: `/admin/events/${event.slug}/outcomes`,
  };
}

export async function planOwner(db: Queryable, id: number): Promise<Owner> {
  const [plan] = await db.select().from(actionPlans).where(eq(actionPlans.id, id));
  if (!plan) throw notFound('No such plan');
  return {
    type: 'plan',
    id,
    title: plan.title,
    municipalityIds: [plan.municipalityId],
    isPublic: plan.status !== 'draft',
    adminPath: `/admin/plans/${id}/attachments`,
    backPath: `/admin/plans/${id}`,
  };
}

export async function planItemOwner(db: Queryable, id: number): Promise<Owner> {
  const [row] = await db
    .select({ item: actionItems, plan: actionPlans })
    .from(actionItems)
    .innerJoin(actionPlans, eq(actionPlans.id, actionItems.planId))
    .where(eq(actionItems.id, id));
  if (!row) throw notFound('No such plan item');
  return {
    type: 'planItem',
    id,
    title: row.item.title,
    municipalityIds: [row.plan.municipalityId],
    isPublic: row.plan.status !== 'draft',
    adminPath: `/admin/plan-items/${id}/attachments`,
    backPath: `/admin/plans/${row.plan.id}`,
  };
}

/** The owner of a stored attachment row. */
export async function ownerOf(
  db: Queryable,
  row: {
    eventId: number | null;
    outcomeId: number | null;
    planId: number | null;
    planItemId: number | null;
  },
): Promise<Owner> {
  if (row.eventId !== null) {
    const event = await findEventById(db, row.eventId);
    if (!event) throw notFound('No such event');
    return eventOwner(db, event.slug);
  }
  if (row.outcomeId !== null) return outcomeOwner(db, row.outcomeId);
  if (row.planId !== null) return planOwner(db, row.planId);
  if (row.planItemId !== null) return planItemOwner(db, row.planItemId);
  throw notFound('No such attachment');
}
