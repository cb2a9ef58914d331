import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '@/platform/deps';
import { HttpError, invalidFields, issuesToDetails, notFound } from './errors';

/**
 * A router for part of /api/v1. Features build theirs with this and describe every route
 * with createRoute(); validation failures become the 422 error body with each field named,
 * except in the path: an id that cannot exist (`abc`, `0`, beyond int4) names no resource, 404.
 */
export function createApiRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      if (result.target === 'param') throw notFound();
      throw invalidFields(issuesToDetails(result.error.issues));
    },
  });
}

/** Writes must send JSON: anything else is 415, and a body that does not parse is 400. */
export function requireJsonBody(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (['POST', 'PUT', 'PATCH'].includes(c.req.method)) {
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/(.+\+)?json\b/i.test(type)) {
        throw new HttpError('unsupported_media_type', 'Send the body as application/json');
      }
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        throw new HttpError('malformed_json', 'The body is not valid JSON');
      }
      const { tooDeep, withNul } = inspectJson(body);
      if (tooDeep) {
        throw new HttpError(
          'malformed_json',
          `The body nests deeper than ${MAX_JSON_DEPTH} levels`,
        );
      }
      if (withNul.length > 0) {
        throw invalidFields(
          withNul.map((path) => ({ path, message: 'Text may not contain a NUL character' })),
        );
      }
    }
    await next();
  };
}

/** How deeply a JSON body may nest: far beyond any body Koda takes, far below the stack. */
export const MAX_JSON_DEPTH = 32;

/**
 * Walks a parsed JSON body once, without recursion: the paths (`a.0.b`) of strings holding
 * U+0000, which no text column can store, or `tooDeep` when it nests beyond MAX_JSON_DEPTH.
 */
export function inspectJson(body: unknown): { tooDeep: boolean; withNul: string[] } {
  const withNul: string[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value: body, path: '', depth: 0 },
  ];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) withNul.push(path || '(body)');
    } else if (value !== null && typeof value === 'object') {
      if (depth >= MAX_JSON_DEPTH) return { tooDeep: true, withNul };
      const entries = Array.isArray(value)
        ? value.map((item, index) => [String(index), item] as const)
        : Object.entries(value);
      for (const [key, item] of entries.reverse()) {
        stack.push({ value: item, path: path ? `${path}.${key}` : key, depth: depth + 1 });
      }
    }
  }
  return { tooDeep: false, withNul };
}
