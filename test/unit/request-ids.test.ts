import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '@/platform/deps';
import { requestIds } from '@/platform/http/middleware';

describe('requestIds()', () => {
  it('puts X-Request-Id on responses built outside the context, as a handler or onError may', async () => {
    const app = new Hono<AppEnv>();
    app.use(requestIds());
    app.get('/raw', () => new Response('raw'));
    app.get('/thrown', () => {
      throw new Error('thrown');
    });
    app.onError(() => new Response('failed', { status: 500 }));
    for (const path of ['/raw', '/thrown']) {
      const res = await app.request(path, { headers: { 'x-request-id': `id-${path.slice(1)}` } });
      expect(res.headers.get('x-request-id'), path).toBe(`id-${path.slice(1)}`);
    }
  });
});
