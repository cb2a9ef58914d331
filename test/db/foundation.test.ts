import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { seedDemo } from '../helpers/demo';
import {
  actionPlans,
  events,
  municipalities,
  recordings,
  registrations,
} from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
});
afterAll(() => ctx.close());

describe('the demo programme', () => {
  it('loads the real programme and the labelled examples once', async () => {
    const db = ctx.deps.db;
    const [m] = await db.select({ n: count() }).from(municipalities);
    const [e] = await db.select({ n: count() }).from(events);
    const [p] = await db.select({ n: count() }).from(actionPlans);
    expect(m?.n).toBe(9);
    expect(e?.n).toBe(9 + 3);
    expect(p?.n).toBe(6);
    expect(await seedDemo(db, ctx.clock.now())).toBe(false);
    const [again] = await db.select({ n: count() }).from(events);
    expect(again?.n).toBe(12);
  });

  it('has two webcasts for the joint Tartu–Viljandi think tank', async () => {
    const rows = await ctx.deps.db.select({ title: recordings.title }).from(recordings);
    expect(rows.map((r) => r.title)).toEqual(
      expect.arrayContaining(['Veebiülekanne: Tartu', 'Veebiülekanne: Viljandi']),
    );
  });

  it('keeps participants out of the home page', async () => {
    const res = await ctx.app.request('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Mõttekoda Rõuges');
    const emails = await ctx.deps.db.select({ email: registrations.email }).from(registrations);
    expect(emails.length).toBeGreaterThan(0);
    for (const { email } of emails) expect(html).not.toContain(email ?? '');
  });
});

describe('the base app', () => {
  it('answers /healthz with 200 while the database answers', async () => {
    const res = await ctx.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('serves Estonian by default and English on request', async () => {
    const et = await (await ctx.app.request('/')).text();
    expect(et).toMatch(/^<!DOCTYPE html><html lang="et">/);
    const en = await ctx.app.request('/?lang=en');
    expect(await en.text()).toContain('<html lang="en">');
    expect(en.headers.get('set-cookie')).toContain('lang=en');
    const byCookie = await ctx.app.request('/', { headers: { cookie: 'lang=en' } });
    expect(await byCookie.text()).toContain('<html lang="en">');
    const byHeader = await ctx.app.request('/', {
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(await byHeader.text()).toContain('<html lang="en">');
  });

  it('sends security headers', async () => {
    const res = await ctx.app.request('/');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers unknown pages with an HTML 404 and unknown API paths with the JSON error body', async () => {
    const page = await ctx.app.request('/no-such-page');
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('Lehte ei leitud');
    const api = await ctx.app.request('/api/v1/no-such-thing');
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({
      error: {
        code: 'not_found',
        message: 'Not found',
        requestId: api.headers.get('x-request-id'),
      },
    });
  });

  it('refuses a body over the limit with 413', async () => {
    const res = await ctx.app.request('/api/v1/anything', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ blob: 'x'.repeat(300 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
  });
});

describe('when the database is gone', () => {
  it('answers /healthz with 503 and pages with 503, never 500', async () => {
    const broken = await createTestContext();
    await broken.database.close();
    const health = await broken.app.request('/healthz');
    expect(health.status).toBe(503);
    const page = await broken.app.request('/');
    expect(page.status).toBe(503);
  });
});
