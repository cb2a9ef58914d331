/**
 * The request path over real HTTP (issue 22): what `app.request` in other tests does not go
 * through. A body is judged by its declared length without asking the Node adapter for the
 * body stream, and read straight from the socket by the handler.
 */
import { serve } from '@hono/node-server';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '@/app';
import { municipalities } from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';
import { body, freshAddress, makeEvent, outboxFor } from './registrations-fixtures';

let ctx: TestContext;
let server: Server;
let base: string;

beforeAll(async () => {
  ctx = await createTestContext({ config: { TRUST_PROXY: 'true' } });
  await ctx.deps.db
    .insert(municipalities)
    .values({ slug: 'keila', name: 'Keila linn', kind: 'city' })
    .onConflictDoNothing();
  server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: ctx.app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(s as Server),
    ) as Server;
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await ctx.close();
});

function post(path: string, payload: BodyInit, headers: Record<string, string> = {}) {
  return fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...freshAddress(), ...headers },
    body: payload,
    ...(payload instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
}

describe('a request body over HTTP', () => {
  it('is read when its declared length is within the limit: a registration with its email', async () => {
    const event = await makeEvent(ctx);
    const res = await post(
      `/api/v1/events/${event.slug}/registrations`,
      JSON.stringify(body({ email: 'http-body@example.ee' })),
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ status: 'confirmed' });
    const [email] = await outboxFor(ctx.deps.db, 'http-body@example.ee');
    expect(email?.text).toContain('/registrations/');
  });

  it('is refused with 413 by its declared length, before a byte of it is sent', async () => {
    const event = await makeEvent(ctx);
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = httpRequest(
        `${base}/api/v1/events/${event.slug}/registrations?lang=en`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': String(MAX_BODY_BYTES + 1),
            ...freshAddress(),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, text });
            request.destroy();
          });
        },
      );
      request.on('error', reject);
      request.flushHeaders();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text).error).toMatchObject({ code: 'payload_too_large' });
  });

  it('is read when sent without a length (chunked), within the limit', async () => {
    const event = await makeEvent(ctx);
    const text = JSON.stringify(body({ email: 'http-chunked@example.ee' }));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(text));
        controller.close();
      },
    });
    const res = await post(`/api/v1/events/${event.slug}/registrations`, stream);
    expect(res.status).toBe(201);
    expect(await outboxFor(ctx.deps.db, 'http-chunked@example.ee')).toHaveLength(1);
  });
});
