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
      const withNul = pathsWithNul(body);
      if (withNul.length > 0) {
        throw invalidFields(
          withNul.map((path) => ({ path, message: 'Text may not contain a NUL character' })),
        );
      }
    }
    await next();
  };
}

/** The paths (`a.0.b`) of strings holding U+0000, which no text column can store. */
function pathsWithNul(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path || '(body)'] : [];
  if (Array.isArray(value)) {
    return value.flatMap((item, index) =>
      pathsWithNul(item, path ? `${path}.${index}` : `${index}`),
    );
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      pathsWithNul(item, path ? `${path}.${key}` : key),
    );
  }
  return [];
}
