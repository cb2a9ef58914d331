import { pbkdf2Async } from '@noble/hashes/pbkdf2.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { HttpError } from '@/platform/http/errors';
import { base64url, fromBase64url } from '@/platform/tokens';

/** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256; WebCrypto, so it runs on Node and Workers. */
export const PBKDF2_ITERATIONS = 600_000;
/** A stored hash asking for more work than this is not ours: refused rather than computed. */
const MAX_ITERATIONS = 10_000_000;

async function deriveWithWebCrypto(
  password: string,
  salt: Uint8Array,
  iterations: number,
): Promise<Uint8Array> {
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

/** The same PBKDF2-HMAC-SHA256 in JavaScript (@noble/hashes): about 8× slower than WebCrypto. */
export function deriveInJavaScript(
  password: string,
  salt: Uint8Array,
  iterations: number,
): Promise<Uint8Array> {
  // asyncTick: yields to the event loop every 10 ms, so other requests are not held up.
  return pbkdf2Async(sha256, password, salt, { c: iterations, dkLen: 32, asyncTick: 10 });
}

/**
 * Deployed Cloudflare Workers refuse PBKDF2 above 100 000 iterations (workerd#1346) with a
 * NotSupportedError; there the JavaScript implementation gives the same bits (~1 s of CPU for
 * 600 000, which the Workers paid plan allows; see docs/deploy.md).
 */
async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  try {
    return await deriveWithWebCrypto(password, salt, iterations);
  } catch (error) {
    if ((error as Error).name !== 'NotSupportedError') throw error;
    return deriveInJavaScript(password, salt, iterations);
  }
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
  const sane = Number.isInteger(iterations) && iterations > 0 && iterations <= MAX_ITERATIONS;
  if (scheme !== 'pbkdf2-sha256' || !sane || !saltText || !hashText) return false;
  let actual: Uint8Array;
  try {
    actual = await derive(password, fromBase64url(saltText), iterations);
  } catch (error) {
    // A runtime whose crypto fails in a way derive() does not handle: say so, not a 500.
    throw new HttpError(
      'login_unavailable',
      `Password login is not available on this server (${(error as Error).name}); log in through a Node server`,
    );
  }
  return constantTimeEqual(actual, fromBase64url(hashText));
}

/** A hash of a password nobody knows: verified against for unknown emails so timing matches. */
export const DUMMY_PASSWORD_HASH =
  'pbkdf2-sha256$600000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
