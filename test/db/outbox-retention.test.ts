/**
 * Hardening (issue 21, finding 14): the outbox keeps names, addresses and manage links, so a
 * message about an event lives exactly as long as the event's registrations do: RETENTION_DAYS
 * after the event ends, whenever the message was written or sent. Other messages age from when
 * they were written.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPurgeJob } from '@/jobs';
import { outbox, registrations } from '@/platform/db/schema';
import { enqueueEmail } from '@/platform/mail/outbox/enqueue';
import { apiRequest } from '../helpers/api';
import { createTestContext, TEST_NOW, type TestContext } from '../helpers/app';
import { bearerFor } from '../helpers/auth';
import { body, makeEvent, register } from './registrations-fixtures';

const DAY = 24 * 60 * 60 * 1000;
const RETENTION_DAYS = 30;
let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true, config: { RETENTION_DAYS: String(RETENTION_DAYS) } });
  await ctx.deps.db.delete(outbox);
});
afterAll(() => ctx.close());

const kinds = async () =>
  (await ctx.deps.db.select({ kind: outbox.kind }).from(outbox).orderBy(outbox.id)).map(
    (row) => row.kind,
  );

describe('the purge ages outbox messages', () => {
  it('about an event from the event’s end, others from when they were written', async () => {
    const start = new Date(TEST_NOW).getTime();
    const event = await makeEvent(ctx, {
      startsAt: new Date(start + 5 * DAY),
      endsAt: new Date(start + 5 * DAY + 3 * 3600_000),
      registrationClosesAt: null,
    });
    const ends = event.endsAt.getTime();
    const organizer = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
    const person = body({ attendance: 'online' });
    try {
      // Before the event: the confirmation, and a message about no event (a personal feed link).
      expect((await register(ctx, event.slug, person)).status).toBeLessThan(300);
      await enqueueEmail(
        ctx.deps.db,
        { kind: 'calendar.personal_feed', recipient: 'other@example.ee', subject: 's', text: 't' },
        ctx.clock.now(),
      );
      // Twenty days after the event, the organizers write to everyone who registered.
      ctx.clock.set(new Date(ends + 20 * DAY));
      const sent = await apiRequest(
        ctx,
        'POST',
        `/events/${event.slug}/messages`,
        { audience: 'registered', subject: 'Tänud', body: 'Slaidid on lehel.' },
        organizer,
      );
      expect(sent.status, await sent.clone().text()).toBe(201);
      expect(await kinds()).toEqual([
        'registration.confirmed',
        'calendar.personal_feed',
        'registration.message',
      ]);

      // A day short of the retention after the event: the registration is kept, and so is every
      // message about it (the confirmation was written more than RETENTION_DAYS ago); the
      // message about no event has aged out.
      ctx.clock.set(new Date(ends + (RETENTION_DAYS - 1) * DAY));
      await runPurgeJob(ctx.deps);
      const [kept] = await ctx.deps.db
        .select()
        .from(registrations)
        .where(eq(registrations.eventId, event.id));
      expect(kept?.anonymizedAt).toBeNull();
      expect(await kinds()).toEqual(['registration.confirmed', 'registration.message']);

      // Past the retention after the event: the registration is anonymised, and every message
      // about the event is gone with it, the one written twenty days after the event too.
      ctx.clock.set(new Date(ends + (RETENTION_DAYS + 1) * DAY));
      await runPurgeJob(ctx.deps);
      const [gone] = await ctx.deps.db
        .select()
        .from(registrations)
        .where(eq(registrations.eventId, event.id));
      expect(gone?.anonymizedAt).not.toBeNull();
      expect(await kinds()).toEqual([]);
    } finally {
      ctx.clock.set(TEST_NOW);
    }
  });
});
