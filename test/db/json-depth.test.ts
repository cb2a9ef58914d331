import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectJson, MAX_JSON_DEPTH } from '@/platform/http/api-router';
import { createTestContext, type TestContext } from '../helpers/app';

/** Deeply nested JSON bodies (issue 21, finding 11): a 400 before any recursive walk, never a 500. */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
const deepObject = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

describe('deeply nested JSON bodies', () => {
  it.each([
    ['POST', '/api/v1/events'],
    ['POST', '/api/v1/events/mottekoda-keilas/registrations'],
    ['PATCH', '/api/v1/events/mottekoda-keilas'],
    ['PUT', '/api/v1/events/mottekoda-keilas/agenda'],
    ['POST', '/api/v1/municipalities/keila/plans'],
  ])('%s %s answers 400 malformed_json, not 500', async (method, path) => {
    for (const body of [deep(5000), deepObject(5000)]) {
      const res = await ctx.app.request(path, {
        method,
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(res.status).not.toBe(500);
      if (res.status === 400) {
        expect((await res.json()).error.code).toBe('malformed_json');
      } else {
        // Anonymous writes may be refused (401) before the body is read at all.
        expect(res.status).toBe(401);
      }
    }
    expect(ctx.log.lines.join('\n')).not.toContain('unhandled error');
  });

  it('walks without recursion and stops at the depth limit', () => {
    expect(inspectJson(JSON.parse(deep(MAX_JSON_DEPTH)))).toEqual({
      tooDeep: false,
      withNul: [],
      overLimit: [],
    });
    expect(inspectJson(JSON.parse(deep(MAX_JSON_DEPTH + 1))).tooDeep).toBe(true);
    expect(inspectJson(JSON.parse(deep(100_000))).tooDeep).toBe(true);
    expect(inspectJson({ a: [{ b: 'x\u0000' }, 'ok'], c: '\u0000' }).withNul).toEqual([
      'a.0.b',
      'c',
    ]);
  });
});
