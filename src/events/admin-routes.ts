import { Hono, type Context } from 'hono';
import { AdminEventsPage } from '@views/events/admin/admin-events-page';
import { AgendaEditorPage } from '@views/events/admin/agenda-editor-page';
import { EventFormPage } from '@views/events/admin/event-form-page';
import { assertCanManage, type CurrentUser } from '@/platform/auth/auth';
import { eventsFor } from './attention';
import { requireUserPage } from '@/platform/auth/guards';
import type { AppEnv } from '@/platform/deps';
import { notFound, parseOrThrow } from '@/platform/http/errors';
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
  agendaInputFromRows,
  agendaRowsFromForm,
  agendaRowsOf,
  blankAgendaRow,
  eventCopyForm,
  eventEditForm,
  eventFormValues,
  eventFormValuesFromBody,
  eventStatusForm,
  eventDays,
  formField,
  newEventForm,
  type EventFormValues,
} from './forms';
import { renderEventPage } from './event-page';
import { questionAdminRoutes } from './question-routes';
import { listKnownVenues, listMunicipalities } from './queries';
import { contentLang } from '@/platform/i18n/content';
import { agendaInputSchema } from './rules';
import { findEventBySlug, loadAgenda, type StoredEvent } from './reads';
import { copyEvent, createEvent, replaceAgenda, updateEvent } from './service';

async function managedEvent(c: Context<AppEnv>, user: CurrentUser): Promise<StoredEvent> {
  const event = await findEventBySlug(c.get('deps').db, c.req.param('slug') ?? '');
  if (!event) throw notFound('No such event');
  assertCanManage(
    user,
    event.hosts.map((host) => host.id),
  );
  return event;
}

