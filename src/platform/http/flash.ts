import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '@/platform/deps';

const FLASH_SECONDS = 60;

const cookieOptions = (c: Context<AppEnv>, path: string) => ({
  path,
  httpOnly: true,
  sameSite: 'Strict' as const,
  secure: c.get('deps').config.publicUrl.startsWith('https:'),
});

/**
 * A value the page after a redirect shows once (Post/Redirect/Get for an answer that must not
 * be in the URL, such as a new API token): a cookie for that page's path alone, living a minute,
 * HttpOnly, read and deleted by `takeFlash`.
 */
export function setFlash(c: Context<AppEnv>, name: string, value: string, path: string): void {
  setCookie(c, `koda_flash_${name}`, value, { ...cookieOptions(c, path), maxAge: FLASH_SECONDS });
}

/** The flash set for this page, once: it is deleted as it is read. */
export function takeFlash(c: Context<AppEnv>, name: string, path: string): string | undefined {
  const value = getCookie(c, `koda_flash_${name}`);
  if (value !== undefined) deleteCookie(c, `koda_flash_${name}`, cookieOptions(c, path));
  return value;
}
