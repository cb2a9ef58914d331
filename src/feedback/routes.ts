import { Hono, type Context } from 'hono';
import { FeedbackAdminPage, FeedbackFormPage, type FeedbackValues } from '@views/feedback/pages';
import { assertCanManage } from '@/platform/auth/auth';
import { requireUserPage } from '@/platform/auth/guards';
import type { AppEnv } from '@/platform/deps';
import { HttpError, notFound } from '@/platform/http/errors';
import {
  formInput,
  formProblems,
  formSchema,
  readForm,
  text,
  type Form,
  type FormProblems,
} from '@/platform/http/forms';
import { pageContext } from '@/platform/http/page';
import { findEvent, hostIdsOf, publishFeedbackSummary } from '@/events';
import { eventAnswers, requestByToken, requestsSent, saveAnswer } from './queries';
import { feedbackInput, feedbackSummary } from './rules';

const feedbackForm = formSchema(
  (form: Form) => ({
    rating: text(form, 'rating') || undefined,
    good: text(form, 'good'),
    improve: text(form, 'improve'),
    comeAgain:
      text(form, 'comeAgain') === 'yes'
        ? true
        : text(form, 'comeAgain') === 'no'
          ? false
          : undefined,
  }),
  feedbackInput,
);

function valuesOf(form: Form): FeedbackValues {
  return {
    rating: text(form, 'rating'),
    good: text(form, 'good'),
    improve: text(form, 'improve'),
    comeAgain: text(form, 'comeAgain'),
  };
}

/** The link's request, or 404 (unknown) / 410 (older than 30 days): the same for GET and POST. */
async function usableRequest(c: Context<AppEnv>) {
  const { db, clock } = c.get('deps');
  const request = await requestByToken(db, c.req.param('token') ?? '');
  if (!request) {
    throw new HttpError('not_found', 'No such feedback link', [], { key: 'feedback.invalid' });
  }
  if (request.expiresAt.getTime() <= clock.now().getTime()) {
    throw new HttpError('gone', 'This feedback link has expired', [], { key: 'feedback.expired' });
  }
  // A personal link: kept out of caches, search engines and referrers.
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex');
  c.header('Referrer-Policy', 'no-referrer');
  return request;
}

export async function managedEventPage(c: Context<AppEnv>) {
  const user = requireUserPage(c);
  const { db } = c.get('deps');
  const event = await findEvent(db, { slug: c.req.param('slug') ?? '' });
  if (!event) throw notFound('No such event');
  assertCanManage(user, await hostIdsOf(db, event.id));
  return { user, event };
}

/**
 * /feedback/:token (one answer per registration, changeable while the link works) and the
 * organizers' /admin/events/:slug/feedback (answers without names, publishing the summary).
 */
export function feedbackRoutes() {
  const routes = new Hono<AppEnv>();

  routes.get('/feedback/:token', async (c) => {
    const request = await usableRequest(c);
    return c.html(
      FeedbackFormPage({
        ...pageContext(c),
        token: c.req.param('token'),
        title: request.event.title,
        saved: c.req.query('saved') === '1',
        values:
          request.rating === null
            ? {}
            : {
                rating: String(request.rating),
                good: request.good ?? '',
                improve: request.improve ?? '',
                comeAgain:
                  request.comeAgain === null ? undefined : request.comeAgain ? 'yes' : 'no',
              },
      }),
    );
  });

  routes.post('/feedback/:token', async (c) => {
    const request = await usableRequest(c);
    const { db, clock } = c.get('deps');
    const form = await readForm(c);
    try {
      const input = formInput(feedbackForm, form);
      if (!(await saveAnswer(db, request.id, input, clock.now()))) {
        throw new HttpError('gone', 'This feedback link has expired', [], {
          key: 'feedback.expired',
        });
      }
    } catch (error) {
      const problems: FormProblems = formProblems(c.get('t'), error, {
        messages: { rating: 'feedback.error.rating' },
      });
      return c.html(
        FeedbackFormPage({
          ...pageContext(c),
          token: c.req.param('token'),
          title: request.event.title,
          saved: false,
          values: valuesOf(form),
          problems,
        }),
        problems.status,
      );
    }
    return c.redirect(`/feedback/${c.req.param('token')}?saved=1`, 303);
  });

  routes.get('/admin/events/:slug/feedback', async (c) => {
    const { user, event } = await managedEventPage(c);
    const { db } = c.get('deps');
    const [answers, sent] = await Promise.all([
      eventAnswers(db, event.id),
      requestsSent(db, event.id),
    ]);
    c.header('Cache-Control', 'no-store');
    return c.html(
      FeedbackAdminPage({
        ...pageContext(c),
        user,
        event,
        sent,
        answers,
        summary: feedbackSummary(answers),
      }),
    );
  });

  routes.post('/admin/events/:slug/feedback/publish', async (c) => {
    const { user, event } = await managedEventPage(c);
    const published = text(await readForm(c), 'published') === 'yes';
    await publishFeedbackSummary({ ...c.get('deps'), user }, event.id, published);
    return c.redirect(`/admin/events/${event.slug}/feedback`, 303);
  });

  return routes;
}
