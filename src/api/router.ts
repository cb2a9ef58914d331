import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps';
import { HttpError, invalidFields, issuesToDetails, notFound } from '../lib/http';

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
        throw new HttpError(415, 'unsupported_media_type', 'Send the body as application/json');
      }
      try {
        await c.req.json();
      } catch {
        throw new HttpError(400, 'malformed_json', 'The body is not valid JSON');
      }
    }
    await next();
  };
}