/** /admin/events: the organizer's pages to create, edit, publish, postpone and cancel events and their agendas. */
export function eventAdminRoutes() {
  const routes = new Hono<AppEnv>();

  const renderForm = async (
    c: Context<AppEnv>,
    user: CurrentUser,
    values: EventFormValues,
    problems: FormProblems | undefined,
    event?: StoredEvent,
    notice: { saved?: boolean; copied?: boolean } = {},
  ) => {
    const { db } = c.get('deps');
    // The places already used where this organizer (or the event's hosts) organize.
    const venueHosts =
      user.role === 'admin'
        ? null
        : [...new Set([...user.municipalityIds, ...(event?.hosts.map((host) => host.id) ?? [])])];
    const [municipalities, venues] = await Promise.all([
      listMunicipalities(db),
      listKnownVenues(db, venueHosts),
    ]);
    return c.html(
      EventFormPage({
        ...pageContext(c),
        user,
        event,
        values,
        problems,
        municipalities,
        venues,
        ...notice,
      }),
      problems?.status ?? 200,
    );
  };

  routes.get('/admin/events', async (c) => {
    const user = requireUserPage(c);
    const events = await eventsFor(c.get('deps').db, user);
    return c.html(AdminEventsPage({ ...pageContext(c), user, events }));
  });

  routes.get('/admin/events/new', async (c) => {
    const user = requireUserPage(c);
    const { db } = c.get('deps');
    const municipalities = await listMunicipalities(db);
    const ownHosts = municipalities
      .filter((m) => user.municipalityIds.includes(m.id))
      .map((m) => m.slug);
    return renderForm(
      c,
      user,
      { kind: 'think_tank', waitlist: true, hosts: ownHosts.slice(0, 1) },
      undefined,
    );
  });

  routes.post('/admin/events/new', async (c) => {
    const user = requireUserPage(c);
    const deps = c.get('deps');
    const form = await readForm(c);
    try {
      const event = await createEvent({ ...deps, user }, formInput(newEventForm, form));
      return c.redirect(`/admin/events/${event.slug}?saved=1`, 303);
    } catch (error) {
      const problems = formProblems(c.get('t'), error, { field: formField });
      return renderForm(c, user, eventFormValuesFromBody(form), problems);
    }
  });

  routes.get('/admin/events/:slug', async (c) => {
    const user = requireUserPage(c);
    const event = await managedEvent(c, user);
    return renderForm(c, user, eventFormValues(event), undefined, event, {
      saved: c.req.query('saved') === '1',
      copied: c.req.query('copied') === '1',
    });
  });

  // The public page as it will be, for the event's organizers only (a draft is 404 in public).
  routes.get('/admin/events/:slug/preview', async (c) => {
    const user = requireUserPage(c);
    const event = await managedEvent(c, user);
    c.header('X-Robots-Tag', 'noindex, nofollow');
    c.header('Cache-Control', 'private, no-store');
    return renderEventPage(c, event, { preview: true });
  });

  routes.post('/admin/events/:slug/copy', async (c) => {
    const user = requireUserPage(c);
    const deps = c.get('deps');
    const event = await managedEvent(c, user);
    const form = await readForm(c);
    try {
      const { startsAt } = formInput(eventCopyForm, form);
      const copy = await copyEvent({ ...deps, user }, event.slug, startsAt);
      return c.redirect(`/admin/events/${copy.slug}?copied=1`, 303);
    } catch (error) {
      // The new start is the form's only field: every refusal is shown beside it.
      const problems = formProblems(c.get('t'), error, { field: () => 'copyStartsAt' });
      return renderForm(c, user, eventFormValues(event), problems, event);
    }
  });

  routes.post('/admin/events/:slug', async (c) => {
    const user = requireUserPage(c);
    const deps = c.get('deps');
    const event = await managedEvent(c, user);
    const form = await readForm(c);
    try {
      await updateEvent({ ...deps, user }, event.slug, formInput(eventEditForm, form));
      return c.redirect(`/admin/events/${event.slug}?saved=1`, 303);
    } catch (error) {
      const problems = formProblems(c.get('t'), error, { field: formField });
      return renderForm(c, user, eventFormValuesFromBody(form), problems, event);
    }
  });

  routes.post('/admin/events/:slug/status', async (c) => {
    const user = requireUserPage(c);
    const deps = c.get('deps');
    const event = await managedEvent(c, user);
    const form = await readForm(c);
    // Cancelling emails everyone registered: a second, explicit step first (with a reason given;
    // without one the refusal below says so beside the field).
    if (
      text(form, 'status') === 'cancelled' &&
      text(form, 'cancelReason').trim() &&
      !confirmed(form)
    ) {
      const t = c.get('t');
      return c.html(
        ConfirmPage({
          ...pageContext(c),
          user,
          question: t('admin.event.cancelConfirm.question', { title: event.title }),
          details: [t('admin.event.cancelConfirm.details')],
          action: `/admin/events/${event.slug}/status`,
          fields: { status: 'cancelled', cancelReason: text(form, 'cancelReason') },
          confirmLabel: t('admin.event.cancelConfirm.yes'),
          backHref: `/admin/events/${event.slug}`,
        }),
      );
    }
    try {
      await updateEvent({ ...deps, user }, event.slug, formInput(eventStatusForm, form));
      return c.redirect(`/admin/events/${event.slug}?saved=1`, 303);
    } catch (error) {
      // Only the reason is a field of its own; any other refusal is said at the top.
      const problems = formProblems(c.get('t'), error, {
        field: (path) => (path === 'cancelReason' ? path : null),
      });
      return renderForm(c, user, eventFormValues(event), problems, event);
    }
  });

  routes.get('/admin/events/:slug/agenda', async (c) => {
    const user = requireUserPage(c);
    const event = await managedEvent(c, user);
    const agenda = await loadAgenda(c.get('deps').db, event.id);
    const days = eventDays(event);
    const rows = [...agendaRowsOf(agenda, event.timezone), blankAgendaRow(days[0] ?? '')];
    return c.html(
      AgendaEditorPage({
        ...pageContext(c),
        user,
        event,
        days,
        rows,
        saved: c.req.query('saved') === '1',
      }),
    );
  });

  routes.post('/admin/events/:slug/agenda', async (c) => {
    const user = requireUserPage(c);
    const deps = c.get('deps');
    const event = await managedEvent(c, user);
    const form = await readForm(c);
    const days = eventDays(event);
    const rows = agendaRowsFromForm(form, days[0] ?? '');
    // "Add a row" without JavaScript: the same rows and one more, nothing saved yet.
    if (text(form, 'addRow')) {
      const withBlank = [...rows, blankAgendaRow(days[0] ?? '')];
      return c.html(AgendaEditorPage({ ...pageContext(c), user, event, days, rows: withBlank }));
    }
    const { items, screenRow } = agendaInputFromRows(rows, contentLang(event.originalLang));
    try {
      await replaceAgenda({ ...deps, user }, event.slug, parseOrThrow(agendaInputSchema, items));
      return c.redirect(`/admin/events/${event.slug}/agenda?saved=1`, 303);
    } catch (error) {
      // Errors name the item in the submitted list; show them on the row it came from.
      const problems = formProblems(c.get('t'), error, {
        field: (path) => {
          const [index, field] = path.split('.');
          const row = screenRow[Number(index)];
          return row === undefined ? null : `items.${row}.${field ?? 'title'}`;
        },
      });
      return c.html(
        AgendaEditorPage({ ...pageContext(c), user, event, days, rows, problems }),
        problems.status,
      );
    }
  });

  routes.route('/', questionAdminRoutes());
  return routes;
}
