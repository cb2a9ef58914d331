import { HttpError } from '../lib/http';
import { base64url, fromBase64url } from '../lib/tokens';

/** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256; WebCrypto, so it runs on Node and Workers. */
export const PBKDF2_ITERATIONS = 600_000;

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(password),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

/** Stored as `pbkdf2-sha256$iterations$salt$hash`, so the count can be raised later. */
export async function hashPassword(
  password: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(password, salt, iterations);
  return `pbkdf2-sha256$${iterations}$${base64url(salt)}$${base64url(hash)}`;
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iterationsText, saltText, hashText] = stored.split('$');
  const iterations = Number(iterationsText);
  if (scheme !== 'pbkdf2-sha256' || !Number.isInteger(iterations) || !saltText || !hashText)
    return false;
  let actual: Uint8Array;
  try {
    actual = await derive(password, fromBase64url(saltText), iterations);
  } catch (error) {
    // Deployed Cloudflare Workers refuse PBKDF2 above 100 000 iterations (docs/deploy.md).
    throw new HttpError(
      503,
      'login_unavailable',
      `Password login is not available on this server (${(error as Error).name}); log in through a Node server`,
    );
  }
  return constantTimeEqual(actual, fromBase64url(hashText));
}

/** A hash of a password nobody knows: verified against for unknown emails so timing matches. */
export const DUMMY_PASSWORD_HASH =
  'pbkdf2-sha256$600000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
