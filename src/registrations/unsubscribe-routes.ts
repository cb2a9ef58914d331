import { Hono, type Context } from 'hono';
import { UnsubscribePage } from '@views/registrations/unsubscribe-page';
import { translator } from '@/messages';
import type { AppEnv } from '@/platform/deps';
import { notFound } from '@/platform/http/errors';
import { pageContext } from '@/platform/http/page';
import { isLang } from '@/platform/i18n';
import { findUnsubscribe, stopMessages, type UnsubscribeTarget } from './unsubscribe';

/**
 * `/messages/:token/unsubscribe`, the List-Unsubscribe link of organizers' messages. GET shows
 * a page that asks (link checkers and previews fetch links: a GET never changes anything); POST
 * stops the messages, whether from that page's button or a mail provider's one-click POST
 * (RFC 8058), which comes without cookies or Origin, so the path is exempt from the form CSRF
 * check (src/platform/auth/csrf.ts). Both answer in the language the person registered in.
 */
export function messageUnsubscribeRoutes() {
  const routes = new Hono<AppEnv>();

  function page(c: Context<AppEnv>, token: string, target: UnsubscribeTarget) {
    // The person's language, unless they chose one with ?lang= (the page's language switch).
    const chosen = c.req.query('lang');
    const lang = isLang(chosen) ? chosen : isLang(target.lang) ? target.lang : 'et';
    c.header('Cache-Control', 'no-store');
    return c.html(
      UnsubscribePage({
        ...pageContext(c),
        lang,
        t: translator(lang),
        token,
        eventTitle: target.eventTitle,
        state: target.stopped ? 'done' : 'ask',
      }),
    );
  }

  routes.get('/messages/:token/unsubscribe', async (c) => {
    const token = c.req.param('token');
    const target = await findUnsubscribe(c.get('deps').db, token);
    if (!target) throw notFound('No such link');
    return page(c, token, target);
  });

  routes.post('/messages/:token/unsubscribe', async (c) => {
    const { db, clock } = c.get('deps');
    const token = c.req.param('token');
    const target = await stopMessages(db, token, clock.now());
    if (!target) throw notFound('No such link');
    return page(c, token, target);
  });

  return routes;
}
