import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/app';
import { bearerFor } from '../helpers/auth';
import { assertKeepsContract } from '../helpers/openapi-contract';

/**
 * The API's published contract (issue "Every published format", points 1 and 2): the document
 * names every operation with its security, anonymous writes are refused before their body is
 * read, 401s say how to authenticate, and public reads are open to other origins.
 */
let ctx: TestContext;
let admin: string;

type Operation = {
  operationId?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, unknown>; headers?: object }>;
  requestBody?: unknown;
};
type Document = { paths: Record<string, Record<string, Operation>> };
let doc: Document;

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      operation,
    })),
  );

/** A concrete path for a template: the demo's Keila event, its municipality, id 1. */
const concrete = (template: string) =>
  template
    .replace('{slug}', template.startsWith('/municipalities') ? 'keila' : 'mottekoda-keilas')
    .replace('{id}', '1')
    .replace('{token}', 'no-such-token');

const PUBLIC = [
  'GET /events',
  'GET /events/{slug}',
  'GET /events/{slug}/attachments',
  'GET /outcomes/{id}/attachments',
  'GET /plans/{id}/attachments',
  'GET /plan-items/{id}/attachments',
  'GET /municipalities',
  'GET /plans',
  'GET /plans/{id}',
  'GET /plans/{id}/items.csv',
  'GET /recordings',
  'GET /search',
  'POST /events/{slug}/registrations',
  'DELETE /registrations/{token}',
  'POST /follows',
];

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  admin = await bearerFor(ctx, { role: 'admin' });
  doc = (await (await ctx.app.request('/api/openapi.json')).json()) as Document;
});
afterAll(() => ctx.close());

describe('the OpenAPI document', () => {
  it('gives every operation a unique operationId, a tag and its security', () => {
    const ids = operations().map(({ operation }) => operation.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { method, path, operation } of operations()) {
      expect(operation.tags?.length, `${method} ${path}`).toBe(1);
      expect(operation.security, `${method} ${path}`).toBeDefined();
    }
    const open = operations()
      .filter(({ operation }) => operation.security?.length === 0)
      .map(({ method, path }) => `${method} ${path}`);
    expect(open.sort()).toEqual([...PUBLIC].sort());
    for (const { method, path, operation } of operations()) {
      if (!PUBLIC.includes(`${method} ${path}`)) {
        expect(operation.security, `${method} ${path}`).toEqual([{ bearerAuth: [] }]);
      }
    }
  });

  it('documents the refusals every write can answer, with the shared Error body', () => {
    const errorRef = { $ref: '#/components/schemas/Error' };
    for (const { method, path, operation } of operations()) {
      const statuses = Object.keys(operation.responses);
      const expected = ['401', '403', '503'];
      if (operation.requestBody) expected.push('400', '413', '415', '422');
      if (path.includes('{')) expected.push('404');
      expect(statuses, `${method} ${path}`).toEqual(expect.arrayContaining(expected));
      for (const status of statuses.filter((s) => Number(s) >= 400)) {
        const content = operation.responses[status]?.content ?? {};
        expect(content['application/json'], `${method} ${path} ${status}`).toEqual({
          schema: errorRef,
        });
      }
      expect(operation.responses['401']?.headers, `${method} ${path}`).toHaveProperty(
        'WWW-Authenticate',
      );
    }
    const register = doc.paths['/events/{slug}/registrations']!.post!;
    expect(Object.keys(register.responses)).toEqual(expect.arrayContaining(['409', '410', '429']));
  });

  it('is what the contract check holds answers to, and it refuses a broken answer', async () => {
    const request = (path: string) => ctx.app.request(path);
    const url = new URL('http://localhost/api/v1/municipalities');
    const answer = (status: number, body: unknown, type = 'application/json') =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
    await expect(
      assertKeepsContract(request, 'GET', url, answer(200, [])),
    ).resolves.toBeUndefined();
    await expect(assertKeepsContract(request, 'GET', url, answer(418, []))).rejects.toThrow(
      /status 418 is not documented/,
    );
    await expect(
      assertKeepsContract(request, 'GET', url, answer(200, [], 'text/html')),
    ).rejects.toThrow(/answered as text\/html/);
    await expect(
      assertKeepsContract(request, 'GET', url, answer(200, [{ slug: 'keila' }])),
    ).rejects.toThrow(/must have required property/);
    const keila = await (await ctx.app.request('/api/v1/municipalities')).json();
    await expect(
      assertKeepsContract(request, 'GET', url, answer(200, [{ ...keila[0], secret: 1 }])),
    ).rejects.toThrow(/unevaluated properties.*secret/);
    await expect(
      assertKeepsContract(request, 'GET', new URL('http://localhost/api/v1/nope'), answer(200, {})),
    ).rejects.toThrow(/no documented operation/);
  });
});

