import { asc, eq, inArray } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { AdminOutcomesPage } from '@/outcomes';
import { AdminPlanPage, AdminPlansPage, type ItemEditState } from '@views/plans/admin-pages';
import { assertCanManage, type CurrentUser } from '@/platform/auth/auth';
import { requireUserPage } from '@/platform/auth/guards';
import { actionItems, events, municipalities, recordings } from '@/platform/db/schema';
import type { AppEnv } from '@/platform/deps';
import { findEventBySlug, loadAgenda } from '@/events';
import {
  HttpError,
  invalidFields,
  MAX_ID,
  notFound,
  parseOrThrow,
  type ErrorDetail,
} from '@/platform/http/errors';
import { pageContext } from '@/platform/http/page';
import { createOutcome, listEventOutcomes, outcomeInputSchema, updateOutcome } from '@/outcomes';
import {
  itemInputSchema,
  itemPatchSchema,
  parseItemsCsv,
  planInputSchema,
  updateInputSchema,
} from './rules';
import {
  addItem,
  addUpdate,
  createPlan,
  deleteItem,
  deletePlan,
  findPlan,
  importItems,
  listCitableOutcomes,
  listManagedPlans,
  loadItems,
  updateItem,
  updatePlan,
} from './service';

type Form = Record<string, string | File | (string | File)[]>;

function text(form: Form, name: string): string | undefined {
  const value = form[name];
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== 'string') return undefined;
  return first.trim() === '' ? undefined : first;
}
function num(form: Form, name: string): number | undefined {
  const value = text(form, name);
  return value === undefined ? undefined : Number(value);
}
function list(form: Form, name: string): number[] {
  const value = form[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((v): v is string => typeof v === 'string').map(Number);
}

/** Runs a form action; a 422 comes back as the page with the errors beside the form. */
async function formAction(
  c: Context<AppEnv>,
  action: (user: CurrentUser) => Promise<string>,
  rerender: (user: CurrentUser, errors: ErrorDetail[]) => Promise<Response>,
) {
  const user = requireUserPage(c);
  try {
    return c.redirect(await action(user), 303);
  } catch (error) {
    if (error instanceof HttpError && error.status === 422) return rerender(user, error.details);
    throw error;
  }
}

/** A 409 plan_not_draft becomes the error page in the reader's language (not the API's English). */
async function refusedAsPage<T>(
  c: Context<AppEnv>,
  message: 'plans.admin.planNotDraft' | 'plans.admin.itemNotDraft',
  action: () => Promise<T>,
): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof HttpError && error.code === 'plan_not_draft') {
      throw new HttpError(error.code, error.message, error.details, { key: message });
    }
    throw error;
  }
}

async function planOfItem(c: Context<AppEnv>, itemId: number): Promise<number> {
  const [item] = await c
    .get('deps')
    .db.select({ planId: actionItems.planId })
    .from(actionItems)
    .where(eq(actionItems.id, itemId));
  if (!item) throw notFound();
  return item.planId;
}

/**
 * The update form's due date: a new date moves it, the "remove" box removes it (null), neither
 * leaves it (undefined). Both at once is a contradiction, refused on the field.
 */
function movedDueDate(form: Form): string | null | undefined {
  const date = text(form, 'dueDate');
  const remove = text(form, 'removeDueDate') !== undefined;
  if (date !== undefined && remove) {
    throw invalidFields([
      { path: 'dueDate', message: 'Give a new due date or remove it, not both' },
    ]);
  }
  return remove ? null : date;
}

/** Anything but a positive int4 names nothing: 404, before it reaches the database. */
function id(raw: string): number {
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0 || value > MAX_ID) throw notFound();
  return value;
}

