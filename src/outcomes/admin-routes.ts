import { Hono, type Context } from 'hono';
import { AdminOutcomesPage } from '@views/outcomes/admin-outcomes-page';
import { QuotePickerPage } from '@views/outcomes/quote-page';
import { ConfirmPage } from '@views/shell/confirm-page';
import { findEventById, findEventBySlug, loadAgenda } from '@/events';
import { assertCanManage, type CurrentUser } from '@/platform/auth/auth';
import { requireUserPage } from '@/platform/auth/guards';
import type { Queryable } from '@/platform/db/types';
import type { AppEnv } from '@/platform/deps';
import { notFound } from '@/platform/http/errors';
import {
  confirmed,
  formInput,
  text,
  formProblems,
  pathId,
  readForm,
  type Form,
  type FormProblems,
} from '@/platform/http/forms';
import { pageContext } from '@/platform/http/page';
import { cueById } from '@/captions';
import { allRecordingsOfEvent } from '@/recordings';
import { findCaptionCues } from '@/search';
import { editOutcomeForm, newOutcomeForm, publishOutcomeForm } from './forms';
import {
  createOutcome,
  deleteOutcome,
  listEventOutcomes,
  listRecordingChoices,
  updateOutcome,
} from './service';

/**
 * A refused outcome form: the page again, with the problems beside the form and what was sent.
 * `outcomeId` names the note whose edit form (or delete) was refused; without it, the new one.
 */
export type OutcomeFormState = { problems: FormProblems; values: Form; outcomeId?: number };

/** The form's own message for a "said at" time it cannot read. */
const problemOptions = { messages: { offsetSeconds: 'outcomes.field.offsetInvalid' as const } };

/** One note of an event the user manages, by the page's slug and id (404 when the event has no such note). */
async function findManagedOutcome(db: Queryable, user: CurrentUser, slug: string, id: number) {
  const event = await findEventBySlug(db, slug);
  if (!event) throw notFound('No such event');
  assertCanManage(
    user,
    event.hosts.map((host) => host.id),
  );
  const notes = await listEventOutcomes(db, event.id, { publishedOnly: false });
  const outcome = notes.find((note) => note.id === id);
  if (!outcome) throw notFound('No such outcome');
  return outcome;
}