describe('authentication before the body', () => {
  const bodies: [string, Record<string, string>, string | undefined][] = [
    ['a body that breaks every rule', { 'content-type': 'application/json' }, '{"title": 5}'],
    ['malformed JSON', { 'content-type': 'application/json' }, '{"title": '],
    ['a body that is not JSON', { 'content-type': 'text/plain' }, 'hello'],
    ['JSON nested too deep', { 'content-type': 'application/json' }, '['.repeat(50)],
    ['no body', {}, undefined],
  ];

  it('answers every anonymous call of an organizer operation 401, whatever the body', async () => {
    const organizerOperations = operations().filter(
      ({ method, path }) => !PUBLIC.includes(`${method} ${path}`),
    );
    expect(organizerOperations.length).toBeGreaterThan(15);
    for (const { method, path } of organizerOperations) {
      for (const [what, headers, body] of method === 'GET' ? bodies.slice(-1) : bodies) {
        const res = await ctx.app.request(`/api/v1${concrete(path)}`, { method, headers, body });
        expect(res.status, `${method} ${path} with ${what}`).toBe(401);
        expect(res.headers.get('www-authenticate')).toBe('Bearer realm="koda"');
        expect((await res.json()).error.code).toBe('unauthorized');
      }
    }
  });

  it('says a refused token is invalid (RFC 6750), on writes and reads', async () => {
    for (const [method, path] of [
      ['POST', '/api/v1/events'],
      ['GET', '/api/v1/events'],
    ] as const) {
      const res = await ctx.app.request(path, {
        method,
        headers: { authorization: 'Bearer not-a-token', 'content-type': 'application/json' },
        body: method === 'POST' ? '{' : undefined,
      });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(
        /^Bearer realm="koda", error="invalid_token"/,
      );
    }
  });

  it('still validates the body of a caller who may write', async () => {
    const res = await ctx.app.request('/api/v1/events', {
      method: 'POST',
      headers: { authorization: admin, 'content-type': 'application/json' },
      body: '{"title": 5}',
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('www-authenticate')).toBeNull();
  });
});

describe('CORS and cross-origin reads', () => {
  const origin = { origin: 'https://www.keila.ee' };

  it('lets any site read the public operations, without credentials', async () => {
    for (const path of PUBLIC.filter((p) => p.startsWith('GET ')).map((p) => p.slice(4))) {
      const res = await ctx.app.request(`/api/v1${concrete(path)}`, { headers: origin });
      expect(res.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(res.headers.get('access-control-allow-credentials'), path).toBeNull();
      expect(res.headers.get('access-control-expose-headers'), path).toContain('X-Request-Id');
      expect(res.headers.get('cross-origin-resource-policy'), path).toBe('cross-origin');
    }
    const missing = await ctx.app.request('/api/v1/events/no-such-event', { headers: origin });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-allow-origin')).toBe('*');
    const head = await ctx.app.request('/api/v1/events', { method: 'HEAD', headers: origin });
    expect(head.status).toBe(200);
    expect(head.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers the preflight of a public read with the methods and headers it allows', async () => {
    const res = await ctx.app.request('/api/v1/events/mottekoda-keilas', {
      method: 'OPTIONS',
      headers: {
        ...origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'accept-language',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toBe('GET,HEAD,OPTIONS');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'accept-language',
    );
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('gives writes, organizer reads and pages no CORS, and pages stay same-origin', async () => {
    const write = await ctx.app.request('/api/v1/events', {
      method: 'POST',
      headers: { ...origin, authorization: admin, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(write.status).toBe(422);
    expect(write.headers.get('access-control-allow-origin')).toBeNull();
    const register = await ctx.app.request('/api/v1/events/mottekoda-keilas/registrations', {
      method: 'POST',
      headers: { ...origin, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(register.headers.get('access-control-allow-origin')).toBeNull();
    const organizerRead = await ctx.app.request('/api/v1/events/mottekoda-keilas/registrations', {
      headers: { ...origin, authorization: admin },
    });
    expect(organizerRead.status).toBe(200);
    expect(organizerRead.headers.get('access-control-allow-origin')).toBeNull();
    expect(organizerRead.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    const preflight = await ctx.app.request('/api/v1/events', {
      method: 'OPTIONS',
      headers: { ...origin, 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-methods')).not.toContain('POST');
    const organizerPreflight = await ctx.app.request('/api/v1/events/mottekoda-keilas/messages', {
      method: 'OPTIONS',
      headers: { ...origin, 'access-control-request-method': 'GET' },
    });
    expect(organizerPreflight.headers.get('access-control-allow-origin')).toBeNull();
    const page = await ctx.app.request('/events', { headers: origin });
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
    expect(page.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });
});