/** /admin/plans and /admin/events/:slug/outcomes: the organizer pages. */
export function planAdminRoutes() {
  const routes = new Hono<AppEnv>();

  async function plansPage(c: Context<AppEnv>, user: CurrentUser, errors?: ErrorDetail[]) {
    const { db } = c.get('deps');
    const all = await db.select().from(municipalities).orderBy(asc(municipalities.name));
    const managed =
      user.role === 'admin' ? all : all.filter((m) => user.municipalityIds.includes(m.id));
    const plans = await listManagedPlans(db, user);
    return c.html(
      AdminPlansPage({ ...pageContext(c), user, plans, municipalities: managed, errors }),
      errors ? 422 : 200,
    );
  }

  async function planPage(
    c: Context<AppEnv>,
    user: CurrentUser,
    planId: number,
    errors?: ErrorDetail[],
    itemEdit?: ItemEditState,
  ) {
    const { db } = c.get('deps');
    const plan = await findPlan(db, planId);
    if (!plan) throw notFound('No such plan');
    assertCanManage(user, [plan.municipalityId]);
    const [items, citable] = await Promise.all([
      loadItems(db, plan.id, { publicOnly: false }),
      listCitableOutcomes(db, user, plan.municipalityId),
    ]);
    const t = c.get('t');
    const imported = c.req.query('imported');
    const notice =
      imported !== undefined
        ? t('plans.admin.imported', { count: Number(imported) || 0 })
        : c.req.query('saved') !== undefined
          ? t('plans.admin.saved')
          : c.req.query('deleted') !== undefined
            ? t('plans.admin.deleted')
            : undefined;
    return c.html(
      AdminPlanPage({ ...pageContext(c), user, plan, items, citable, errors, notice, itemEdit }),
      errors || itemEdit ? 422 : 200,
    );
  }

  routes.get('/admin/plans', (c) => plansPage(c, requireUserPage(c)));

  routes.post('/admin/plans', async (c) => {
    const form = (await c.req.parseBody()) as Form;
    return formAction(
      c,
      async (user) => {
        const { db, clock, config } = c.get('deps');
        const input = parseOrThrow(planInputSchema, {
          title: text(form, 'title') ?? '',
          periodStart: text(form, 'periodStart') ?? '',
          periodEnd: text(form, 'periodEnd') ?? '',
          status: text(form, 'status'),
          summary: text(form, 'summary'),
          documentUrl: text(form, 'documentUrl'),
        });
        const plan = await createPlan(
          { db, clock, user, publicUrl: config.publicUrl },
          text(form, 'municipality') ?? '',
          input,
        );
        return `/admin/plans/${plan.id}?saved`;
      },
      (user, errors) => plansPage(c, user, errors),
    );
  });

  routes.get('/admin/plans/:id', (c) => planPage(c, requireUserPage(c), id(c.req.param('id'))));

  routes.post('/admin/plans/:id', async (c) => {
    const planId = id(c.req.param('id'));
    const form = (await c.req.parseBody()) as Form;
    return formAction(
      c,
      async (user) => {
        const { db, clock, config } = c.get('deps');
        // The form sends every field: an emptied one clears it (the update takes a patch).
        const input = parseOrThrow(planInputSchema, {
          title: text(form, 'title') ?? '',
          periodStart: text(form, 'periodStart') ?? '',
          periodEnd: text(form, 'periodEnd') ?? '',
          status: text(form, 'status'),
          summary: text(form, 'summary') ?? null,
          documentUrl: text(form, 'documentUrl') ?? null,
        });
        await updatePlan({ db, clock, user, publicUrl: config.publicUrl }, planId, input);
        return `/admin/plans/${planId}?saved`;
      },
      (user, errors) => planPage(c, user, planId, errors),
    );
  });

  routes.post('/admin/plans/:id/delete', async (c) => {
    const user = requireUserPage(c);
    const { db, clock, config } = c.get('deps');
    await refusedAsPage(c, 'plans.admin.planNotDraft', () =>
      deletePlan({ db, clock, user, publicUrl: config.publicUrl }, id(c.req.param('id'))),
    );
    return c.redirect('/admin/plans', 303);
  });

  routes.post('/admin/plans/:id/items', async (c) => {
    const planId = id(c.req.param('id'));
    const form = (await c.req.parseBody({ all: true })) as Form;
    return formAction(
      c,
      async (user) => {
        const { db, clock, config } = c.get('deps');
        const input = parseOrThrow(itemInputSchema, {
          title: text(form, 'title') ?? '',
          description: text(form, 'description'),
          responsible: text(form, 'responsible'),
          dueDate: text(form, 'dueDate'),
          status: text(form, 'status'),
          progress: num(form, 'progress'),
          sourceOutcomeIds: list(form, 'sourceOutcomeIds'),
        });
        const item = await addItem({ db, clock, user, publicUrl: config.publicUrl }, planId, input);
        return `/admin/plans/${planId}?saved#item-${item.id}`;
      },
      (user, errors) => planPage(c, user, planId, errors),
    );
  });

  routes.post('/admin/plan-items/:id', async (c) => {
    const itemId = id(c.req.param('id'));
    const form = (await c.req.parseBody({ all: true })) as Form;
    const { db } = c.get('deps');
    // Sources change only when the form offered them (no boxes at all is not "cite nothing").
    const sourceOutcomeIds = text(form, 'sourcesOffered')
      ? list(form, 'sourceOutcomeIds')
      : undefined;
    return formAction(
      c,
      async (user) => {
        const { clock, config } = c.get('deps');
        const input = parseOrThrow(itemPatchSchema, {
          title: text(form, 'title') ?? '',
          description: text(form, 'description') ?? null,
          responsible: text(form, 'responsible') ?? null,
          // An adopted plan's form has no due date field (it moves with a progress report):
          // leave the date alone then; an emptied field clears it.
          dueDate: 'dueDate' in form ? (text(form, 'dueDate') ?? null) : undefined,
          sourceOutcomeIds,
        });
        const item = await updateItem(
          { db, clock, user, publicUrl: config.publicUrl },
          itemId,
          input,
        );
        return `/admin/plans/${item.planId}?saved#item-${item.id}`;
      },
      async (user, errors) => {
        const planId = await planOfItem(c, itemId);
        return planPage(c, user, planId, undefined, {
          itemId,
          errors,
          values: {
            title: text(form, 'title'),
            description: text(form, 'description'),
            responsible: text(form, 'responsible'),
            dueDate: text(form, 'dueDate'),
            sourceOutcomeIds: list(form, 'sourceOutcomeIds'),
          },
        });
      },
    );
  });

  routes.post('/admin/plan-items/:id/delete', async (c) => {
    const user = requireUserPage(c);
    const { db, clock, config } = c.get('deps');
    const item = await refusedAsPage(c, 'plans.admin.itemNotDraft', () =>
      deleteItem({ db, clock, user, publicUrl: config.publicUrl }, id(c.req.param('id'))),
    );
    return c.redirect(`/admin/plans/${item.planId}?deleted`, 303);
  });

  routes.post('/admin/plan-items/:id/updates', async (c) => {
    const itemId = id(c.req.param('id'));
    const form = (await c.req.parseBody()) as Form;
    const { db } = c.get('deps');
    return formAction(
      c,
      async (user) => {
        const { clock, config } = c.get('deps');
        const input = parseOrThrow(updateInputSchema, {
          date: text(form, 'date'),
          status: text(form, 'status'),
          progress: num(form, 'progress'),
          dueDate: movedDueDate(form),
          note: text(form, 'note') ?? '',
        });
        const { item } = await addUpdate(
          { db, clock, user, publicUrl: config.publicUrl },
          itemId,
          input,
        );
        return `/admin/plans/${item.planId}?saved#item-${item.id}`;
      },
      async (user, errors) => planPage(c, user, await planOfItem(c, itemId), errors),
    );
  });

  routes.post('/admin/plans/:id/import', async (c) => {
    const planId = id(c.req.param('id'));
    const form = (await c.req.parseBody()) as Form;
    return formAction(
      c,
      async (user) => {
        const { db, clock, config } = c.get('deps');
        const file = form.file;
        const content =
          file instanceof File ? await file.text() : typeof file === 'string' ? file : '';
        const parsed = parseItemsCsv(content);
        if (!parsed.ok)
          throw invalidFields(parsed.details, 'The CSV file has errors; nothing was imported');
        const count = await importItems(
          { db, clock, user, publicUrl: config.publicUrl },
          planId,
          parsed.items,
        );
        return `/admin/plans/${planId}?imported=${count}`;
      },
      (user, errors) => planPage(c, user, planId, errors),
    );
  });

  // Outcome notes of one event.
  async function outcomesPage(c: Context<AppEnv>, user: CurrentUser, errors?: ErrorDetail[]) {
    const { db } = c.get('deps');
    const event = await findEventBySlug(db, c.req.param('slug') ?? '');
    if (!event) throw notFound('No such event');
    assertCanManage(
      user,
      event.hosts.map((host) => host.id),
    );
    const [agenda, recordingRows, outcomes] = await Promise.all([
      loadAgenda(db, event.id),
      db
        .select({ id: recordings.id, title: recordings.title })
        .from(recordings)
        .where(inArray(recordings.eventId, [event.id]))
        .orderBy(asc(recordings.position)),
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
        recordings: recordingRows,
        outcomes,
        errors,
        notice,
      }),
      errors ? 422 : 200,
    );
  }

  routes.get('/admin/events/:slug/outcomes', (c) => outcomesPage(c, requireUserPage(c)));

  routes.post('/admin/events/:slug/outcomes', async (c) => {
    const slug = c.req.param('slug');
    const form = (await c.req.parseBody()) as Form;
    return formAction(
      c,
      async (user) => {
        const { db, clock } = c.get('deps');
        const input = parseOrThrow(outcomeInputSchema, {
          kind: text(form, 'kind'),
          title: text(form, 'title') ?? '',
          body: text(form, 'body') ?? '',
          agendaItemId: num(form, 'agendaItemId'),
          recordingId: num(form, 'recordingId'),
          offsetSeconds: num(form, 'offsetSeconds'),
          published: text(form, 'published') === '1',
        });
        await createOutcome({ db, clock, user }, slug, input);
        return `/admin/events/${slug}/outcomes?saved`;
      },
      (user, errors) => outcomesPage(c, user, errors),
    );
  });

  routes.post('/admin/outcomes/:id/publish', async (c) => {
    const user = requireUserPage(c);
    const form = (await c.req.parseBody()) as Form;
    const { db, clock } = c.get('deps');
    const row = await updateOutcome({ db, clock, user }, id(c.req.param('id')), {
      published: text(form, 'published') === '1',
    });
    const [event] = await db
      .select({ slug: events.slug })
      .from(events)
      .where(eq(events.id, row.eventId));
    return c.redirect(`/admin/events/${event?.slug ?? ''}/outcomes?saved`, 303);
  });

  return routes;
}
