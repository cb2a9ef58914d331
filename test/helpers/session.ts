import { createUser } from '@/accounts/users';
import type { TestContext } from './app';

export const ORIGIN = 'https://koda.test';

/**
 * The PBKDF2 count of test users' passwords: cheap, in the stored format the login verifies
 * (the production count is tested in test/unit/accounts-password.test.ts and demo-logins).
 */
export const TEST_PASSWORD_ITERATIONS = 1_000;

let counter = 0;

/** A user with a cheap password hash, for tests that log in through the form. */
export async function makeUser(
  ctx: TestContext,
  user: { role: 'admin' | 'organizer'; municipalities?: string[]; email?: string },
  iterations = TEST_PASSWORD_ITERATIONS,
) {
  const email = user.email ?? `${user.role}-login-${++counter}@koda.test`;
  const password = `password for ${email}`;
  const created = await createUser(
    ctx.deps.db,
    {
      email,
      name: `Login ${user.role} ${counter}`,
      password,
      role: user.role,
      municipalities: user.municipalities ?? [],
    },
    iterations,
  );
  return { ...created, password };
}

/** Posts a same-origin HTML form (urlencoded; repeated keys for arrays). */
export function postForm(
  ctx: TestContext,
  path: string,
  fields: Record<string, string | string[]>,
  headers: Record<string, string> = {},
  app = ctx.app,
) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
  }
  return app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, ...headers },
    body: body.toString(),
  });
}

/** Logs in through the form and returns the `koda_session=…` cookie pair. */
export async function loginCookie(
  ctx: TestContext,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<string> {
  const res = await postForm(ctx, '/admin/login', { email, password }, headers);
  if (res.status !== 303) throw new Error(`login failed with ${res.status}`);
  const cookie = /koda_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}
