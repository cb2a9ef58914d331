import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@/app';
import { catalogues } from '@/messages';
import { ERROR_CODES, errorMessageKey } from '@/platform/http/errors';
import { languages } from '@/platform/i18n';
import { createLog } from '@/platform/log';
import { createTestContext, type TestContext } from '../helpers/app';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Line = Record<string, unknown>;
const lines = (log: { lines: string[] }): Line[] =>
  log.lines.map((line) => JSON.parse(line) as Line);
const accessLines = (log: { lines: string[] }, requestId: string) =>
  lines(log).filter((line) => line.message === 'request' && line.requestId === requestId);

/** An app whose clock fails: every page that asks for the time answers 500. */
function brokenApp() {
  return createApp({
    ...ctx.deps,
    clock: {
      now() {
        throw new Error('the clock broke');
      },
    },
  });
}

describe('X-Request-Id', () => {
  it('is on every response: pages, API, feeds, assets, 404, 304', async () => {
    const paths = [
      '/',
      '/events',
      '/api/v1/events',
      '/api/openapi.json',
      '/calendar.ics',
      '/assets/app.css',
      '/assets/forms.js',
      '/healthz',
      '/no-such-page',
      '/api/v1/no-such-thing',
      '/admin',
    ];
    const seen = new Set<string>();
    for (const path of paths) {
      const res = await ctx.app.request(path);
      const id = res.headers.get('x-request-id');
      expect(id, `${path} (${res.status})`).toMatch(UUID);
      seen.add(id as string);
    }
    expect(seen.size, 'a new id per request').toBe(paths.length);

    const feed = await ctx.app.request('/calendar.ics');
    const etag = feed.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await ctx.app.request('/calendar.ics', {
      headers: { 'if-none-match': etag as string },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('x-request-id')).toMatch(UUID);
  });

  it('is on the 303 that sends an anonymous visitor to the login page', async () => {
    const res = await ctx.app.request('/admin/events');
    expect(res.status).toBe(303);
    expect(res.headers.get('x-request-id')).toMatch(UUID);
  });

  it("keeps a proxy's sane id and replaces one that is too long or has odd characters", async () => {
    const sane = 'edge-7f3a_91=';
    const kept = await ctx.app.request('/', { headers: { 'x-request-id': sane } });
    expect(kept.headers.get('x-request-id')).toBe(sane);
    for (const odd of ['x'.repeat(65), 'a b', 'id<script>', 'ä-id']) {
      const res = await ctx.app.request('/', { headers: { 'x-request-id': odd } });
      expect(res.headers.get('x-request-id'), odd).toMatch(UUID);
    }
  });

  it('is in the API error body, equal to the header', async () => {
    const res = await ctx.app.request('/api/v1/events/no-such-event');
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: Record<string, unknown> };
    expect(body.error).toEqual({
      code: 'not_found',
      message: expect.any(String),
      requestId: res.headers.get('x-request-id'),
    });
  });

  it('is shown on error pages, with a line saying what to do with it, in both languages', async () => {
    const et = await ctx.app.request('/no-such-page');
    const etHtml = await et.text();
    expect(et.status).toBe(404);
    expect(etHtml).toContain('Kui teatad sellest veast, lisa see kood:');
    expect(etHtml).toContain(`<code>${et.headers.get('x-request-id')}</code>`);

    const en = await ctx.app.request('/no-such-page?lang=en');
    const enHtml = await en.text();
    expect(enHtml).toContain('If you report this error, include this code:');
    expect(enHtml).toContain(`<code>${en.headers.get('x-request-id')}</code>`);
    expect(enHtml).not.toContain('Kui teatad');
  });

  it('is on the 500 page and the 500 JSON, and in the error log line', async () => {
    const app = brokenApp();
    const page = await app.request('/');
    expect(page.status).toBe(500);
    const pageId = page.headers.get('x-request-id') as string;
    expect(pageId).toMatch(UUID);
    expect(await page.text()).toContain(`<code>${pageId}</code>`);
    expect(lines(ctx.log)).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'unhandled error', requestId: pageId }),
    );

    const api = await app.request('/api/v1/events');
    expect(api.status).toBe(500);
    const apiId = api.headers.get('x-request-id');
    expect(await api.json()).toEqual({
      error: { code: 'internal', message: 'Internal error', requestId: apiId },
    });
  });

  it('is on the 503 a lost database gives, in its JSON and its page', async () => {
    const gone = await createTestContext();
    await gone.close();
    const api = await gone.app.request('/api/v1/events/some-event');
    expect(api.status).toBe(503);
    const id = api.headers.get('x-request-id');
    expect(id).toMatch(UUID);
    expect(((await api.json()) as { error: { requestId: string } }).error.requestId).toBe(id);
    const page = await gone.app.request('/events/some-event');
    expect(page.status).toBe(503);
    expect(await page.text()).toContain(`<code>${page.headers.get('x-request-id')}</code>`);
    expect(lines(gone.log)).toContainEqual(
      expect.objectContaining({ message: 'database unavailable', requestId: id }),
    );
  });
});

