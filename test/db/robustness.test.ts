import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed';
import { createTestContext, type TestContext } from '../helpers/app';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps.db, ctx.clock.now());
});
afterAll(() => ctx.close());

const json = (payload: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.77.0.1' },
  body: JSON.stringify(payload),
});

describe('values the database cannot take', () => {
  it('answers 4xx, never 500, for NUL characters and numbers out of range', async () => {
    for (const path of [
      '/events/a%00b',
      '/api/v1/events/a%00b',
      '/events?municipality=a%00b',
      '/calendar.ics?municipality=a%00b',
      '/municipalities/a%00b',
      '/municipalities/a%00b/calendar.ics',
      '/plans/99999999999',
      '/api/v1/plans/99999999999',
      '/plans/99999999999/items.csv',
    ]) {
      const res = await ctx.app.request(path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
    }
  });

  it('refuses a registration with a NUL character and logs no personal data about it', async () => {
    const res = await ctx.app.request(
      '/api/v1/events/naidis-keila-linna-foorum-kaasav-eelarve/registrations',
      json({
        name: 'Nul\u0000Person',
        email: 'nul.person@example.ee',
        organization: 'NulOrg',
        attendance: 'in_person',
        consent: true,
      }),
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect((await res.json()).error.code).toBeTypeOf('string');
    const logged = ctx.log.lines.join('\n');
    expect(logged).not.toContain('nul.person@example.ee');
    expect(logged).not.toContain('NulOrg');
  });
});

describe('logs', () => {
  it('never carry a manage or feed token from the path', async () => {
    const broken = await createTestContext();
    await broken.close();
    const token = 'SecretManageToken_0123456789abcdefghijklmnopq';
    for (const path of [`/registrations/${token}`, `/feeds/${token}/calendar.ics`]) {
      const res = await broken.app.request(path);
      expect(res.status).toBe(503);
    }
    const logged = broken.log.lines.join('\n');
    expect(logged).toContain('/registrations/…');
    expect(logged).toContain('/feeds/…/calendar.ics');
    expect(logged).not.toContain(token);
  });
});
