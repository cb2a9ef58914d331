import { Hono, type Context } from 'hono';
import {
  FollowConfirmPage,
  FollowFormPage,
  FollowSentPage,
  FollowUnsubscribePage,
  type FollowFormTarget,
} from '@views/follows/pages';
import { translator } from '@/messages';
import type { AppEnv } from '@/platform/deps';
import { notFound } from '@/platform/http/errors';
import {
  formInput,
  formProblems,
  formSchema,
  readForm,
  text,
  type Form,
} from '@/platform/http/forms';
import { pageContext } from '@/platform/http/page';
import { isLang } from '@/platform/i18n';
import { limitFollowRequests } from './limits';
import { followInput } from './rules';
import {
  confirmFollow,
  followByConfirmToken,
  followByUnsubscribeToken,
  followTargetText,
  requestFollow,
  stopFollow,
} from './service';

const optional = (form: Form, name: string) => text(form, name).trim() || undefined;
const optionalId = (form: Form, name: string) => {
  const value = optional(form, name);
  return value === undefined ? undefined : Number.isInteger(Number(value)) ? Number(value) : value;
};

/** The pages' follow form as the API's body: a plan's form names an item when one is chosen. */
const followForm = formSchema((form: Form) => {
  const planItemId = optionalId(form, 'planItemId');
  return {
    email: text(form, 'email'),
    frequency: optional(form, 'frequency'),
    municipality: optional(form, 'municipality'),
    series: optional(form, 'series'),
    planId: planItemId === undefined ? optionalId(form, 'planId') : undefined,
    planItemId,
  };
}, followInput);

function targetOfForm(form: Form): FollowFormTarget {
  if (text(form, 'municipality')) {
    return {
      kind: 'municipality',
      slug: text(form, 'municipality'),
      name: text(form, 'municipality'),
    };
  }
  if (text(form, 'series')) return { kind: 'series', slug: text(form, 'series') };
  return { kind: 'plan', planId: Number(text(form, 'planId')) || 0, items: [] };
}

/** Pages of a personal link: kept out of caches, search engines and referrers. */
function personal(c: Context<AppEnv>) {
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex');
  c.header('Referrer-Policy', 'no-referrer');
}

/**
 * Following by email: POST /follows (the pages' forms), the confirmation link's page and button,
 * and the unsubscribe link: GET asks, POST stops (a mail provider's one-click POST comes
 * without cookies or Origin: the path is exempt from the form CSRF check).
 */
export function followRoutes() {
  const routes = new Hono<AppEnv>();

  routes.post('/follows', async (c) => {
    await limitFollowRequests(c);
    const form = await readForm(c);
    try {
      await requestFollow(c.get('deps'), formInput(followForm, form), c.get('lang'));
    } catch (error) {
      const problems = formProblems(c.get('t'), error, {
        field: (path) => (path === 'email' ? 'email' : null),
      });
      return c.html(
        FollowFormPage({
          ...pageContext(c),
          target: targetOfForm(form),
          values: {
            email: text(form, 'email'),
            frequency: text(form, 'frequency'),
            planItemId: text(form, 'planItemId'),
          },
          problems,
        }),
        problems.status,
      );
    }
    return c.redirect('/follows/sent', 303);
  });

  routes.get('/follows/sent', (c) => {
    c.header('X-Robots-Tag', 'noindex');
    return c.html(FollowSentPage(pageContext(c)));
  });

  const confirmPage = async (c: Context<AppEnv>, confirm: boolean) => {
    const { db, clock } = c.get('deps');
    const token = c.req.param('token') ?? '';
    const found = await followByConfirmToken(db, token, clock.now());
    if (!found) throw notFound('No such link');
    personal(c);
    const ctx = pageContext(c);
    if (found.expired)
      return c.html(FollowConfirmPage({ ...ctx, token, target: '', state: 'expired' }));
    if (confirm) await confirmFollow(db, found.row.id, clock.now());
    const target = (await followTargetText(db, found.row, ctx.lang)) ?? '';
    const state = confirm || found.row.confirmedAt ? 'done' : 'ask';
    return c.html(FollowConfirmPage({ ...ctx, token, target, state }));
  };
  routes.get('/follows/:token/confirm', (c) => confirmPage(c, false));
  routes.post('/follows/:token/confirm', (c) => confirmPage(c, true));

  const unsubscribePage = async (c: Context<AppEnv>, stop: boolean) => {
    const { db } = c.get('deps');
    const token = c.req.param('token') ?? '';
    const follow = await followByUnsubscribeToken(db, token);
    personal(c);
    // In the follower's language unless they chose one (the page's language switch).
    const chosen = c.req.query('lang');
    const lang = isLang(chosen) ? chosen : isLang(follow?.lang) ? follow.lang : c.get('lang');
    const ctx = { ...pageContext(c), lang, t: translator(lang) };
    if (!follow) {
      // Stopped already (the follow is deleted with its links): a repeated one-click is done.
      if (stop)
        return c.html(FollowUnsubscribePage({ ...ctx, token, target: null, state: 'done' }));
      throw notFound('No such link');
    }
    if (stop) {
      await stopFollow(db, follow.id);
      return c.html(FollowUnsubscribePage({ ...ctx, token, target: null, state: 'done' }));
    }
    const target = await followTargetText(db, follow, lang);
    return c.html(FollowUnsubscribePage({ ...ctx, token, target, state: 'ask' }));
  };
  routes.get('/follows/:token/unsubscribe', (c) => unsubscribePage(c, false));
  routes.post('/follows/:token/unsubscribe', (c) => unsubscribePage(c, true));

  return routes;
}
