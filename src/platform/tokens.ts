import { createHash, randomBytes } from 'node:crypto';

/** Random secrets for links and cookies (256 bits, base64url) and their stored SHA-256 hashes. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * A token's stored hash. One SHA-256 is enough (no slow KDF): the token is 256 random bits, not
 * a password, so there is nothing to guess. node:crypto (Workers have it with nodejs_compat)
 * hashes in place; WebCrypto's digest queued a job and a promise per registration.
 */
export async function hashToken(token: string): Promise<string> {
  return createHash('sha256').update(token).digest('base64url');
}

export function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

export function fromBase64url(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64url'));
}
