import { Hono, type Context } from 'hono';
import { DateTime } from 'luxon';
import {
  AdminRecordingEditPage,
  AdminRecordingsPage,
  emptyRecordingForm,
  type RecordingFormValues,
} from '@views/recordings/admin-pages';
import { requireUserPage } from '@/platform/auth/guards';
import type { AppEnv } from '@/platform/deps';
import {
  HttpError,
  invalidFields,
  notFound,
  parseOrThrow,
  type ErrorDetail,
} from '@/platform/http/errors';
import { pageContext } from '@/platform/http/page';
import { formatOffset, parseZonedIso } from '@/platform/time';
import { formatChapterLines, parseChapterLines, parseDurationField } from './chapters';
import { agendaOf, allRecordingsOfEvent, type ManagedEvent, type RecordingView } from './queries';
import { recordingCreateInput, type RecordingCreateInput } from './schemas';
import {
  createRecording,
  deleteRecording,
  managedEvent,
  managedRecording,
  moveRecording,
  setChaptersFromAgenda,
  updateRecording,
} from './service';

function text(form: Record<string, unknown>, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value : '';
}

function formValues(form: Record<string, unknown>): RecordingFormValues {
  return {
    url: text(form, 'url').trim(),
    title: text(form, 'title').trim(),
    kind: text(form, 'kind') === 'live' ? 'live' : 'recording',
    agendaItemId: text(form, 'agendaItemId'),
    language: text(form, 'language').trim(),
    duration: text(form, 'duration').trim(),
    captionsUrl: text(form, 'captionsUrl').trim(),
    chapters: text(form, 'chapters'),
    published: text(form, 'published') === 'on',
  };
}

export function valuesOf(recording: RecordingView): RecordingFormValues {
  return {
    url: recording.sourceUrl,
    title: recording.title,
    kind: recording.kind,
    agendaItemId: recording.agendaItemId === null ? '' : String(recording.agendaItemId),
    language: recording.language ?? '',
    duration: recording.durationSeconds === null ? '' : formatOffset(recording.durationSeconds),
    captionsUrl: recording.captionsUrl ?? '',
    chapters: formatChapterLines(recording.chapters),
    published: recording.published,
  };
}

/** The form as an API body; problems the schema cannot see (chapter lines, duration) as details. */
function toInput(values: RecordingFormValues, t: AppEnv['Variables']['t']): RecordingCreateInput {
  const problems: ErrorDetail[] = [];
  const duration = parseDurationField(values.duration);
  if (Number.isNaN(duration)) {
    problems.push({ path: 'durationSeconds', message: t('recordings.field.duration') });
  }
  const { chapters, badLines } = parseChapterLines(values.chapters);
  if (badLines.length > 0) {
    problems.push({
      path: 'chapters',
      message: t('recordings.admin.badLines', { lines: badLines.join(', ') }),
    });
  }
  const agendaItemId = values.agendaItemId === '' ? null : Number(values.agendaItemId);
  const body = {
    url: values.url,
    ...(values.title ? { title: values.title } : {}),
    kind: values.kind,
    agendaItemId: agendaItemId === null || Number.isInteger(agendaItemId) ? agendaItemId : -1,
    language: values.language || null,
    durationSeconds: Number.isNaN(duration) ? null : duration,
    captionsUrl: values.captionsUrl || null,
    chapters,
    published: values.published,
  };
  try {
    const parsed = parseOrThrow(recordingCreateInput, body);
    if (problems.length > 0) throw invalidFields(problems);
    return parsed;
  } catch (error) {
    if (error instanceof HttpError && error.status === 422) {
      throw invalidFields([...error.details, ...problems]);
    }
    throw error;
  }
}

async function formOf(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  return (await c.req.parseBody()) as Record<string, unknown>;
}

function recordingId(c: Context<AppEnv>): number {
  const raw = c.req.param('id') ?? '';
  if (!/^\d{1,9}$/.test(raw)) throw notFound('No such recording');
  return Number(raw);
}

