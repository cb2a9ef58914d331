import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { languageNames, languages, type Lang, type Translate } from '@/platform/i18n';
import { Icon, Logo } from './icons';

export type PageContext = {
  lang: Lang;
  t: Translate;
  /** The request path with its query, for the language switch. */
  path: string;
  publicUrl: string;
  /** The request's moment (the app's clock): dates of this year are written without the year. */
  now?: Date;
};

export type LayoutProps = PageContext & {
  title: string;
  description?: string;
  canonicalPath?: string;
  /** The page's oEmbed address: a CMS given the page's URL finds its embed here. */
  oembed?: string;
  head?: Child;
  children: Child;
};

/** The same path in another language. */
export function switchLanguageHref(path: string, lang: Lang): string {
  const url = new URL(path, 'http://koda.invalid');
  url.searchParams.set('lang', lang);
  return url.pathname + url.search;
}

function navLinks(t: Translate): [string, string][] {
  return [
    ['/events', t('nav.events')],
    ['/archive', t('nav.archive')],
    ['/municipalities', t('nav.municipalities')],
    ['/plans', t('nav.plans')],
  ];
}

/** The section a path belongs to: /events/x is in /events, recordings in the archive. */
function isCurrent(path: string, href: string): boolean {
  const pathname = new URL(path, 'http://koda.invalid').pathname;
  if (href === '/archive' && pathname.startsWith('/recordings/')) return true;
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function Layout(props: LayoutProps) {
  const { t, lang } = props;
  const fullTitle =
    props.title === t('site.name') ? props.title : `${props.title} · ${t('site.name')}`;
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{fullTitle}</title>
          {props.description ? <meta name="description" content={props.description} /> : null}
          {/* Each language version is canonical to itself (issue 18), its siblings named as
              hreflang alternates; without ?lang= a page negotiates: the x-default. */}
          {props.canonicalPath ? (
            <link
              rel="canonical"
              href={props.publicUrl + switchLanguageHref(props.canonicalPath, lang)}
            />
          ) : null}
          {props.canonicalPath
            ? languages.map((other) => (
                <link
                  rel="alternate"
                  hreflang={other}
                  href={props.publicUrl + switchLanguageHref(props.canonicalPath ?? '/', other)}
                />
              ))
            : null}
          {props.canonicalPath ? (
            <link
              rel="alternate"
              hreflang="x-default"
              href={props.publicUrl + props.canonicalPath}
            />
          ) : null}
          {props.oembed ? (
            <link
              rel="alternate"
              type="application/json+oembed"
              href={props.oembed}
              title={props.title}
            />
          ) : null}
          <meta name="theme-color" content="#0f2d4f" />
          <link rel="icon" href="/favicon.ico" sizes="32x32" />
          <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
          <link rel="apple-touch-icon" href="/apple-touch-icon.png" />
          <link rel="manifest" href="/manifest.webmanifest" />
          <link rel="stylesheet" href="/assets/app.css" />
          <script src="/assets/forms.js" defer></script>
          {props.head}
        </head>
        <body>
          <a class="skip" href="#main">
            {t('nav.skip')}
          </a>
          <header class="site-header">
            <div class="bar">
              <a class="brand" href="/">
                <Logo />
                {t('site.name')}
              </a>
              <nav aria-label={t('nav.main')}>
                <ul>
                  {navLinks(t).map(([href, label]) => (
                    <li>
                      <a
                        href={href}
                        aria-current={isCurrent(props.path, href) ? 'page' : undefined}
                      >
                        {label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
              <a
                class="search-link"
                href="/search"
                title={t('nav.search')}
                aria-current={isCurrent(props.path, '/search') ? 'page' : undefined}
              >
                <Icon name="search" />
                <span class="visually-hidden">{t('nav.search')}</span>
              </a>
              <ul class="lang-switch" aria-label={t('lang.switchLabel')}>
                {languages
                  .filter((other) => other !== lang)
                  .map((other) => (
                    <li>
                      <a href={switchLanguageHref(props.path, other)} hreflang={other} lang={other}>
                        {languageNames[other]}
                      </a>
                    </li>
                  ))}
              </ul>
            </div>
          </header>
          <main id="main">{props.children}</main>
          <footer class="site-footer">
            <p>{t('footer.about')}</p>
            <p>
              <a href="/privacy">{t('footer.privacy')}</a> · <a href="/admin">{t('nav.admin')}</a> ·{' '}
              <a href="/api/openapi.json">API</a>
            </p>
          </footer>
        </body>
      </html>
    </>
  );
}
