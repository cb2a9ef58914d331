import { Hono, type Context } from 'hono';
import { requireUserPage } from '@/platform/auth/guards';
import { assertCanManage } from '@/platform/auth/auth';
import type { AppEnv } from '@/platform/deps';
import { HttpError } from '@/platform/http/errors';
import {
  confirmed,
  formInput,
  formProblems,
  pathId,
  readForm,
  text,
  type FormProblems,
} from '@/platform/http/forms';
import { pageContext } from '@/platform/http/page';
import type { MessageKey } from '@/platform/i18n';
import { listOutbox } from '@/platform/mail/outbox/queries';
import { OutboxPage } from '@/accounts';
import { CheckInPage, MessagePreview, RegistrationsAdminPage } from '@views/registrations/admin';
import { ConfirmPage } from '@views/shell/confirm-page';
import { registrationsCsv } from './csv';
import { loadQuestions, localizeQuestion } from '@/questions';
import { checkInForm, messageFormValues, type MessageFormValues } from './forms';
import {
  audienceSizes,
  listParticipantMessages,
  participantMessageSchema,
  sendParticipantMessage,
} from './participant-messages';
import { findEvent, hostIdsOf } from '@/events';
import { listRegistrations, registrationById, registrationCounts } from './queries';
import { attendanceValues, registrationStatuses } from './rules';
import { organizerCancel, organizerPromote, setCheckedIn } from './organizer';

async function managedEventPage(c: Context<AppEnv>, slug: string) {
  const user = requireUserPage(c);
  const { db } = c.get('deps');
  const event = await findEvent(db, { slug });
  if (!event) throw new HttpError('not_found', 'No such event');
  assertCanManage(user, await hostIdsOf(db, event.id));
  return { user, event };
}

/** A list filter from the query string: an unknown value is no filter, not an error. */
const oneOf = <T extends string>(values: readonly T[], value: string | undefined) =>
  values.find((known) => known === value);

/** The message form says what a field needs in its own words, not a generic "required". */
const messageFieldMessages: Partial<Record<string, MessageKey>> = {
  audience: 'registration.message.error.audience',
  subject: 'registration.message.error.subject',
  body: 'registration.message.error.body',
};

