import { Hono, type Context } from 'hono';
import { AdminEventsPage } from '@views/events/admin/admin-events-page';
import { AgendaEditorPage } from '@views/events/admin/agenda-editor-page';
import { EventFormPage } from '@views/events/admin/event-form-page';
import { assertCanManage, type CurrentUser } from '@/platform/auth/auth';
import { eventsFor } from '@/accounts';
import { requireUserPage } from '@/platform/auth/guards';
import type { AppEnv } from '@/platform/deps';
import { HttpError, notFound, parseOrThrow } from '@/platform/http/errors';
import { pageContext } from '@/platform/http/page';
import {
  BLANK_AGENDA_ROWS,
  agendaInputFromRows,
  agendaRowsFromForm,
  agendaRowsOf,
  eventFormValues,
  eventFormValuesFromBody,
  eventInputFromForm,
  fieldErrors,
  type AgendaRow,
  type EventFormValues,
  type FieldErrors,
} from './forms';
import { listMunicipalities } from './queries';
import { agendaInputSchema, eventInputSchema, eventPatchSchema } from './rules';
import { findEventBySlug, loadAgenda, type StoredEvent } from './reads';
import { copyEvent, createEvent, replaceAgenda, updateEvent } from './service';

/** The HttpError's fields as form errors when it is a validation failure; anything else is rethrown. */
function validationErrors(error: unknown, field?: (path: string) => string): FieldErrors {
  if (error instanceof HttpError && error.status === 422) return fieldErrors(error.details, field);
  throw error;
}

async function managedEvent(c: Context<AppEnv>, user: CurrentUser): Promise<StoredEvent> {
  const event = await findEventBySlug(c.get('deps').db, c.req.param('slug') ?? '');
  if (!event) throw notFound('No such event');
  assertCanManage(
    user,
    event.hosts.map((host) => host.id),
  );
  return event;
}

const blankRow = (): AgendaRow => ({
  position: '',
  startsAt: '',
  endsAt: '',
  title: '',
  kind: 'talk',
  speakers: '',
  room: '',
  description: '',
  remove: false,
});

/** /admin/events: the organizer's pages to create, edit, publish, postpone and cancel events and their agendas. */
export function eventAdminRoutes() {
  const routes = new Hono<AppEnv>();

  const renderForm = async (
    c: Context<AppEnv>,
    user: CurrentUser,
    values: EventFormValues,
    errors: FieldErrors,
    event?: StoredEvent,
    notice: { saved?: boolean; copied?: boolean } = {},
  ) => {
    const municipalities = await listMunicipalities(c.get('deps').db);
    const status = Object.keys(errors).length > 0 ? 422 : 200;
    return c.html(
      EventFormPage({ ...pageContext(c), user, event, values, errors, municipalities, ...notice }),
      status,
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
      {},
    );
  });

  routes.post('/admin/events/new', async (c) => {
    const user = requireUserPage(c);
    const deps = c.get('deps');
    const body = await c.req.parseBody({ all: true });
    try {
      const input = parseOrThrow(eventInputSchema, {
        ...eventInputFromForm(body),
        status: 'draft',
      });
      const event = await createEvent({ ...deps, user }, input);
      return c.redirect(`/admin/events/${event.slug}?saved=1`, 303);
    } catch (error) {
      return renderForm(c, user, eventFormValuesFromBody(body), validationErrors(error));
    }
  });

  routes.get('/admin/events/:slug', async (c) => {
    const user = requireUserPage(c);
    const event = await managedEvent(c, user);
    return renderForm(c, user, eventFormValues(event), {}, event, {
      saved: c.req.query('saved') === '1',
      copied: c.req.query('copied') === '1',
    });
  });

  routes.post('/admin/events/:slug/copy', async (c) => {
    const user = requireUserPage(c);
    const deps = c.get('deps');
    const event = await managedEvent(c, user);
    const body = await c.req.parseBody();
    const startsAt = typeof body.startsAt === 'string' ? body.startsAt : '';
    try {
      const copy = await copyEvent({ ...deps, user }, event.slug, startsAt);
      return c.redirect(`/admin/events/${copy.slug}?copied=1`, 303);
    } catch (error) {
      if (!(error instanceof HttpError) || error.status !== 422) throw error;
      // The new start is the form's only field: every refusal is shown beside it.
      const copyErrors = { copyStartsAt: error.details.map((detail) => detail.message) };
      return renderForm(c, user, eventFormValues(event), copyErrors, event);
    }
  });

  routes.post('/admin/events/:slug', async (c) => {
    const user = requireUserPage(c);
    const deps = c.get('deps');
    const event = await managedEvent(c, user);
    const body = await c.req.parseBody({ all: true });
    try {
      // The form has no status field: publishing and cancelling are separate actions.
      const fields = parseOrThrow(eventPatchSchema, eventInputFromForm(body));
      await updateEvent({ ...deps, user }, event.slug, fields);
      return c.redirect(`/admin/events/${event.slug}?saved=1`, 303);
    } catch (error) {
      return renderForm(c, user, eventFormValuesFromBody(body), validationErrors(error), event);
    }
  });

  routes.post('/admin/events/:slug/status', async (c) => {
    const user = requireUserPage(c);
    const deps = c.get('deps');
    const event = await managedEvent(c, user);
    const body = await c.req.parseBody();
    try {
      const patch = parseOrThrow(eventPatchSchema, {
        status: typeof body.status === 'string' ? body.status : '',
        cancelReason:
          typeof body.cancelReason === 'string' && body.cancelReason.trim()
            ? body.cancelReason
            : null,
      });
      await updateEvent({ ...deps, user }, event.slug, patch);
      return c.redirect(`/admin/events/${event.slug}?saved=1`, 303);
    } catch (error) {
      return renderForm(c, user, eventFormValues(event), validationErrors(error), event);
    }
  });

  routes.get('/admin/events/:slug/agenda', async (c) => {
    const user = requireUserPage(c);
    const event = await managedEvent(c, user);
    const agenda = await loadAgenda(c.get('deps').db, event.id);
    const rows = [
      ...agendaRowsOf(agenda, event.timezone),
      ...Array.from({ length: BLANK_AGENDA_ROWS }, blankRow),
    ];
    return c.html(
      AgendaEditorPage({
        ...pageContext(c),
        user,
        event,
        rows,
        errors: {},
        saved: c.req.query('saved') === '1',
      }),
    );
  });

  routes.post('/admin/events/:slug/agenda', async (c) => {
    const user = requireUserPage(c);
    const deps = c.get('deps');
    const event = await managedEvent(c, user);
    const rows = agendaRowsFromForm(await c.req.parseBody({ all: true }));
    const { items, screenRow } = agendaInputFromRows(rows);
    try {
      await replaceAgenda({ ...deps, user }, event.slug, parseOrThrow(agendaInputSchema, items));
      return c.redirect(`/admin/events/${event.slug}/agenda?saved=1`, 303);
    } catch (error) {
      // Errors name the item in the submitted list; show them on the row it came from.
      const errors = validationErrors(error, (path) => {
        const [index, field] = path.split('.');
        return `${screenRow[Number(index)] ?? index}.${field ?? 'title'}`;
      });
      return c.html(AgendaEditorPage({ ...pageContext(c), user, event, rows, errors }), 422);
    }
  });

  return routes;
}
