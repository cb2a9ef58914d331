import { eq, sql } from 'drizzle-orm';
import { eventHosts, events, municipalities, outbox, registrations } from '@/platform/db/schema';
import type { Db } from '@/platform/db/types';
import type { TestContext } from '../helpers/app';

let counter = 0;

/** A different client address per request (the test app trusts x-forwarded-for), so the per-address rate limit stays out of the way unless a test wants it. */
export function freshAddress(): Record<string, string> {
  const n = ++counter;
  return { 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
}

/** A published event hosted by `host` (a demo municipality slug), starting in 9 days. */
export async function makeEvent(
  ctx: TestContext,
  values: Partial<typeof events.$inferInsert> = {},
  host = 'keila',
) {
  const db = ctx.deps.db;
  const now = ctx.clock.now().getTime();
  const day = 24 * 60 * 60 * 1000;
  const slug = values.slug ?? `reg-test-${++counter}-${Date.now().toString(36)}`;
  const [row] = await db
    .insert(events)
    .values({
      slug,
      kind: 'forum',
      status: 'published',
      title: `Proovifoorum ${counter}`,
      startsAt: new Date(now + 9 * day),
      endsAt: new Date(now + 9 * day + 3 * 60 * 60 * 1000),
      timezone: 'Europe/Tallinn',
      venueName: 'Keila Kultuurikeskus',
      capacity: 10,
      waitlist: true,
      registrationOpensAt: new Date(now - 5 * day),
      registrationClosesAt: new Date(now + 9 * day - 2 * 60 * 60 * 1000),
      ...values,
    })
    .returning();
  if (!row) throw new Error('no event');
  const [m] = await db.select().from(municipalities).where(eq(municipalities.slug, host));
  if (!m) throw new Error(`no municipality ${host}`);
  await db.insert(eventHosts).values({ eventId: row.id, municipalityId: m.id });
  return row;
}

export function body(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Mari Maasikas',
    email: `mari${++counter}@example.ee`,
    attendance: 'in_person',
    consent: true,
    ...overrides,
  };
}

export function register(
  ctx: TestContext,
  slug: string,
  payload: unknown,
  headers: Record<string, string> = {},
) {
  return ctx.app.request(`/api/v1/events/${slug}/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...freshAddress(), ...headers },
    body: JSON.stringify(payload),
  });
}

/** An HTML form post (with the Origin the CSRF check wants). */
export function postForm(
  ctx: TestContext,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return ctx.app.request(path, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'https://koda.test',
      ...freshAddress(),
      ...headers,
    },
    body: new URLSearchParams(fields).toString(),
  });
}

export async function outboxFor(db: Db, recipient: string) {
  return db.select().from(outbox).where(eq(outbox.recipient, recipient)).orderBy(outbox.id);
}

export async function registrationsOf(db: Db, eventId: number) {
  return db
    .select()
    .from(registrations)
    .where(eq(registrations.eventId, eventId))
    .orderBy(registrations.id);
}

/**
 * The newest manage link emailed to an address: the API never shows it (issue 21 #9), only the
 * confirmation (or a re-sent link) in the outbox carries it.
 */
export async function mailedManageUrl(db: Db, email: string): Promise<string> {
  const rows = await db
    .select({ text: outbox.text })
    .from(outbox)
    .where(sql`lower(${outbox.recipient}) = lower(${email})`)
    .orderBy(outbox.id);
  const urls = rows.flatMap((row) => [
    ...row.text.matchAll(/https:\/\/koda\.test\/registrations\/[A-Za-z0-9_-]{43}/g),
  ]);
  const url = urls.at(-1)?.[0];
  if (!url) throw new Error(`no manage link mailed to ${email}`);
  return url;
}

/** Registers through the API and gives its answer with the manage link that was emailed. */
export async function registered(
  ctx: TestContext,
  slug: string,
  payload: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Record<string, unknown> & { manageUrl: string }> {
  const res = await register(ctx, slug, payload, headers);
  if (res.status !== 201)
    throw new Error(`registering answered ${res.status}: ${await res.text()}`);
  const json = (await res.json()) as Record<string, unknown>;
  return { ...json, manageUrl: await mailedManageUrl(ctx.deps.db, String(payload.email)) };
}

export function tokenOf(manageUrl: string): string {
  const match = /\/registrations\/([A-Za-z0-9_-]+)$/.exec(manageUrl);
  if (!match?.[1]) throw new Error(`not a manage URL: ${manageUrl}`);
  return match[1];
}
