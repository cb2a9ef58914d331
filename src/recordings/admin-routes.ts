import { Hono, type Context } from 'hono';
import { DateTime } from 'luxon';
import { AdminRecordingEditPage, AdminRecordingsPage } from '@views/recordings/admin-pages';
import { ConfirmPage } from '@views/shell/confirm-page';
import { requireUserPage } from '@/platform/auth/guards';
import type { AppEnv } from '@/platform/deps';
import { notFound } from '@/platform/http/errors';
import {
  confirmed,
  formInput,
  formProblems,
  pathId,
  readForm,
  type FormProblems,
} from '@/platform/http/forms';
import { pageContext } from '@/platform/http/page';
import {
  emptyRecordingForm,
  moveForm,
  recordingField,
  recordingFormInput,
  recordingFormValues,
  recordingFormValuesOf,
  recordingStartFromForm,
  type RecordingFormValues,
} from './forms';
import { agendaOf, allRecordingsOfEvent, type ManagedEvent } from './queries';
import {
  createRecording,
  deleteRecording,
  managedEvent,
  managedRecording,
  moveRecording,
  setChaptersFromAgenda,
  updateRecording,
} from './service';

/** The recording if it belongs to this event and the user manages it. */
async function target(c: Context<AppEnv>) {
  const user = requireUserPage(c);
  const { db } = c.get('deps');
  const found = await managedRecording(db, user, pathId(c));
  if (found.event.slug !== c.req.param('slug')) throw notFound('No such recording');
  return { user, ...found };
}

function localStart(event: ManagedEvent): string {
  return DateTime.fromJSDate(event.startsAt).setZone(event.timezone).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** /admin/events/:slug/recordings: organizer pages to add, edit, reorder and remove. */
export function adminRecordingRoutes() {
  const routes = new Hono<AppEnv>();
  const base = (slug: string) => `/admin/events/${slug}/recordings`;

  async function listPage(
    c: Context<AppEnv>,
    event: ManagedEvent,
    values: RecordingFormValues,
    problems?: FormProblems,
  ) {
    const user = requireUserPage(c);
    const { db } = c.get('deps');
    const [recordings, agenda] = await Promise.all([
      allRecordingsOfEvent(db, event.id),
      agendaOf(db, event.id),
    ]);
    return c.html(
      AdminRecordingsPage({ ...pageContext(c), user, event, agenda, recordings, values, problems }),
      problems?.status ?? 200,
    );
  }

  routes.get('/admin/events/:slug/recordings', async (c) => {
    const user = requireUserPage(c);
    const event = await managedEvent(c.get('deps').db, user, c.req.param('slug'));
    return listPage(c, event, emptyRecordingForm);
  });

  routes.post('/admin/events/:slug/recordings', async (c) => {
    const user = requireUserPage(c);
    const { db, clock } = c.get('deps');
    const event = await managedEvent(db, user, c.req.param('slug'));
    const form = await readForm(c);
    try {
      await createRecording(db, user, event, recordingFormInput(form), clock.now());
    } catch (error) {
      const problems = formProblems(c.get('t'), error, { field: recordingField });
      return listPage(c, event, recordingFormValues(form), problems);
    }
    return c.redirect(base(event.slug), 303);
  });

  async function editPage(
    c: Context<AppEnv>,
    found: Awaited<ReturnType<typeof target>>,
    values: RecordingFormValues,
    problems?: FormProblems,
  ) {
    const agenda = await agendaOf(c.get('deps').db, found.event.id);
    return c.html(
      AdminRecordingEditPage({
        ...pageContext(c),
        user: found.user,
        event: found.event,
        agenda,
        recording: found.recording,
        values,
        problems,
        recordingStart: localStart(found.event),
      }),
      problems?.status ?? 200,
    );
  }

  routes.get('/admin/events/:slug/recordings/:id', async (c) => {
    const found = await target(c);
    return editPage(c, found, recordingFormValuesOf(found.recording));
  });

  routes.post('/admin/events/:slug/recordings/:id', async (c) => {
    const found = await target(c);
    const { db, clock } = c.get('deps');
    const form = await readForm(c);
    try {
      const input = recordingFormInput(form);
      await updateRecording(
        db,
        found.user,
        found,
        { ...input, title: input.title ?? found.event.title },
        clock.now(),
      );
    } catch (error) {
      const problems = formProblems(c.get('t'), error, { field: recordingField });
      return editPage(c, found, recordingFormValues(form), problems);
    }
    return c.redirect(base(found.event.slug), 303);
  });

  routes.post('/admin/events/:slug/recordings/:id/delete', async (c) => {
    const found = await target(c);
    const { db, clock } = c.get('deps');
    if (!confirmed(await readForm(c))) {
      const t = c.get('t');
      return c.html(
        ConfirmPage({
          ...pageContext(c),
          user: found.user,
          question: t('recordings.admin.deleteConfirm', { title: found.recording.title }),
          details: [t('recordings.admin.deleteConfirmDetails')],
          action: `${base(found.event.slug)}/${found.recording.id}/delete`,
          confirmLabel: t('recordings.admin.deleteConfirmYes'),
          backHref: base(found.event.slug),
        }),
      );
    }
    await deleteRecording(db, found.user, found, clock.now());
    return c.redirect(base(found.event.slug), 303);
  });

  routes.post('/admin/events/:slug/recordings/:id/move', async (c) => {
    const found = await target(c);
    const { db, clock } = c.get('deps');
    try {
      const { direction } = formInput(moveForm, await readForm(c));
      await moveRecording(db, found.user, found, direction, clock.now());
    } catch (error) {
      // The buttons' only field is hidden: what went wrong is said at the top.
      const problems = formProblems(c.get('t'), error, { field: () => null });
      return listPage(c, found.event, emptyRecordingForm, problems);
    }
    return c.redirect(base(found.event.slug), 303);
  });

  routes.post('/admin/events/:slug/recordings/:id/chapters-from-agenda', async (c) => {
    const found = await target(c);
    const { db, clock } = c.get('deps');
    try {
      const start = recordingStartFromForm(await readForm(c), found.event);
      await setChaptersFromAgenda(db, found.user, found, start, clock.now());
    } catch (error) {
      // Chapters made from the agenda may not fit the recording: said at the top, not on its form.
      const problems = formProblems(c.get('t'), error, {
        field: (path) => (path === 'startsAt' ? path : null),
      });
      return editPage(c, found, recordingFormValuesOf(found.recording), problems);
    }
    return c.redirect(`${base(found.event.slug)}/${found.recording.id}`, 303);
  });

  return routes;
}
