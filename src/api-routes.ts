import type { OpenAPIHono } from '@hono/zod-openapi';
import { Hono } from 'hono';
import type { AppEnv } from '@/platform/deps';
import { eventsApi } from '@/events';
import { recordingsApi } from '@/recordings';
import { captionsApi } from '@/captions';
import { searchApi } from '@/search';
import { registrationApi } from '@/registrations';
import { feedbackApi } from '@/feedback';
import { followsApi } from '@/follows';
import { outcomesApi } from '@/outcomes';
import { plansApi } from '@/plans';
import { documentsApi } from '@/documents';
import { apiAccess, createApiRouter, requireJsonBody } from '@/platform/http/api-router';
import { cachePublicReads, documentPublicReadCaching } from '@/platform/http/conditional';
import { documentTokenRefusals, TOKEN_SECURITY_DESCRIPTION } from '@/platform/http/openapi';
import { requireTokenScope } from '@/platform/auth/scopes';
import { apiScopeOf } from './api-scopes';

/** Every feature's API, mounted under /api/v1; the OpenAPI 3.1 document at /api/openapi.json. */
export function apiRoutes() {
  const v1 = v1Routes();
  const api = new Hono<AppEnv>();
  api.route('/v1', v1);
  api.get('/openapi.json', (c) => c.json(openApiDocument(v1, c.get('deps').config.publicUrl)));
  return api;
}

/** The document /api/openapi.json serves, for tools (`npm run lint:openapi`). */
export function apiDocument(publicUrl: string) {
  return openApiDocument(v1Routes(), publicUrl);
}

function v1Routes() {
  const v1 = createApiRouter();
  // A token's scope is checked before the body is read: a token without it learns nothing more.
  v1.use(requireTokenScope('/api/v1', apiScopeOf));
  // Public reads carry an ETag and short public caching, 304 when current (outside apiAccess).
  v1.use(cachePublicReads());
  // Who may call what (the operations' `security`), before any body is read: an anonymous
  // write is 401 whatever it sends; public reads answer CORS.
  v1.use(apiAccess(v1, '/api/v1'));
  v1.use(requireJsonBody(v1, '/api/v1'));
  const features: OpenAPIHono<AppEnv>[] = [
    eventsApi(),
    recordingsApi(),
    captionsApi(),
    searchApi(),
    registrationApi(),
    feedbackApi(),
    followsApi(),
    outcomesApi(),
    plansApi(),
    documentsApi(),
  ];
  for (const feature of features) v1.route('/', feature);
  documentPublicReadCaching(v1);
  documentTokenRefusals(v1);
  v1.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: TOKEN_SECURITY_DESCRIPTION,
  });
  return v1;
}

/** The OpenAPI 3.1 document of the API, its server at `publicUrl`. */
function openApiDocument(v1: OpenAPIHono<AppEnv>, publicUrl: string) {
  return v1.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Koda API',
      version: '1.0.0',
      description:
        'Events, agendas, registrations, recordings, outcomes and action plans of public deliberation. ' +
        'Write endpoints need `Authorization: Bearer <token>` (see `npm run cli -- token:create`).',
    },
    servers: [{ url: `${publicUrl}/api/v1` }],
    tags: [
      { name: 'Events', description: 'Meetings with their agendas, seats and hosts' },
      { name: 'Municipalities', description: 'The network’s municipalities' },
      { name: 'Registrations', description: 'Signing up, cancelling, and the organizers’ lists' },
      { name: 'Recordings', description: 'Webcasts and recordings, their chapters, the archive' },
      { name: 'Outcomes', description: 'Minutes, proposals, decisions and questions of a meeting' },
      { name: 'Action plans', description: 'Plans, their items and dated progress reports' },
      { name: 'Feedback', description: 'What attendees said after an event (for its organizers)' },
      { name: 'Follows', description: 'Following news by email, without an account' },
      { name: 'Search', description: 'One search over everything public, captions included' },
      {
        name: 'Documents',
        description: 'Agendas, slides, minutes and other files of events, outcomes and plans',
      },
    ],
  });
}
