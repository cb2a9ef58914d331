import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DEMO_ADMIN, DEMO_ORGANIZER, seedDemo, type DemoLinks } from '../../demo/seed';
import { events, feedbackRequests, outbox, users } from '@/platform/db/schema';
import { PBKDF2_ITERATIONS, verifyPassword } from '@/platform/auth/password';
import { createSession } from '@/platform/auth/sessions';
import { createTestContext, type TestContext } from '../helpers/app';
import { visibleText } from '../helpers/form-language';
import { loginCookie, postForm } from '../helpers/session';

/** What a newcomer to the demo can reach with the logins it prints (review items 3 and 15). */

let ctx: TestContext;
let links: DemoLinks;

beforeAll(async () => {
  ctx = await createTestContext();
  const seeded = await seedDemo(ctx.deps.db, ctx.clock.now());
  if (!seeded) throw new Error('the demo was not seeded');
  links = seeded;
});
afterAll(() => ctx.close());

async function cookieOf(email: string): Promise<string> {
  const [user] = await ctx.deps.db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`no demo user ${email}`);
  const { token } = await createSession(ctx.deps.db, user.id, ctx.clock.now());
  return `koda_session=${token}`;
}

describe('the demo logins', () => {
  // Every other test file seeds the demo with cheap hashes (test/helpers/demo.ts): this one logs in
  // through the form with a hash at the production count, as a visitor of `npm start`'s demo does.
  it('the printed organizer login works through the login form, hashed at the production count', async () => {
    const [organizer] = await ctx.deps.db
      .select()
      .from(users)
      .where(eq(users.email, DEMO_ORGANIZER.email));
    expect(organizer?.passwordHash.split('$')[1]).toBe(String(PBKDF2_ITERATIONS));
    const cookie = await loginCookie(ctx, DEMO_ORGANIZER.email, DEMO_ORGANIZER.password);
    const dashboard = await ctx.app.request('/admin', { headers: { cookie } });
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain(DEMO_ORGANIZER.name);
  });

  it('the printed admin login reads a follow confirmation at /admin/outbox; the organizer does not', async () => {
    const [admin] = await ctx.deps.db.select().from(users).where(eq(users.email, DEMO_ADMIN.email));
    expect(admin?.role).toBe('admin');
    expect(await verifyPassword(DEMO_ADMIN.password, admin!.passwordHash)).toBe(true);

    const posted = await ctx.app.request('/api/v1/follows', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'uustulnuk@example.ee', municipality: 'keila' }),
    });
    expect(posted.status).toBeLessThan(300);
    const [queued] = await ctx.deps.db
      .select()
      .from(outbox)
      .where(eq(outbox.recipient, 'uustulnuk@example.ee'));
    expect(queued?.kind).toBe('follows.confirm');
    const link = /\/follows\/[A-Za-z0-9_-]{43}\/confirm/.exec(queued!.text)?.[0];
    expect(link).toBeDefined();

    const asAdmin = await ctx.app.request('/admin/outbox', {
      headers: { cookie: await cookieOf(DEMO_ADMIN.email) },
    });
    expect(asAdmin.status).toBe(200);
    expect(await asAdmin.text()).toContain(link!);
    // The organizer still sees only the messages about its events.
    const asOrganizer = await ctx.app.request('/admin/outbox', {
      headers: { cookie: await cookieOf(DEMO_ORGANIZER.email) },
    });
    expect(asOrganizer.status).toBe(200);
    expect(await asOrganizer.text()).not.toContain('uustulnuk@example.ee');
  });

  it("the organizer's feedback page of a demo event shows a summary of answers", async () => {
    const [row] = await ctx.deps.db
      .selectDistinct({ slug: events.slug })
      .from(feedbackRequests)
      .innerJoin(events, eq(events.id, feedbackRequests.eventId));
    expect(row).toBeDefined();
    const response = await ctx.app.request(`/admin/events/${row!.slug}/feedback?lang=et`, {
      headers: { cookie: await cookieOf(DEMO_ORGANIZER.email) },
    });
    expect(response.status).toBe(200);
    const text = visibleText(await response.text());
    expect(text).toContain('Keskmine hinne: 4,0 / 5');
    expect(text).toContain('Rohkem aega küsimustele.');
  });

  it("the printed participant's links open a feedback form that takes an answer and a registration", async () => {
    const form = await ctx.app.request(`${links.feedbackPath}?lang=en`);
    expect(form.status).toBe(200);
    expect(visibleText(await form.text())).toContain('How would you rate the event?');
    const answered = await postForm(ctx, links.feedbackPath, { rating: '5', comeAgain: 'yes' });
    expect(answered.status).toBe(303);

    const manage = await ctx.app.request(`${links.managePath}?lang=en`);
    expect(manage.status).toBe(200);
    expect(visibleText(await manage.text())).toContain('Näidis Osaleja 1');
  });

  it('seeding again changes nothing', async () => {
    expect(await seedDemo(ctx.deps.db, ctx.clock.now())).toBe(false);
    expect(await ctx.deps.db.select().from(users)).toHaveLength(2);
    expect(await ctx.deps.db.select().from(feedbackRequests)).toHaveLength(4);
  });
});
