import { Hono, type Context } from 'hono';
import { sendPersonalFeedLink } from '@/calendar';
import { isLang } from '@/platform/i18n';
import { hitRateLimit } from '@/platform/http/rate-limit';
import type { AppEnv } from '@/platform/deps';
import { HttpError } from '@/platform/http/errors';
import {
  confirmed,
  formInput,
  formProblems,
  readForm,
  text,
  type FormProblems,
} from '@/platform/http/forms';
import { ConfirmPage } from '@views/shell/confirm-page';
import { pageContext } from '@/platform/http/page';
import {
  ManageRegistrationPage,
  RegistrationConfirmedPage,
  RegistrationFormPage,
  RegistrationResultPage,
} from '@views/registrations/pages';
import { registrationAdminRoutes } from './admin-routes';
import { limitRegistrations } from './api';
import { attendanceForm, registrationForm, registrationFormValues } from './forms';
import { findEvent, isPublicEvent } from '@/events';
import { loadQuestions, localizeQuestion } from '@/questions';
import { seatsFor } from './queries';
import { registrationWindow } from './rules';
import { cancelByToken, loadManaged, switchAttendance } from './participant';
import { registerParticipant } from './register';
import { confirmationOf, confirmationPath, readConfirmation } from './confirmation';

/** Personal feed links one registration may have emailed: enough for a lost email, not a spam tool. */
const FEED_LINK_RATE_LIMIT = { limit: 3, windowSeconds: 60 * 60, blockSeconds: 60 * 60 };

