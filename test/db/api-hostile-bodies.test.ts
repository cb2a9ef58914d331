import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  inspectJson,
  MAX_JSON_DEPTH,
  MAX_JSON_ITEMS,
  MAX_JSON_KEYS,
  MAX_JSON_STRING,
} from '@/platform/http/api-router';
import { createTestContext, type TestContext } from '../helpers/app';
import { bearerFor } from '../helpers/auth';

/**
 * Bounded JSON (issue "Every published format", point 3): whatever shape a body has, every write
 * route answers a documented 4xx (the contract check of test/helpers/app.ts holds each answer
 * against the OpenAPI document), never a 5xx, and logs no unhandled error. Sent by an admin, so
 * the bodies reach validation rather than stopping at 401.
 */
let ctx: TestContext;
let admin: string;

type Schema = { properties?: Record<string, unknown>; items?: Schema };
type Operation = { requestBody?: { content: Record<string, { schema: Schema }> } };
let writes: { method: string; path: string; keys: string[] }[];

/** Paths of the demo's Keila think tank and its municipality; ids 1 exist in the demo. */
const concrete = (template: string) =>
  template
    .replace('{slug}', template.startsWith('/municipalities') ? 'keila' : 'mottekoda-keilas')
    .replace('{id}', '1');

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  admin = await bearerFor(ctx, { role: 'admin' });
  const doc = (await (await ctx.app.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, Schema> };
  };
  const resolve = (schema: Schema & { $ref?: string }): Schema =>
    schema.$ref ? (doc.components.schemas[schema.$ref.split('/').pop()!] ?? {}) : schema;
  writes = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      // Operations that take JSON (captions take text/vtt: test/db/captions.test.ts refuses theirs).
      .filter(([, operation]) => operation.requestBody?.content['application/json'])
      .map(([method, operation]) => {
        let schema = resolve(operation.requestBody!.content['application/json']!.schema);
        if (schema.items) schema = resolve(schema.items);
        return {
          method: method.toUpperCase(),
          path: concrete(path),
          keys: Object.keys(schema.properties ?? {}),
        };
      }),
  );
});
afterAll(() => ctx.close());

const text = (value: unknown) => JSON.stringify(value);
const manyKeys = (n: number) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));

/** Bodies no client should send, written as raw text where JSON.stringify could not. */
const HOSTILE: [string, string | Blob][] = [
  ['null', 'null'],
  ['a bare string', '"x"'],
  ['a bare number', '0'],
  ['an empty object', '{}'],
  ['an empty array', '[]'],
  ['an empty body', ''],
  ['a byte order mark', '\uFEFF{}'],
  ['invalid UTF-8', new Blob([new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])])],
  ['1e400', '{"title": 1e400, "capacity": 1e400, "progress": -1e400, "offsetSeconds": 1e400}'],
  ['1e-400 and huge integers', '{"capacity": 1e-400, "progress": 123456789012345678901234567890}'],
  ['__proto__', '{"__proto__": {"role": "admin", "published": true}, "title": "x"}'],
  ['constructor.prototype', '{"constructor": {"prototype": {"isAdmin": true}}}'],
  ['a NUL in a key and a value', '{"ti\\u0000tle": "a\\u0000b", "title": "\\u0000"}'],
  ['a lone surrogate', '{"title": "\\ud800", "name": "\\udfff x", "note": "\\ud83d"}'],
  ['duplicate keys', '{"title": "a", "title": 5, "title": null}'],
  ['a huge array', text(Array.from({ length: 100_000 }, () => 1))],
  ['an array one over the limit', text(Array.from({ length: MAX_JSON_ITEMS + 1 }, () => ({})))],
  ['a huge object', text(manyKeys(10_000))],
  ['an object one over the limit', text(manyKeys(MAX_JSON_KEYS + 1))],
  ['a string one over the limit', text({ title: 'x'.repeat(MAX_JSON_STRING + 1) })],
  ['a long string of emoji', text({ title: '😀'.repeat(60_000) })],
  ['nesting at the limit', '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)],
  ['nesting beyond it', '{"a":'.repeat(5000) + '1' + '}'.repeat(5000)],
  ['unclosed nesting', '['.repeat(100_000)],
  ['wrong types everywhere', text({ title: [], startsAt: {}, hosts: 'keila', capacity: '5' })],
  ['dates out of range', text({ startsAt: '99999-01-01T00:00', endsAt: '0000-00-00', date: '-1' })],
];

