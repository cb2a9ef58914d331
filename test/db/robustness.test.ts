import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/app';
import { bearerFor, sessionFor } from '../helpers/auth';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
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
    expect(res.status).toBe(422);
    expect((await res.json()).error.details).toEqual([
      { path: 'name', message: 'Text may not contain a NUL character' },
    ]);
    const logged = ctx.log.lines.join('\n');
    expect(logged).not.toContain('nul.person@example.ee');
    expect(logged).not.toContain('NulOrg');
  });
});

describe('ids that cannot exist', () => {
  it('answers 404 in the path and 422 naming the field in a body', async () => {
    const admin = await bearerFor(ctx, { role: 'admin' });
    const send = (method: string, path: string, body: unknown) =>
      ctx.app.request(`/api/v1${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: admin },
        body: JSON.stringify(body),
      });
    for (const [method, path] of [
      ['PATCH', '/outcomes/99999999999'],
      ['PATCH', '/recordings/99999999999'],
      ['DELETE', '/recordings/2147483648'],
      ['PATCH', '/outcomes/abc'],
    ] as const) {
      const res = await send(method, path, { title: 'x' });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    const outcome = await send('POST', '/events/mottekoda-rouges/outcomes', {
      kind: 'proposal',
      title: 'Liiga suur viide',
      body: 'Tekst',
      recordingId: 99999999999,
      agendaItemId: 2147483648,
    });
    expect(outcome.status).toBe(422);
    const paths = (await outcome.json()).error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['recordingId', 'agendaItemId']));
    const recording = await send('POST', '/events/mottekoda-rouges/recordings', {
      url: 'https://www.youtube.com/watch?v=abc',
      chapters: [{ offsetSeconds: 99999999999, title: 'Liiga hilja' }],
    });
    expect(recording.status).toBe(422);
    expect((await recording.json()).error.details[0].path).toBe('chapters.0.offsetSeconds');
  });

  it('answers 404 for a registration id beyond the column on the organizer pages', async () => {
    const admin = await sessionFor(ctx, { role: 'admin' });
    const res = await ctx.app.request(
      '/admin/events/naidis-keila-linna-foorum-kaasav-eelarve/registrations/2147483648/cancel',
      {
        method: 'POST',
        headers: {
          cookie: admin,
          origin: 'https://koda.test',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: '',
      },
    );
    expect(res.status).toBe(404);
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
