import { Hono, type Context } from 'hono';
import { requireAdminPage, requireUserPage } from '@/platform/auth/guards';
import { assertCanManage } from '@/platform/auth/auth';
import { sendPersonalFeedLink } from '@/calendar';
import { isLang } from '@/platform/i18n';
import { hitRateLimit } from '@/platform/http/rate-limit';
import type { AppEnv } from '@/platform/deps';
import { HttpError, MAX_ID } from '@/platform/http/errors';
import { pageContext } from '@/platform/http/page';
import { listOutbox } from '@/platform/mail/outbox/queries';
import { OutboxPage } from '@/accounts';
import {
  CheckInPage,
  RegistrationsAdminPage,
  type MessageFormValues,
} from '@views/registrations/admin';
import {
  ManageRegistrationPage,
  RegistrationFormPage,
  RegistrationResultPage,
} from '@views/registrations/pages';
import type { RegistrationFormValues } from '@views/registrations/registration-panel';
import { limitRegistrations } from './api';
import {
  audienceSizes,
  listParticipantMessages,
  sendParticipantMessage,
  type Audience,
} from './participant-messages';
import { registrationsCsv } from './csv';
import { findEvent, hostIdsOf, isPublicEvent } from '@/events';
import { listRegistrations, registrationCounts, seatsFor } from './queries';
import {
  attendanceValues,
  formToInput,
  registrationInput,
  registrationWindow,
  type Attendance,
  type RegistrationStatus,
} from './rules';
import { organizerCancel, organizerPromote, setCheckedIn } from './organizer';
import { cancelByToken, loadManaged, switchAttendance } from './participant';
import { registerParticipant } from './register';

type Form = Record<string, string | File | (string | File)[]>;

/** Personal feed links one registration may have emailed: enough for a lost email, not a spam tool. */
const FEED_LINK_RATE_LIMIT = { limit: 3, windowSeconds: 60 * 60, blockSeconds: 60 * 60 };

const field = (form: Form, name: string): string | undefined => {
  const value = form[name];
  return typeof value === 'string' ? value : undefined;
};

function valuesOf(form: Form): RegistrationFormValues {
  return {
    name: field(form, 'name'),
    email: field(form, 'email'),
    organization: field(form, 'organization'),
    attendance: field(form, 'attendance'),
    needs: field(form, 'needs'),
    followUp: Boolean(field(form, 'followUp')),
  };
}

async function managedEventPage(c: Context<AppEnv>, slug: string) {
  const user = requireUserPage(c);
  const { db } = c.get('deps');
  const event = await findEvent(db, { slug });
  if (!event) throw new HttpError('not_found', 'No such event');
  assertCanManage(user, await hostIdsOf(db, event.id));
  return { user, event };
}

const statuses: readonly RegistrationStatus[] = ['confirmed', 'waitlisted', 'cancelled'];
const asStatus = (value: string | undefined) =>
  statuses.find((status) => status === value) as RegistrationStatus | undefined;
const asAttendance = (value: string | undefined) =>
  attendanceValues.find((a) => a === value) as Attendance | undefined;

/** A positive integer id from the path, or 404. */
function idParam(value: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0 || id > MAX_ID) {
    throw new HttpError('not_found', 'No such registration');
  }
  return id;
}

