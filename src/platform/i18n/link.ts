import type { Lang } from './index';

/**
 * A link in an email opens in the email's language (review item 7): without `?lang=` the page
 * took the browser's language, so a Russian email's manage link opened an English page.
 */
export function withLang(url: string, lang: Lang): string {
  const hash = url.indexOf('#');
  const [base, fragment] = hash === -1 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
  if (/[?&]lang=/.test(base)) return url;
  return `${base}${base.includes('?') ? '&' : '?'}lang=${lang}${fragment}`;
}
