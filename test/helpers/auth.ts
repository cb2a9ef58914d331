import { createApiToken } from '@/platform/auth/api-tokens';
import { createUser } from '@/accounts/users';
import type { TestContext } from './app';

let counter = 0;

/**
 * Makes a user with an API token and returns the Authorization header value.
 * Uses a low PBKDF2 count so tests stay fast; production hashing is tested in the accounts tests.
 */
export async function bearerFor(
  ctx: TestContext,
  user: { role: 'admin' | 'organizer'; municipalities?: string[] },
): Promise<string> {
  const email = `${user.role}${++counter}-${(user.municipalities ?? []).join('-') || 'all'}@koda.test`;
  await createUser(
    ctx.deps.db,
    {
      email,
      name: `Test ${user.role} ${counter}`,
      password: 'a test password of length',
      role: user.role,
      municipalities: user.municipalities ?? [],
    },
    1_000,
  );
  return `Bearer ${await createApiToken(ctx.deps.db, email)}`;
}

export type AuthorizationCase = { who: string; authorization?: string; expected: number[] };

/**
 * The matrix every write endpoint must pass: anonymous → 401, an organizer of another
 * municipality → 403, the right organizer and an admin → allowed (the given success codes).
 */
export async function authorizationCases(
  ctx: TestContext,
  rightMunicipality: string,
  otherMunicipality: string,
  allowed: number[],
): Promise<AuthorizationCase[]> {
  return [
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
      authorization: await bearerFor(ctx, {
        role: 'organizer',
        municipalities: [rightMunicipality],
      }),
      expected: allowed,
    },
    { who: 'admin', authorization: await bearerFor(ctx, { role: 'admin' }), expected: allowed },
  ];
}