/** The organizer's pages of an event's registrations: list, CSV, check-in, messages. */
export function registrationAdminRoutes() {
  const routes = new Hono<AppEnv>();

  /** The registrations page; with a refused action or message form, what to correct. */
  async function registrationsPage(
    c: Context<AppEnv>,
    refused: {
      message?: { values: MessageFormValues; problems: FormProblems };
      action?: FormProblems;
    } = {},
  ) {
    const { user, event } = await managedEventPage(c, c.req.param('slug') ?? '');
    const { db } = c.get('deps');
    const t = c.get('t');
    const filter = {
      status: oneOf(registrationStatuses, c.req.query('status')),
      attendance: oneOf(attendanceValues, c.req.query('attendance')),
    };
    const [rows, counts, sizes, sent, questions] = await Promise.all([
      listRegistrations(db, event.id, filter),
      registrationCounts(db, event.id),
      audienceSizes(db, event.id),
      listParticipantMessages(db, event.id),
      loadQuestions(db, event.id),
    ]);
    const sentCount = Number(c.req.query('sent'));
    c.header('Cache-Control', 'no-store');
    return c.html(
      RegistrationsAdminPage({
        ...pageContext(c),
        user,
        event,
        rows,
        counts,
        filter,
        questions: questions.map((question) => localizeQuestion(question, c.get('lang'))),
        problems: refused.action,
        messaging: {
          sizes,
          sent,
          values: refused.message?.values ?? {},
          problems: refused.message?.problems,
          notice:
            Number.isInteger(sentCount) && sentCount > 0
              ? t('registration.message.sent', { count: sentCount })
              : undefined,
        },
      }),
      refused.message?.problems.status ?? refused.action?.status ?? 200,
    );
  }

  routes.get('/admin/events/:slug/registrations', (c) => registrationsPage(c));

  routes.post('/admin/events/:slug/messages', async (c) => {
    const { user, event } = await managedEventPage(c, c.req.param('slug'));
    const form = await readForm(c);
    try {
      const input = formInput(participantMessageSchema, form);
      const size = (await audienceSizes(c.get('deps').db, event.id))[input.audience];
      // One email to each of them: a second, explicit step first (nobody to write to is refused below).
      if (size > 0 && !confirmed(form)) {
        const t = c.get('t');
        return c.html(
          ConfirmPage({
            ...pageContext(c),
            user,
            question: t('registration.message.confirm.question', { count: size }),
            details: [t('registration.message.confirm.details')],
            preview: MessagePreview({ t, subject: input.subject, body: input.body }),
            action: `/admin/events/${event.slug}/messages`,
            fields: { audience: input.audience, subject: input.subject, body: input.body },
            confirmLabel: t('registration.message.confirm.yes', { count: size }),
            backHref: `/admin/events/${event.slug}/registrations#messages`,
          }),
        );
      }
      const { recipients } = await sendParticipantMessage(c.get('deps'), user, event, input);
      return c.redirect(
        `/admin/events/${event.slug}/registrations?sent=${recipients}#messages`,
        303,
      );
    } catch (error) {
      const problems = formProblems(c.get('t'), error, { messages: messageFieldMessages });
      return registrationsPage(c, { message: { values: messageFormValues(form), problems } });
    }
  });

  routes.get('/admin/events/:slug/registrations.csv', async (c) => {
    const { event } = await managedEventPage(c, c.req.param('slug'));
    const { db } = c.get('deps');
    const [rows, questions] = await Promise.all([
      listRegistrations(db, event.id, {
        status: oneOf(registrationStatuses, c.req.query('status')),
        attendance: oneOf(attendanceValues, c.req.query('attendance')),
      }),
      loadQuestions(db, event.id),
    ]);
    const shown = questions.map((question) => localizeQuestion(question, c.get('lang')));
    return c.body(registrationsCsv(rows, event.timezone, shown), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${event.slug}-registrations.csv"`,
      'Cache-Control': 'no-store',
    });
  });

  routes.post('/admin/events/:slug/registrations/:id/promote', async (c) => {
    const { user, event } = await managedEventPage(c, c.req.param('slug'));
    try {
      await organizerPromote(c.get('deps'), user, event.id, pathId(c));
    } catch (error) {
      return registrationsPage(c, { action: formProblems(c.get('t'), error) });
    }
    return c.redirect(`/admin/events/${event.slug}/registrations`, 303);
  });

  routes.post('/admin/events/:slug/registrations/:id/cancel', async (c) => {
    const { user, event } = await managedEventPage(c, c.req.param('slug'));
    if (!confirmed(await readForm(c))) {
      const person = await registrationById(c.get('deps').db, pathId(c));
      if (!person || person.eventId !== event.id)
        throw new HttpError('not_found', 'No such registration');
      const t = c.get('t');
      return c.html(
        ConfirmPage({
          ...pageContext(c),
          user,
          question: t('registration.admin.cancelConfirm.question', {
            name: person.name ?? t('registration.admin.anonymized'),
          }),
          details: [t('registration.admin.cancelConfirm.details')],
          action: `/admin/events/${event.slug}/registrations/${person.id}/cancel`,
          confirmLabel: t('registration.admin.cancelConfirm.yes'),
          backHref: `/admin/events/${event.slug}/registrations`,
        }),
      );
    }
    try {
      await organizerCancel(c.get('deps'), user, event.id, pathId(c));
    } catch (error) {
      return registrationsPage(c, { action: formProblems(c.get('t'), error) });
    }
    return c.redirect(`/admin/events/${event.slug}/registrations`, 303);
  });

  async function checkInPage(c: Context<AppEnv>, search: string, problems?: FormProblems) {
    const { user, event } = await managedEventPage(c, c.req.param('slug') ?? '');
    const { db } = c.get('deps');
    const q = search.trim().slice(0, 100);
    const [rows, counts] = await Promise.all([
      listRegistrations(db, event.id, { status: 'confirmed', q: q || undefined }),
      registrationCounts(db, event.id),
    ]);
    c.header('Cache-Control', 'no-store');
    return c.html(
      CheckInPage({ ...pageContext(c), user, event, rows, counts, q, problems }),
      problems?.status ?? 200,
    );
  }

  routes.get('/admin/events/:slug/check-in', (c) => checkInPage(c, c.req.query('q') ?? ''));

  routes.post('/admin/events/:slug/registrations/:id/check-in', async (c) => {
    const { user, event } = await managedEventPage(c, c.req.param('slug'));
    const id = pathId(c);
    const form = await readForm(c);
    try {
      const { arrived, q } = formInput(checkInForm, form);
      await setCheckedIn(c.get('deps'), user, event.id, id, arrived === 'yes');
      const back = `/admin/events/${event.slug}/check-in${q ? `?q=${encodeURIComponent(q)}` : ''}`;
      return c.redirect(`${back}#r${id}`, 303);
    } catch (error) {
      // One button per person: what went wrong is said at the top of the page.
      const problems = formProblems(c.get('t'), error, { field: () => null });
      return checkInPage(c, text(form, 'q'), problems);
    }
  });

  routes.get('/admin/outbox', async (c) => {
    // Organizers read the messages about their own events (a newcomer without SMTP follows them).
    const user = requireUserPage(c);
    const { db } = c.get('deps');
    const messages = await listOutbox(db, {
      status: c.req.query('status'),
      limit: 200,
      municipalityIds: user.role === 'admin' ? undefined : user.municipalityIds,
    });
    c.header('Cache-Control', 'no-store');
    return c.html(OutboxPage({ ...pageContext(c), user, messages }));
  });

  return routes;
}