export function registrationRoutes() {
  const routes = new Hono<AppEnv>();

  routes.post('/events/:slug/register', async (c) => {
    const deps = c.get('deps');
    const slug = c.req.param('slug');
    const event = await findEvent(deps.db, { slug });
    if (!event || !isPublicEvent(event)) throw new HttpError('not_found', 'No such event');
    await limitRegistrations(c);
    const form = (await c.req.parseBody()) as Form;
    const ctx = pageContext(c);
    // A filled honeypot is a bot: answer like a success, store and send nothing.
    if (field(form, 'website')) {
      return c.html(RegistrationResultPage({ ...ctx, event, outcome: 'received' }));
    }
    const parsed = registrationInput.safeParse(formToInput(form));
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const name = String(issue.path[0] ?? 'form');
        errors[name] ??= issue.message;
      }
      return c.html(
        RegistrationFormPage({
          ...ctx,
          event,
          seats: await seatsFor(deps.db, event.id),
          state: registrationWindow(event, deps.clock.now()),
          values: valuesOf(form),
          errors,
        }),
        422,
      );
    }
    try {
      const result = await registerParticipant(deps, slug, parsed.data, c.get('lang'));
      return c.html(
        RegistrationResultPage({
          ...ctx,
          event,
          outcome: result.status,
          position: result.waitlistPosition,
        }),
        201,
      );
    } catch (error) {
      if (error instanceof HttpError && error.code === 'already_registered') {
        return c.html(RegistrationResultPage({ ...ctx, event, outcome: 'duplicate' }), 409);
      }
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
      throw error;
    }
  });

  const manage = async (c: Context<AppEnv>, extra: { notice?: string; error?: string } = {}) => {
    const deps = c.get('deps');
    const token = c.req.param('token') ?? '';
    const managed = await loadManaged(deps.db, token);
    if (!managed) throw new HttpError('not_found', 'No such registration');
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(
      ManageRegistrationPage({
        ...pageContext(c),
        token,
        ...managed,
        canChange: registrationWindow(managed.event, deps.clock.now()) === 'open',
        ...extra,
      }),
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
      await sendPersonalFeedLink(
        db,
        { email, name: managed.registration.name ?? '', lang },
        config.publicUrl,
        now,
      );
    }
    return c.redirect(`/registrations/${token}?done=feed`, 303);
  });

  routes.post('/registrations/:token/attendance', async (c) => {
    const token = c.req.param('token');
    const form = (await c.req.parseBody()) as Form;
    const attendance = asAttendance(field(form, 'attendance'));
    if (!attendance) throw new HttpError('invalid_fields', 'attendance is invalid');
    try {
      await switchAttendance(c.get('deps'), token, attendance);
    } catch (error) {
      const t = c.get('t');
      if (error instanceof HttpError && error.code === 'event_full') {
        return manage(c, { error: t('registration.error.full') });
      }
      if (error instanceof HttpError && [409, 410].includes(error.status)) {
        return manage(c, { error: t('registration.error.closed') });
      }
      throw error;
    }
    return c.redirect(`/registrations/${token}?done=updated`, 303);
  });

  /** The organizer's registrations page; with `message`, the message form as sent and its errors. */
  async function registrationsPage(
    c: Context<AppEnv>,
    message?: { values: MessageFormValues; errors: Partial<Record<string, string>> },
  ) {
    const { user, event } = await managedEventPage(c, c.req.param('slug') ?? '');
    const { db } = c.get('deps');
    const t = c.get('t');
    const filter = {
      status: asStatus(c.req.query('status')),
      attendance: asAttendance(c.req.query('attendance')),
    };
    const [rows, counts, sizes, sent] = await Promise.all([
      listRegistrations(db, event.id, filter),
      registrationCounts(db, event.id),
      audienceSizes(db, event.id),
      listParticipantMessages(db, event.id),
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
        messaging: {
          sizes,
          sent,
          values: message?.values ?? {},
          errors: message?.errors ?? {},
          notice:
            Number.isInteger(sentCount) && sentCount > 0
              ? t('registration.message.sent', { count: sentCount })
              : undefined,
        },
      }),
      message ? 422 : 200,
    );
  }

  routes.get('/admin/events/:slug/registrations', (c) => registrationsPage(c));

  routes.post('/admin/events/:slug/messages', async (c) => {
    const { user, event } = await managedEventPage(c, c.req.param('slug'));
    const form = (await c.req.parseBody()) as Form;
    const values: MessageFormValues = {
      audience: field(form, 'audience'),
      subject: field(form, 'subject'),
      body: field(form, 'body'),
    };
    try {
      const { recipients } = await sendParticipantMessage(c.get('deps'), user, event, {
        audience: values.audience as Audience,
        subject: values.subject ?? '',
        body: values.body ?? '',
      });
      return c.redirect(
        `/admin/events/${event.slug}/registrations?sent=${recipients}#messages`,
        303,
      );
    } catch (error) {
      if (!(error instanceof HttpError) || error.status !== 422) throw error;
      const t = c.get('t');
      const errors: Partial<Record<string, string>> = {};
      for (const detail of error.details) {
        const key = detail.path.split('.')[0] ?? '';
        if (error.code === 'nobody_to_message')
          errors.audience = t('registration.message.error.nobody');
        else if (key === 'audience' || key === 'subject' || key === 'body') {
          errors[key] = t(`registration.message.error.${key}`);
        }
      }
      return registrationsPage(c, { values, errors });
    }
  });

  routes.get('/admin/events/:slug/registrations.csv', async (c) => {
    const { event } = await managedEventPage(c, c.req.param('slug'));
    const rows = await listRegistrations(c.get('deps').db, event.id, {
      status: asStatus(c.req.query('status')),
      attendance: asAttendance(c.req.query('attendance')),
    });
    return c.body(registrationsCsv(rows, event.timezone), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${event.slug}-registrations.csv"`,
      'Cache-Control': 'no-store',
    });
  });

  routes.post('/admin/events/:slug/registrations/:id/promote', async (c) => {
    const { user, event } = await managedEventPage(c, c.req.param('slug'));
    await organizerPromote(c.get('deps'), user, event.id, idParam(c.req.param('id')));
    return c.redirect(`/admin/events/${event.slug}/registrations`, 303);
  });

  routes.post('/admin/events/:slug/registrations/:id/cancel', async (c) => {
    const { user, event } = await managedEventPage(c, c.req.param('slug'));
    await organizerCancel(c.get('deps'), user, event.id, idParam(c.req.param('id')));
    return c.redirect(`/admin/events/${event.slug}/registrations`, 303);
  });

  routes.get('/admin/events/:slug/check-in', async (c) => {
    const { user, event } = await managedEventPage(c, c.req.param('slug'));
    const { db } = c.get('deps');
    const q = (c.req.query('q') ?? '').trim().slice(0, 100);
    const [rows, counts] = await Promise.all([
      listRegistrations(db, event.id, { status: 'confirmed', q: q || undefined }),
      registrationCounts(db, event.id),
    ]);
    c.header('Cache-Control', 'no-store');
    return c.html(CheckInPage({ ...pageContext(c), user, event, rows, counts, q }));
  });

  routes.post('/admin/events/:slug/registrations/:id/check-in', async (c) => {
    const { user, event } = await managedEventPage(c, c.req.param('slug'));
    const form = (await c.req.parseBody()) as Form;
    const id = idParam(c.req.param('id'));
    await setCheckedIn(c.get('deps'), user, event.id, id, field(form, 'arrived') !== 'no');
    const q = (field(form, 'q') ?? '').trim().slice(0, 100);
    const back = `/admin/events/${event.slug}/check-in${q ? `?q=${encodeURIComponent(q)}` : ''}`;
    return c.redirect(`${back}#r${id}`, 303);
  });

  routes.get('/admin/outbox', async (c) => {
    const user = requireAdminPage(c);
    const { db } = c.get('deps');
    const messages = await listOutbox(db, { status: c.req.query('status'), limit: 200 });
    c.header('Cache-Control', 'no-store');
    return c.html(OutboxPage({ ...pageContext(c), user, messages }));
  });

  return routes;
}
