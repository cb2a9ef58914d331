import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('CSRF protection of HTML forms', () => {
  it('refuses a cross-site form post with the 403 page', async () => {
    for (const headers of [
      { ...form, origin: 'https://evil.example' },
      { ...form, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      { ...form }, // no Origin at all
      { 'content-type': 'multipart/form-data; boundary=x', origin: 'https://koda.test.evil' },
      { 'content-type': 'text/plain', origin: 'null' },
    ]) {
      const res = await ctx.app.request('/admin/login', { method: 'POST', headers, body: 'a=b' });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.headers.get('content-type')).toContain('text/html');
    }
  });

  it('lets same-origin form posts through (to routing: this path has no handler)', async () => {
    const sameOrigin = await ctx.app.request('/no-such-form', {
      method: 'POST',
      headers: { ...form, origin: 'https://koda.test' },
      body: 'a=b',
    });
    expect(sameOrigin.status).toBe(404);
    const fetchMeta = await ctx.app.request('/no-such-form', {
      method: 'POST',
      headers: { ...form, 'sec-fetch-site': 'same-origin' },
      body: 'a=b',
    });
    expect(fetchMeta.status).toBe(404);
  });

  it('does not apply to /api, where writes must be JSON anyway', async () => {
    const res = await ctx.app.request('/api/v1/no-such-thing', {
      method: 'POST',
      headers: { ...form, origin: 'https://evil.example' },
      body: 'a=b',
    });
    expect(res.status).not.toBe(403);
    expect([404, 415]).toContain(res.status);
  });
});
