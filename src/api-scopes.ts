import type { ApiScope, ScopeOfRoute } from '@/platform/auth/scopes';

const WRITES = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * The scope each route of /api/v1 needs from an API token (docs/security.md, "API tokens").
 * Patterns are below /api/v1, as Hono writes them (`:slug`). Checked in order; the first match
 * decides. A route listed nowhere needs `read` to read and `admin` to write, so a new write
 * endpoint is closed to tokens until it is given its scope here.
 */
const RULES: { methods: readonly string[]; pattern: RegExp; scope: ApiScope | null }[] = [
  // A CORS preflight is answered without credentials.
  { methods: ['OPTIONS'], pattern: /./, scope: null },
  // Anyone may register or cancel by their own link: a token adds nothing and needs nothing.
  { methods: ['POST'], pattern: /^\/events\/:slug\/registrations$/, scope: null },
  { methods: ['DELETE'], pattern: /^\/registrations\/:token$/, scope: null },
  { methods: ['POST'], pattern: /^\/follows$/, scope: null },
  // Participants' names and addresses, and what was sent to them.
  { methods: ['GET'], pattern: /^\/events\/:slug\/registrations$/, scope: 'registrations' },
  { methods: ['GET', 'POST'], pattern: /^\/events\/:slug\/messages$/, scope: 'registrations' },
  { methods: ['GET'], pattern: /^\/events\/:slug\/feedback$/, scope: 'registrations' },
  { methods: ['GET'], pattern: /./, scope: 'read' },
  // Outcomes are the record an action plan cites: with the plans.
  { methods: WRITES, pattern: /^\/events\/:slug\/outcomes$/, scope: 'plans' },
  { methods: WRITES, pattern: /^\/outcomes\//, scope: 'plans' },
  { methods: WRITES, pattern: /^\/municipalities\/:slug\/plans$/, scope: 'plans' },
  { methods: WRITES, pattern: /^\/(plans|plan-items)\//, scope: 'plans' },
  // Events with their agendas, copies, recordings and documents.
  { methods: WRITES, pattern: /^\/events(\/|$)/, scope: 'events' },
  { methods: WRITES, pattern: /^\/(recordings|attachments)\//, scope: 'events' },
];

export const apiScopeOf: ScopeOfRoute = (method, pattern) => {
  const rule = RULES.find((r) => r.methods.includes(method) && r.pattern.test(pattern));
  return rule ? rule.scope : 'admin';
};