describe('the access log', () => {
  it('writes one line per request: method, route pattern, status, duration, request id', async () => {
    const res = await ctx.app.request('/events/no-such-event?lang=en', {
      headers: { 'x-request-id': 'access-1' },
    });
    expect(res.status).toBe(404);
    const mine = accessLines(ctx.log, 'access-1');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toEqual({
      time: expect.any(String),
      level: 'info',
      message: 'request',
      requestId: 'access-1',
      method: 'GET',
      route: '/events/:slug',
      status: 404,
      ms: expect.any(Number),
    });
  });

  it('names the pattern, so tokens, query strings and emails never reach the log', async () => {
    const token = 'SecretManageToken_0123456789abcdefghijklmnopq';
    const email = 'someone.private@example.ee';
    const requests: [string, string, RequestInit?][] = [
      [`/registrations/${token}`, '/registrations/:token'],
      [`/feeds/${token}/calendar.ics`, '/feeds/:token/calendar.ics'],
      [`/admin/password-reset/${token}`, '/admin/password-reset/:token'],
      [`/archive?q=${encodeURIComponent(email)}`, '/archive'],
      [
        '/admin/password-reset',
        '/admin/password-reset',
        {
          method: 'POST',
          headers: {
            origin: 'https://koda.test',
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: `email=${encodeURIComponent(email)}`,
        },
      ],
    ];
    for (const [index, [path, route, init]] of requests.entries()) {
      const requestId = `secret-${index}`;
      await ctx.app.request(path, {
        ...init,
        headers: { ...(init?.headers as Record<string, string>), 'x-request-id': requestId },
      });
      const [line, ...more] = accessLines(ctx.log, requestId);
      expect(line, path).toMatchObject({ route });
      expect(more, path).toEqual([]);
    }
    const logged = ctx.log.lines.join('\n');
    expect(logged).not.toContain(token);
    expect(logged).not.toContain(email);
    expect(logged).not.toContain('someone.private');
  });

  it('names the request id in lines the request writes besides its own access line', async () => {
    const app = brokenApp();
    await app.request('/', { headers: { 'x-request-id': 'broken-1' } });
    const mine = lines(ctx.log).filter((line) => line.requestId === 'broken-1');
    expect(mine.map((line) => line.message)).toEqual(['unhandled error', 'request']);
    expect(mine[1]).toMatchObject({ route: '/', status: 500 });
  });

  it('follows LOG_LEVEL: at warn, requests that went well write nothing', async () => {
    const written: string[] = [];
    const app = createApp({ ...ctx.deps, log: createLog('warn', (line) => written.push(line)) });
    expect((await app.request('/')).status).toBe(200);
    expect((await app.request('/no-such-page')).status).toBe(404);
    expect(written).toEqual([]);
    const info = createApp({ ...ctx.deps, log: createLog('info', (line) => written.push(line)) });
    await info.request('/');
    expect(written).toHaveLength(1);
  });
});

describe('error codes', () => {
  it('are all listed in /api/openapi.json, with the request id in the error body', async () => {
    const doc = (await (await ctx.app.request('/api/openapi.json')).json()) as {
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    const error = doc.components.schemas.Error?.properties.error as {
      properties: Record<string, { enum?: string[] }>;
      required: string[];
    };
    expect(error.properties.code?.enum?.slice().sort()).toEqual([...ERROR_CODES].sort());
    expect(error.properties.requestId).toMatchObject({ type: 'string' });
    expect(error.required).toEqual(expect.arrayContaining(['code', 'message', 'requestId']));
  });

  it('each has a message in every language', () => {
    for (const lang of languages) {
      for (const code of ERROR_CODES) {
        const message = catalogues[lang][errorMessageKey(code)];
        expect(typeof message === 'string' && message.trim().length > 0, `${lang} ${code}`).toBe(
          true,
        );
      }
    }
    // The two languages do not share a message: each one is written, not copied.
    for (const code of ERROR_CODES) {
      expect(catalogues.et[errorMessageKey(code)], code).not.toBe(
        catalogues.en[errorMessageKey(code)],
      );
    }
  });
});