export function registrationRoutes() {
  const routes = new Hono<AppEnv>();

  routes.post('/events/:slug/register', async (c) => {
    const deps = c.get('deps');
    const slug = c.req.param('slug');
    const event = await findEvent(deps.db, { slug });
    if (!event || !isPublicEvent(event)) throw new HttpError('not_found', 'No such event');
    await limitRegistrations(c);
    const form = await readForm(c);
    const ctx = pageContext(c);
    const questions = await loadQuestions(deps.db, event.id);
    // A filled honeypot is a bot: answer like a success, store and send nothing.
    if (text(form, 'website')) {
      const as = text(form, 'attendance') === 'online' ? 'online' : 'seat';
      return c.redirect(confirmationPath(slug, { as }), 303);
    }
    try {
      const input = formInput(registrationForm(questions), form);
      const result = await registerParticipant(deps, slug, input, c.get('lang'));
      // Post/Redirect/Get: a reload or Back shows the confirmation again and registers nobody.
      return c.redirect(confirmationPath(slug, confirmationOf(result, input.attendance)), 303);
    } catch (error) {
      if (error instanceof HttpError && error.code === 'event_full') {
        return c.html(RegistrationResultPage({ ...ctx, event, outcome: 'refused' }), 409);
      }
      if (error instanceof HttpError && [409, 410].includes(error.status)) {
        const state = registrationWindow(event, deps.clock.now());
        const key =
          state === 'open' || state === 'not_found'
            ? 'registration.state.closed'
            : state === 'not_yet_open'
              ? 'registration.state.not_yet_open_undated'
              : (`registration.state.${state}` as const);
        throw new HttpError(error.code, error.message, error.details, { key });
      }
      const problems = formProblems(ctx.t, error);
      return c.html(
        RegistrationFormPage({
          ...ctx,
          event,
          seats: await seatsFor(deps.db, event.id),
          state: registrationWindow(event, deps.clock.now()),
          values: registrationFormValues(form, questions),
          questions: questions.map((question) => localizeQuestion(question, ctx.lang)),
          problems,
        }),
        problems.status,
      );
    }
  });

  routes.get('/events/:slug/registered', async (c) => {
    const event = await findEvent(c.get('deps').db, { slug: c.req.param('slug') });
    if (!event || !isPublicEvent(event)) throw new HttpError('not_found', 'No such event');
    // Personal to whoever registered: kept out of shared caches and search engines.
    c.header('Cache-Control', 'no-store');
    c.header('X-Robots-Tag', 'noindex');
    return c.html(
      RegistrationConfirmedPage({
        ...pageContext(c),
        event,
        confirmation: readConfirmation(c.req.query('as'), c.req.query('position')),
      }),
    );
  });

  const manage = async (
    c: Context<AppEnv>,
    extra: { notice?: string; problems?: FormProblems } = {},
  ) => {
    const deps = c.get('deps');
    const token = c.req.param('token') ?? '';
    const managed = await loadManaged(deps.db, token);
    if (!managed) throw new HttpError('not_found', 'No such registration');
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Robots-Tag', 'noindex');
    const page = pageContext(c);
    // The person's own answers, sensitive ones too: the page is theirs (no-store, noindex).
    const questions = (await loadQuestions(deps.db, managed.event.id)).map((question) =>
      localizeQuestion(question, page.lang),
    );
    return c.html(
      ManageRegistrationPage({
        ...page,
        token,
        questions,
        ...managed,
        canChange: registrationWindow(managed.event, deps.clock.now()) === 'open',
        ...extra,
      }),
      extra.problems?.status ?? 200,
    );
  };

  routes.get('/registrations/:token', async (c) => {
    const t = c.get('t');
    const done = c.req.query('done');
    const notice =
      done === 'cancelled'
        ? t('registration.manage.cancelled')
        : done === 'updated'
          ? t('registration.manage.updated')
          : done === 'feed'
            ? t('registration.manage.feedSent')
            : undefined;
    return manage(c, { notice });
  });

  routes.post('/registrations/:token/cancel', async (c) => {
    const token = c.req.param('token');
    // Giving up one's seat asks once more (a stray tap on a phone would lose it).
    if (!confirmed(await readForm(c))) {
      const managed = await loadManaged(c.get('deps').db, token);
      if (!managed) throw new HttpError('not_found', 'No such registration');
      if (managed.registration.status !== 'cancelled') {
        const t = c.get('t');
        c.header('Cache-Control', 'no-store');
        c.header('Referrer-Policy', 'no-referrer');
        return c.html(
          ConfirmPage({
            ...pageContext(c),
            question: t('registration.cancelConfirm.question', { title: managed.event.title }),
            details: [t('registration.cancelConfirm.details')],
            action: `/registrations/${token}/cancel`,
            confirmLabel: t('registration.manage.cancelConfirm'),
            backHref: `/registrations/${token}`,
          }),
        );
      }
    }
    try {
      await cancelByToken(c.get('deps'), token);
    } catch (error) {
      if (!(error instanceof HttpError && error.code === 'registration_cancelled')) throw error;
    }
    return c.redirect(`/registrations/${token}?done=cancelled`, 303);
  });

  // The personal calendar feed: made on request and sent to the registered address, never shown
  // here (anyone can register with any address). A few per hour per registration.
  routes.post('/registrations/:token/feed', async (c) => {
    const { db, clock, config } = c.get('deps');
    const token = c.req.param('token');
    const managed = await loadManaged(db, token);
    const email = managed?.registration.email;
    if (!managed || !email || managed.registration.status === 'cancelled') {
      throw new HttpError('not_found', 'No such registration');
    }
    const now = clock.now();
    const limit = await hitRateLimit(
      db,
      `feed-link:${managed.registration.id}`,
      FEED_LINK_RATE_LIMIT,
      now,
    );
    if (limit.allowed) {
      const lang = isLang(managed.registration.lang) ? managed.registration.lang : 'et';
      await sendPersonalFeedLink(db, { email, lang }, config.publicUrl, now);
    }
    return c.redirect(`/registrations/${token}?done=feed`, 303);
  });

  routes.post('/registrations/:token/attendance', async (c) => {
    const token = c.req.param('token');
    try {
      const { attendance } = formInput(attendanceForm, await readForm(c));
      await switchAttendance(c.get('deps'), token, attendance);
    } catch (error) {
      // The switch is one button: what went wrong is said at the top of the page.
      return manage(c, { problems: formProblems(c.get('t'), error, { field: () => null }) });
    }
    return c.redirect(`/registrations/${token}?done=updated`, 303);
  });

  routes.route('/', registrationAdminRoutes());
  return routes;
}
