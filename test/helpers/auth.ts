import { createApiToken, type TokenOptions } from '@/platform/auth/api-tokens';
import { API_SCOPES, type ApiScope } from '@/platform/auth/scopes';
import { createSession } from '@/platform/auth/sessions';
import { createUser } from '@/accounts/users';
import type { TestContext } from './app';
import { TEST_PASSWORD_ITERATIONS } from './session';

let counter = 0;

type Who = { role: 'admin' | 'organizer'; municipalities?: string[] };

/** A new user with a low PBKDF2 count (tests stay fast; production hashing is tested in the accounts tests). */
async function newUser(ctx: TestContext, user: Who) {
  const email = `${user.role}${++counter}-${(user.municipalities ?? []).join('-') || 'all'}@koda.test`;
  return createUser(
    ctx.deps.db,
    {
      email,
      name: `Test ${user.role} ${counter}`,
      password: 'a test password of length',
      role: user.role,
      municipalities: user.municipalities ?? [],
    },
    TEST_PASSWORD_ITERATIONS,
  );
}

/**
 * Makes a user with an API token and returns the Authorization header value, for /api. The token
 * has every scope the role allows unless `options.scopes` says otherwise, and is made at the test
 * clock's time. A token never opens an HTML page: use sessionFor for those.
 */
export async function bearerFor(
  ctx: TestContext,
  user: Who,
  options: TokenOptions = {},
): Promise<string> {
  const created = await newUser(ctx, user);
  return `Bearer ${await createApiToken(ctx.deps.db, created.email, options, ctx.clock.now())}`;
}

/**
 * Makes a user signed in with a session (as after the login form, without its PBKDF2 work) and
 * returns the Cookie header value (`koda_session=…`), for the HTML pages (and /api).
 */
export async function sessionFor(ctx: TestContext, user: Who): Promise<string> {
  const created = await newUser(ctx, user);
  const { token } = await createSession(ctx.deps.db, created.id, ctx.clock.now());
  return `koda_session=${token}`;
}

export type AuthorizationCase = { who: string; authorization?: string; expected: number[] };

/**
 * The matrix every write endpoint must pass: anonymous → 401, an organizer of another
 * municipality → 403, the right organizer and an admin → allowed (the given success codes).
 * With `scope` (the one the endpoint needs, see src/api-scopes.ts) two more: the right organizer's
 * token with every other scope → 403, and with that scope alone → allowed.
 */
export async function authorizationCases(
  ctx: TestContext,
  rightMunicipality: string,
  otherMunicipality: string,
  allowed: number[],
  scope?: ApiScope,
): Promise<AuthorizationCase[]> {
  const right = { role: 'organizer' as const, municipalities: [rightMunicipality] };
  const cases: AuthorizationCase[] = [
    { who: 'anonymous', expected: [401] },
    {
      who: `organizer of ${otherMunicipality}`,
      authorization: await bearerFor(ctx, {
        role: 'organizer',
        municipalities: [otherMunicipality],
      }),
      expected: [403],
    },
    {
      who: `organizer of ${rightMunicipality}`,
      authorization: await bearerFor(ctx, right),
      expected: allowed,
    },
    { who: 'admin', authorization: await bearerFor(ctx, { role: 'admin' }), expected: allowed },
  ];
  if (scope) {
    const others = API_SCOPES.filter((s) => s !== scope && s !== 'admin');
    cases.push(
      {
        who: `organizer of ${rightMunicipality} with a token without "${scope}"`,
        authorization: await bearerFor(ctx, right, { scopes: others }),
        expected: [403],
      },
      {
        who: `organizer of ${rightMunicipality} with a token of "${scope}" alone`,
        authorization: await bearerFor(ctx, right, { scopes: [scope] }),
        expected: allowed,
      },
    );
  }
  return cases;
}

export type PageAuthorizationCase = { who: string; cookie?: string; expected: number[] };

/**
 * The same matrix for the HTML pages, signed in with sessions (a token opens no page):
 * anonymous → the login redirect (303), an organizer of another municipality → 403, the right
 * organizer and an admin → allowed.
 */
export async function pageAuthorizationCases(
  ctx: TestContext,
  rightMunicipality: string,
  otherMunicipality: string,
  allowed: number[],
): Promise<PageAuthorizationCase[]> {
  return [
    { who: 'anonymous', expected: [303] },
    {
      who: `organizer of ${otherMunicipality}`,
      cookie: await sessionFor(ctx, { role: 'organizer', municipalities: [otherMunicipality] }),
      expected: [403],
    },
    {
      who: `organizer of ${rightMunicipality}`,
      cookie: await sessionFor(ctx, { role: 'organizer', municipalities: [rightMunicipality] }),
      expected: allowed,
    },
    { who: 'admin', cookie: await sessionFor(ctx, { role: 'admin' }), expected: allowed },
  ];
}
