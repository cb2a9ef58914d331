import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from '@/platform/deps';
import { HttpError, invalidFields, issuesToDetails, notFound, type ErrorDetail } from './errors';

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

/** An operation of the API as its OpenAPI description declares it. */
type DescribedOperation = { method: string; pattern: RegExp; isPublic: boolean };

/** `/events/{slug}/items.csv` → a RegExp matching the path below the API's base. */
function pathPattern(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/** What a browser on another site may send when reading the public API. */
const publicReadCors = cors({
  origin: '*',
  allowMethods: ['GET', 'HEAD', 'OPTIONS'],
  allowHeaders: ['Accept', 'Accept-Language', 'If-None-Match', 'If-Modified-Since'],
  exposeHeaders: ['ETag', 'Last-Modified', 'Retry-After', 'X-Request-Id'],
  maxAge: 86_400,
});

/**
 * Who may call what, decided from the router's own OpenAPI description before anything reads
 * the body: an operation with `security: []` is public, every other one needs a user (session
 * or bearer token), so an anonymous write is 401 whatever its body (RFC 6750). Public reads
 * (GET, HEAD) answer CORS for any origin without credentials, and their preflight `OPTIONS`
 * is answered here; writes, organizer reads and unknown paths get no CORS. Public reads are
 * `Cross-Origin-Resource-Policy: cross-origin` (the app's default is `same-origin`).
 * `base` is where the router is mounted (`/api/v1`).
 */
export function apiAccess(router: OpenAPIHono<AppEnv>, base: string): MiddlewareHandler<AppEnv> {
  let operations: DescribedOperation[] | undefined;
  const described = () =>
    (operations ??= router.openAPIRegistry.definitions.flatMap((definition) =>
      definition.type === 'route'
        ? [
            {
              method: definition.route.method.toUpperCase(),
              pattern: pathPattern(definition.route.path),
              isPublic: Array.isArray(definition.route.security)
                ? definition.route.security.length === 0
                : false,
            },
          ]
        : [],
    ));
  const find = (method: string, path: string) =>
    described().find((operation) => operation.method === method && operation.pattern.test(path));

  return async (c, next) => {
    if (!c.req.path.startsWith(`${base}/`)) return next();
    const path = c.req.path.slice(base.length);
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    if (method === 'OPTIONS') {
      return find('GET', path)?.isPublic ? publicReadCors(c, next) : next();
    }
    const operation = find(method, path);
    if (operation && !operation.isPublic && !c.get('user')) {
      throw new HttpError('unauthorized', 'Log in or send an API token');
    }
    if (method === 'GET' && operation?.isPublic) {
      await publicReadCors(c, next);
      c.res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
      return;
    }
    await next();
  };
}

/** The media types of an operation's body as its OpenAPI description declares them. */
type DescribedBody = { method: string; pattern: RegExp; types: string[] };

/**
 * Writes must send JSON: anything else is 415, and a body that does not parse is 400. An
 * operation whose description declares only other types (captions take `text/vtt`) must be sent
 * as one of them (415 otherwise) and reads its body itself.
 */
export function requireJsonBody(
  router?: OpenAPIHono<AppEnv>,
  base = '',
): MiddlewareHandler<AppEnv> {
  let bodies: DescribedBody[] | undefined;
  const declaredTypes = (method: string, path: string) =>
    (bodies ??= (router?.openAPIRegistry.definitions ?? []).flatMap((definition) => {
      const content = definition.type === 'route' ? definition.route.request?.body?.content : null;
      return definition.type === 'route' && content
        ? [
            {
              method: definition.route.method.toUpperCase(),
              pattern: pathPattern(definition.route.path),
              types: Object.keys(content),
            },
          ]
        : [];
    })).find((body) => body.method === method && body.pattern.test(path))?.types;

  return async (c, next) => {
    if (['POST', 'PUT', 'PATCH'].includes(c.req.method)) {
      const type = c.req.header('content-type') ?? '';
      const types = declaredTypes(c.req.method, c.req.path.slice(base.length));
      if (types && types.length > 0 && !types.some((declared) => /json/i.test(declared))) {
        const sent = type.split(';')[0]?.trim().toLowerCase() ?? '';
        if (!types.includes(sent)) {
          throw new HttpError('unsupported_media_type', `Send the body as ${types.join(' or ')}`);
        }
        return next();
      }
      if (!/^application\/(.+\+)?json\b/i.test(type)) {
        throw new HttpError('unsupported_media_type', 'Send the body as application/json');
      }
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        throw new HttpError('malformed_json', 'The body is not valid JSON');
      }
      const { tooDeep, withNul, overLimit } = inspectJson(body);
      if (tooDeep) {
        throw new HttpError(
          'malformed_json',
          `The body nests deeper than ${MAX_JSON_DEPTH} levels`,
        );
      }
      const details = [
        ...withNul.map((path) => ({ path, message: 'Text may not contain a NUL character' })),
        ...overLimit,
      ];
      if (details.length > 0) throw invalidFields(details.slice(0, MAX_JSON_DETAILS));
    }
    await next();
  };
}

