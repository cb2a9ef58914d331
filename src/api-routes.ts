import type { OpenAPIHono } from '@hono/zod-openapi';
import { Hono } from 'hono';
import type { AppEnv } from '@/platform/deps';
import { eventsApi } from '@/events';
import { recordingsApi } from '@/recordings';
import { registrationApi } from '@/registrations';
import { outcomesApi } from '@/outcomes';
import { plansApi } from '@/plans';
import { createApiRouter, requireJsonBody } from '@/platform/http/api-router';
import { cachePublicReads, documentPublicReadCaching } from '@/platform/http/conditional';
import { documentTokenRefusals, TOKEN_SECURITY_DESCRIPTION } from '@/platform/http/openapi';
import { requireTokenScope } from '@/platform/auth/scopes';
import { apiScopeOf } from './api-scopes';

/** Every feature's API, mounted under /api/v1; the OpenAPI 3.1 document at /api/openapi.json. */
export function apiRoutes() {
  const v1 = createApiRouter();
  // A token's scope is checked before the body is read: a token without it learns nothing more.
  v1.use(requireTokenScope('/api/v1', apiScopeOf));
  // Public reads carry an ETag and short public caching, 304 when current (outside apiAccess).
  v1.use(cachePublicReads());
  v1.use(requireJsonBody());
  const features: OpenAPIHono<AppEnv>[] = [
    eventsApi(),
    recordingsApi(),
    registrationApi(),
    outcomesApi(),
    plansApi(),
  ];
  for (const feature of features) v1.route('/', feature);
  documentPublicReadCaching(v1);
  documentTokenRefusals(v1);
  v1.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: TOKEN_SECURITY_DESCRIPTION,
  });

  const api = new Hono<AppEnv>();
  api.route('/v1', v1);
  api.get('/openapi.json', (c) =>
    c.json(
      v1.getOpenAPI31Document({
        openapi: '3.1.0',
        info: {
          title: 'Koda API',
          version: '1.0.0',
          description:
            'Events, agendas, registrations, recordings, outcomes and action plans of public deliberation. ' +
            'Write endpoints need `Authorization: Bearer <token>` (see `npm run cli -- token:create`).',
        },
        servers: [{ url: `${c.get('deps').config.publicUrl}/api/v1` }],
      }),
    ),
  );
  return api;
}