/** /admin/events/:slug/outcomes: writing an event's outcome notes, and publishing them. */
export function outcomeAdminRoutes() {
  const routes = new Hono<AppEnv>();

  async function outcomesPage(c: Context<AppEnv>, user: CurrentUser, failed?: OutcomeFormState) {
    const { db } = c.get('deps');
    const event = await findEventBySlug(db, c.req.param('slug') ?? '');
    if (!event) throw notFound('No such event');
    assertCanManage(
      user,
      event.hosts.map((host) => host.id),
    );
    const [agenda, recordings, outcomes, playable] = await Promise.all([
      loadAgenda(db, event.id),
      listRecordingChoices(db, event.id),
      listEventOutcomes(db, event.id, { publishedOnly: false }),
      allRecordingsOfEvent(db, event.id),
    ]);
    const t = c.get('t');
    const notice =
      c.req.query('saved') !== undefined
        ? t('outcomes.admin.saved')
        : c.req.query('deleted') !== undefined
          ? t('outcomes.admin.deleted')
          : undefined;
    return c.html(
      AdminOutcomesPage({
        ...pageContext(c),
        user,
        event,
        agenda,
        recordings,
        playable,
        outcomes,
        failed,
        notice,
      }),
      failed ? failed.problems.status : 200,
    );
  }

  routes.get('/admin/events/:slug/outcomes', (c) => outcomesPage(c, requireUserPage(c)));

  routes.post('/admin/events/:slug/outcomes', async (c) => {
    const user = requireUserPage(c);
    const slug = c.req.param('slug');
    const form = await readForm(c);
    try {
      const { db, clock } = c.get('deps');
      await createOutcome({ db, clock, user }, slug, formInput(newOutcomeForm, form));
    } catch (error) {
      return outcomesPage(c, user, {
        problems: formProblems(c.get('t'), error, problemOptions),
        values: form,
      });
    }
    return c.redirect(`/admin/events/${slug}/outcomes?saved`, 303);
  });

  /** A note's own edit form (folded on the page); refused, the page shows it open with its problems. */
  routes.post('/admin/events/:slug/outcomes/:id', async (c) => {
    const user = requireUserPage(c);
    const slug = c.req.param('slug');
    const id = pathId(c);
    const form = await readForm(c);
    const { db, clock } = c.get('deps');
    await findManagedOutcome(db, user, slug, id);
    try {
      await updateOutcome({ db, clock, user }, id, formInput(editOutcomeForm, form));
    } catch (error) {
      return outcomesPage(c, user, {
        problems: formProblems(c.get('t'), error, problemOptions),
        values: form,
        outcomeId: id,
      });
    }
    return c.redirect(`/admin/events/${slug}/outcomes?saved`, 303);
  });

  /**
   * Quoting what was said: find words in the event's recordings' captions (GET), choose the cue
   * (POST of a radio button, or an empty one to remove the quote). Works without JavaScript.
   */
  async function quotePage(c: Context<AppEnv>, user: CurrentUser, problem?: string) {
    const { db } = c.get('deps');
    const slug = c.req.param('slug') ?? '';
    const outcome = await findManagedOutcome(db, user, slug, pathId(c));
    const event = await findEventById(db, outcome.eventId);
    if (!event) throw notFound('No such event');
    // Only published recordings: a quote is shown on the public page with a link to its
    // recording, so an unpublished one's words would be made public and its link a 404.
    const recordings = await listRecordingChoices(db, event.id, { publishedOnly: true });
    const asked = Number(c.req.query('recording'));
    const recordingId = recordings.some((r) => r.id === asked) ? asked : null;
    const q = (c.req.query('q') ?? '').trim().slice(0, 200);
    const found = q
      ? await findCaptionCues(db, recordingId ? [recordingId] : recordings.map((r) => r.id), q)
      : null;
    return c.html(
      QuotePickerPage({
        ...pageContext(c),
        user,
        event,
        outcome,
        recordings,
        recordingId,
        q,
        found,
        problem,
      }),
      problem ? 422 : 200,
    );
  }

  routes.get('/admin/events/:slug/outcomes/:id/quote', (c) => quotePage(c, requireUserPage(c)));

  routes.post('/admin/events/:slug/outcomes/:id/quote', async (c) => {
    const user = requireUserPage(c);
    const slug = c.req.param('slug');
    const id = pathId(c);
    const { db, clock } = c.get('deps');
    const outcome = await findManagedOutcome(db, user, slug, id);
    const form = await readForm(c);
    // The list's form sends no field when no cue was chosen; the remove button sends it empty.
    if (form.captionCueId === undefined) {
      return quotePage(c, user, c.get('t')('captions.quote.noChoice'));
    }
    const chosen = text(form, 'captionCueId').trim();
    let captionCueId: number | null = null;
    if (chosen !== '') {
      // Only a cue of this event's recordings: not another event's words (nor a typed id).
      const cue = /^\d{1,10}$/.test(chosen) ? await cueById(db, Number(chosen)) : null;
      const own = await listRecordingChoices(db, outcome.eventId, { publishedOnly: true });
      if (!cue || !own.some((recording) => recording.id === cue.recordingId)) {
        return quotePage(c, user, c.get('t')('captions.quote.notHere'));
      }
      captionCueId = cue.id;
    }
    await updateOutcome({ db, clock, user }, id, { captionCueId });
    return c.redirect(`/admin/events/${slug}/outcomes?saved#outcome-${id}`, 303);
  });

  /**
   * Deleting a note asks first (confirm step); a note an action item cites is refused (409
   * outcome_cited), said on the page in the reader's language.
   */
  routes.post('/admin/events/:slug/outcomes/:id/delete', async (c) => {
    const user = requireUserPage(c);
    const slug = c.req.param('slug');
    const id = pathId(c);
    const form = await readForm(c);
    const { db, clock } = c.get('deps');
    const outcome = await findManagedOutcome(db, user, slug, id);
    const t = c.get('t');
    if (!confirmed(form)) {
      return c.html(
        ConfirmPage({
          ...pageContext(c),
          user,
          question: t('outcomes.admin.deleteConfirm', { title: outcome.title }),
          details: [t('outcomes.admin.deleteConfirmDetails')],
          action: `/admin/events/${slug}/outcomes/${id}/delete`,
          confirmLabel: t('outcomes.admin.deleteConfirmYes'),
          backHref: `/admin/events/${slug}/outcomes`,
        }),
      );
    }
    try {
      await deleteOutcome({ db, clock, user }, id, c.get('deps'));
    } catch (error) {
      return outcomesPage(c, user, {
        problems: formProblems(t, error),
        values: {},
        outcomeId: id,
      });
    }
    return c.redirect(`/admin/events/${slug}/outcomes?deleted`, 303);
  });

  routes.post('/admin/outcomes/:id/publish', async (c) => {
    const user = requireUserPage(c);
    const input = formInput(publishOutcomeForm, await readForm(c));
    const { db, clock } = c.get('deps');
    const row = await updateOutcome({ db, clock, user }, pathId(c), input);
    const event = await findEventById(db, row.eventId);
    return c.redirect(`/admin/events/${event?.slug ?? ''}/outcomes?saved`, 303);
  });

  return routes;
}