/** How deeply a JSON body may nest: far beyond any body Koda takes, far below the stack. */
export const MAX_JSON_DEPTH = 32;
/** The most keys one object may have: no body Koda takes has a tenth of them. */
export const MAX_JSON_KEYS = 100;
/** The most items one array may have (an agenda takes 100, chapters 500). */
export const MAX_JSON_ITEMS = 1000;
/** The longest string, in UTF-16 units: the longest field Koda takes (a plan import) is 100,000. */
export const MAX_JSON_STRING = 100_000;
/** A refusal names at most this many fields: a body of a thousand bad values gets a short answer. */
const MAX_JSON_DETAILS = 20;

/**
 * Walks a parsed JSON body once, without recursion, for what no route takes whatever its schema:
 * `tooDeep` when it nests beyond MAX_JSON_DEPTH (the walk stops there); the paths (`a.0.b`) of
 * strings holding U+0000, which no text column can store; and `overLimit`, a field each for an
 * object with more than MAX_JSON_KEYS keys, an array longer than MAX_JSON_ITEMS, a string longer
 * than MAX_JSON_STRING and a number JSON wrote beyond a double's range (`1e400`).
 */
export function inspectJson(body: unknown): {
  tooDeep: boolean;
  withNul: string[];
  overLimit: ErrorDetail[];
} {
  const withNul: string[] = [];
  const overLimit: ErrorDetail[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value: body, path: '', depth: 0 },
  ];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    const field = path || '(body)';
    if (typeof value === 'string') {
      if (value.length > MAX_JSON_STRING) {
        overLimit.push({
          path: field,
          message: `Text may be at most ${MAX_JSON_STRING} characters`,
        });
      } else if (value.includes('\u0000')) withNul.push(field);
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) overLimit.push({ path: field, message: 'Number out of range' });
    } else if (value !== null && typeof value === 'object') {
      if (depth >= MAX_JSON_DEPTH) return { tooDeep: true, withNul, overLimit };
      const entries = Array.isArray(value)
        ? value.map((item, index) => [String(index), item] as const)
        : Object.entries(value);
      if (Array.isArray(value) && entries.length > MAX_JSON_ITEMS) {
        overLimit.push({ path: field, message: `At most ${MAX_JSON_ITEMS} items` });
        continue;
      }
      if (!Array.isArray(value) && entries.length > MAX_JSON_KEYS) {
        overLimit.push({ path: field, message: `At most ${MAX_JSON_KEYS} keys` });
        continue;
      }
      for (const [key, item] of entries.reverse()) {
        stack.push({ value: item, path: path ? `${path}.${key}` : key, depth: depth + 1 });
      }
    }
  }
  return { tooDeep: false, withNul, overLimit };
}