/** Objects with the route's own field names holding any JSON at all, and any JSON at all. */
function randomBodies(keys: string[], seed: number): string[] {
  const value = fc.jsonValue({ maxDepth: 4 });
  const shaped =
    keys.length > 0
      ? fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length })
      : fc.object();
  return [
    ...fc.sample(shaped, { numRuns: 6, seed }),
    ...fc.sample(fc.jsonValue({ maxDepth: 6 }), { numRuns: 3, seed: seed + 1 }),
    ...fc.sample(fc.array(shaped, { maxLength: 4 }), { numRuns: 1, seed: seed + 2 }),
  ].map((body) => JSON.stringify(body) ?? 'null');
}

describe('hostile JSON bodies', () => {
  it('never answer 5xx on any write route', { timeout: 300_000 }, async () => {
    expect(writes.length).toBeGreaterThan(15);
    const statuses = new Set<number>();
    for (const [index, { method, path, keys }] of writes.entries()) {
      const bodies: [string, string | Blob][] = [
        ...HOSTILE,
        ...randomBodies(keys, 1000 + index).map(
          (body, i) => [`random ${i}`, body] as [string, string],
        ),
      ];
      for (const [what, body] of bodies) {
        const res = await ctx.app.request(`/api/v1${path}`, {
          method,
          headers: {
            authorization: admin,
            'content-type': 'application/json',
            'x-forwarded-for': `10.99.${index}.1`,
          },
          body,
        });
        expect(
          res.status,
          `${method} ${path} with ${what}: ${await res.clone().text()}`,
        ).toBeLessThan(500);
        statuses.add(res.status);
      }
    }
    expect(
      [...statuses].every((status) =>
        [200, 201, 400, 404, 409, 410, 413, 415, 422, 429].includes(status),
      ),
    ).toBe(true);
    expect(ctx.log.lines.join('\n')).not.toContain('unhandled error');
  });

  it('name the field over each limit, in one walk of the body', async () => {
    const res = await ctx.app.request('/api/v1/events/mottekoda-keilas/agenda', {
      method: 'PUT',
      headers: { authorization: admin, 'content-type': 'application/json' },
      body: text([
        {
          title: 'x'.repeat(MAX_JSON_STRING + 1),
          speakers: Array.from({ length: 2000 }, () => 'a'),
        },
        manyKeys(500),
        { offset: 0 },
      ]).replace('"offset":0', '"offset":1e400'),
    });
    expect(res.status).toBe(422);
    const error = (await res.json()).error;
    expect(error.code).toBe('invalid_fields');
    expect(error.details).toEqual([
      { path: '0.title', message: `Text may be at most ${MAX_JSON_STRING} characters` },
      { path: '0.speakers', message: `At most ${MAX_JSON_ITEMS} items` },
      { path: '1', message: `At most ${MAX_JSON_KEYS} keys` },
      { path: '2.offset', message: 'Number out of range' },
    ]);
  });

  it('are walked once, stopping at the limits', () => {
    expect(inspectJson({ a: ['x'.repeat(MAX_JSON_STRING)], b: manyKeys(MAX_JSON_KEYS) })).toEqual({
      tooDeep: false,
      withNul: [],
      overLimit: [],
    });
    expect(inspectJson(Array.from({ length: MAX_JSON_ITEMS }, () => 0)).overLimit).toEqual([]);
    expect(
      inspectJson({ list: Array.from({ length: MAX_JSON_ITEMS + 1 }, () => 0) }).overLimit,
    ).toEqual([{ path: 'list', message: `At most ${MAX_JSON_ITEMS} items` }]);
    expect(inspectJson(JSON.parse('{"n": [1e400, -1e400]}')).overLimit).toEqual([
      { path: 'n.0', message: 'Number out of range' },
      { path: 'n.1', message: 'Number out of range' },
    ]);
    expect(inspectJson('x'.repeat(MAX_JSON_STRING + 1)).overLimit).toEqual([
      { path: '(body)', message: `Text may be at most ${MAX_JSON_STRING} characters` },
    ]);
  });
});