/** The recording if it belongs to this event and the user manages it. */
async function target(c: Context<AppEnv>) {
  const user = requireUserPage(c);
  const { db } = c.get('deps');
  const found = await managedRecording(db, user, recordingId(c));
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
    errors: ErrorDetail[],
  ) {
    const user = requireUserPage(c);
    const { db } = c.get('deps');
    const [recordings, agenda] = await Promise.all([
      allRecordingsOfEvent(db, event.id),
      agendaOf(db, event.id),
    ]);
    return c.html(
      AdminRecordingsPage({ ...pageContext(c), user, event, agenda, recordings, values, errors }),
      errors.length > 0 ? 422 : 200,
    );
  }

  routes.get('/admin/events/:slug/recordings', async (c) => {
    const user = requireUserPage(c);
    const event = await managedEvent(c.get('deps').db, user, c.req.param('slug'));
    return listPage(c, event, emptyRecordingForm, []);
  });

  routes.post('/admin/events/:slug/recordings', async (c) => {
    const user = requireUserPage(c);
    const { db, clock } = c.get('deps');
    const event = await managedEvent(db, user, c.req.param('slug'));
    const values = formValues(await formOf(c));
    try {
      await createRecording(db, user, event, toInput(values, c.get('t')), clock.now());
    } catch (error) {
      if (error instanceof HttpError && error.status === 422) {
        return listPage(c, event, values, error.details);
      }
      throw error;
    }
    return c.redirect(base(event.slug), 303);
  });

  async function editPage(
    c: Context<AppEnv>,
    found: Awaited<ReturnType<typeof target>>,
    values: RecordingFormValues,
    errors: ErrorDetail[],
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
        errors,
        recordingStart: localStart(found.event),
      }),
      errors.length > 0 ? 422 : 200,
    );
  }

  routes.get('/admin/events/:slug/recordings/:id', async (c) => {
    const found = await target(c);
    return editPage(c, found, valuesOf(found.recording), []);
  });

  routes.post('/admin/events/:slug/recordings/:id', async (c) => {
    const found = await target(c);
    const { db, clock } = c.get('deps');
    const values = formValues(await formOf(c));
    try {
      const input = toInput(values, c.get('t'));
      await updateRecording(
        db,
        found.user,
        found,
        { ...input, title: input.title ?? found.event.title },
        clock.now(),
      );
    } catch (error) {
      if (error instanceof HttpError && error.status === 422) {
        return editPage(c, found, values, error.details);
      }
      throw error;
    }
    return c.redirect(base(found.event.slug), 303);
  });

  routes.post('/admin/events/:slug/recordings/:id/delete', async (c) => {
    const found = await target(c);
    const { db, clock } = c.get('deps');
    await deleteRecording(db, found.user, found, clock.now());
    return c.redirect(base(found.event.slug), 303);
  });

  routes.post('/admin/events/:slug/recordings/:id/move', async (c) => {
    const found = await target(c);
    const { db, clock } = c.get('deps');
    const direction = text(await formOf(c), 'direction');
    if (direction !== 'up' && direction !== 'down') {
      throw invalidFields([{ path: 'direction', message: 'up or down' }]);
    }
    await moveRecording(db, found.user, found, direction, clock.now());
    return c.redirect(base(found.event.slug), 303);
  });

  routes.post('/admin/events/:slug/recordings/:id/chapters-from-agenda', async (c) => {
    const found = await target(c);
    const { db, clock } = c.get('deps');
    const raw = text(await formOf(c), 'startsAt').trim();
    const start = raw === '' ? found.event.startsAt : parseZonedIso(raw, found.event.timezone);
    if (!start) {
      return editPage(c, found, valuesOf(found.recording), [
        { path: 'startsAt', message: c.get('t')('recordings.admin.recordingStart') },
      ]);
    }
    await setChaptersFromAgenda(db, found.user, found, start, clock.now());
    return c.redirect(`${base(found.event.slug)}/${found.recording.id}`, 303);
  });

  return routes;
}
