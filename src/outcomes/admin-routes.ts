import { Hono, type Context } from 'hono';
import { AdminOutcomesPage } from '@views/outcomes/admin-outcomes-page';
import { findEventById, findEventBySlug, loadAgenda } from '@/events';
import { assertCanManage, type CurrentUser } from '@/platform/auth/auth';
import { requireUserPage } from '@/platform/auth/guards';
import type { AppEnv } from '@/platform/deps';
import { notFound } from '@/platform/http/errors';
import {
  formInput,
  formProblems,
  pathId,
  readForm,
  type Form,
  type FormProblems,
} from '@/platform/http/forms';
import { pageContext } from '@/platform/http/page';
import { newOutcomeForm, publishOutcomeForm } from './forms';
import { createOutcome, listEventOutcomes, listRecordingChoices, updateOutcome } from './service';

/** A refused outcome form: the page again, with the problems beside the form and what was sent. */
export type OutcomeFormState = { problems: FormProblems; values: Form };

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
    const [agenda, recordings, outcomes] = await Promise.all([
      loadAgenda(db, event.id),
      listRecordingChoices(db, event.id),
      listEventOutcomes(db, event.id, { publishedOnly: false }),
    ]);
    const notice =
      c.req.query('saved') !== undefined ? c.get('t')('outcomes.admin.saved') : undefined;
    return c.html(
      AdminOutcomesPage({
        ...pageContext(c),
        user,
        event,
        agenda,
        recordings,
        outcomes,
        failed,
        notice,
      }),
      failed ? 422 : 200,
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
      return outcomesPage(c, user, { problems: formProblems(c.get('t'), error), values: form });
    }
    return c.redirect(`/admin/events/${slug}/outcomes?saved`, 303);
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
