import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import type { Lang, Translate } from '@/platform/i18n';

export type PageContext = {
  lang: Lang;
  t: Translate;
  /** The request path with its query, for the language switch. */
  path: string;
  publicUrl: string;
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

/** The same path in the other language. */
export function switchLanguageHref(path: string, lang: Lang): string {
  const url = new URL(path, 'http://koda.invalid');
  url.searchParams.set('lang', lang === 'et' ? 'en' : 'et');
  return url.pathname + url.search;
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
          {props.canonicalPath ? (
            <link rel="canonical" href={props.publicUrl + props.canonicalPath} />
          ) : null}
          {props.oembed ? (
            <link
              rel="alternate"
              type="application/json+oembed"
              href={props.oembed}
              title={props.title}
            />
          ) : null}
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
                {t('site.name')}
              </a>
              <nav aria-label={t('nav.main')}>
                <ul>
                  <li>
                    <a href="/events">{t('nav.events')}</a>
                  </li>
                  <li>
                    <a href="/archive">{t('nav.archive')}</a>
                  </li>
                  <li>
                    <a href="/municipalities">{t('nav.municipalities')}</a>
                  </li>
                  <li>
                    <a href="/plans">{t('plans.index.title')}</a>
                  </li>
                </ul>
              </nav>
              <a
                href={switchLanguageHref(props.path, lang)}
                hreflang={lang === 'et' ? 'en' : 'et'}
                lang={lang === 'et' ? 'en' : 'et'}
              >
                {t('lang.switch')}
              </a>
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
