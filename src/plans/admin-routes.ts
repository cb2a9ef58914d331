import { Hono, type Context } from 'hono';
import { outcomeAdminRoutes } from '@/outcomes';
import { AdminPlanPage, AdminPlansPage } from '@views/plans/admin-pages';
import { ConfirmPage } from '@views/shell/confirm-page';
import { inSentence } from '@views/shell/content';
import { contentLang } from '@/platform/i18n/content';
import { assertCanManage, type CurrentUser } from '@/platform/auth/auth';
import { requireUserPage } from '@/platform/auth/guards';
import type { AppEnv } from '@/platform/deps';
import { invalidFields, notFound } from '@/platform/http/errors';
import {
  confirmed,
  formInput,
  formProblems,
  pathId,
  readForm,
  text,
  type Form,
  type FormProblems,
} from '@/platform/http/forms';
import { pageContext } from '@/platform/http/page';
import { listCitableOutcomes } from './citations';
import { importItems } from './csv';
import {
  editItemForm,
  editPlanForm,
  newItemForm,
  newPlanForm,
  planFormField,
  progressReportForm,
} from './forms';
import { addUpdate } from './progress';
import {
  findItemDetail,
  findPlan,
  listManageableMunicipalities,
  listManagedPlans,
  loadItems,
  planIdOfItem,
} from './reads';
import { parseItemsCsv } from './rules';
import { addItem, createPlan, deleteItem, deletePlan, updateItem, updatePlan } from './writes';

/**
 * A refused form of the admin pages: which form (`new-plan`, `plan`, `new-item`, `item-<id>`,
 * `report-<id>`, `import`), its problems keyed `<form>.<field>` (so every form's fields have
 * their own ids on the page), and what was sent, to show it again.
 */
export type PlanFormState = { form: string; problems: FormProblems; values: Form };

/**
 * Runs a form's action and redirects to where it leads; a refused one (422, or a refusal such as
 * 409) comes back as the page with its problems beside that form. Anything else is its own page.
 */
async function formAction(
  c: Context<AppEnv>,
  formName: string,
  action: (user: CurrentUser, form: Form) => Promise<string>,
  page: (user: CurrentUser, failed: PlanFormState) => Promise<Response>,
) {
  const user = requireUserPage(c);
  const form = await readForm(c);
  try {
    return c.redirect(await action(user, form), 303);
  } catch (error) {
    const problems = formProblems(c.get('t'), error, {
      field: (path) => `${formName}.${planFormField(path)}`,
    });
    return page(user, { form: formName, problems, values: form });
  }
}

/** The write context of a request. */
function writer(c: Context<AppEnv>, user: CurrentUser) {
  const { db, clock, config } = c.get('deps');
  return { db, clock, user, publicUrl: config.publicUrl };
}

/** /admin/plans (and, through outcomeAdminRoutes, /admin/events/:slug/outcomes): the organizer pages. */
export function planAdminRoutes() {
  const routes = new Hono<AppEnv>();

  async function plansPage(c: Context<AppEnv>, user: CurrentUser, failed?: PlanFormState) {
    const { db } = c.get('deps');
    const [plans, municipalities] = await Promise.all([
      listManagedPlans(db, user),
      listManageableMunicipalities(db, user),
    ]);
    return c.html(
      AdminPlansPage({ ...pageContext(c), user, plans, municipalities, failed }),
      failed ? 422 : 200,
    );
  }

  async function planPage(
    c: Context<AppEnv>,
    user: CurrentUser,
    planId: number,
    failed?: PlanFormState,
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
      AdminPlanPage({ ...pageContext(c), user, plan, items, citable, failed, notice }),
      failed ? 422 : 200,
    );
  }

  /** The plan page of the item named in the path (404 when there is none). */
  async function itemPage(c: Context<AppEnv>, user: CurrentUser, failed: PlanFormState) {
    const planId = await planIdOfItem(c.get('deps').db, pathId(c));
    if (planId === null) throw notFound('No such action item');
    return planPage(c, user, planId, failed);
  }

  routes.get('/admin/plans', (c) => plansPage(c, requireUserPage(c)));

  routes.post('/admin/plans', (c) =>
    formAction(
      c,
      'new-plan',
      async (user, form) => {
        const input = formInput(newPlanForm, form);
        const plan = await createPlan(writer(c, user), text(form, 'municipality'), input);
        return `/admin/plans/${plan.id}?saved`;
      },
      (user, failed) => plansPage(c, user, failed),
    ),
  );

  routes.get('/admin/plans/:id', (c) => planPage(c, requireUserPage(c), pathId(c)));

  routes.post('/admin/plans/:id', (c) => {
    const planId = pathId(c);
    return formAction(
      c,
      'plan',
      async (user, form) => {
        await updatePlan(writer(c, user), planId, formInput(editPlanForm, form));
        return `/admin/plans/${planId}?saved`;
      },
      (user, failed) => planPage(c, user, planId, failed),
    );
  });

  // A refused delete (409 plan_not_draft) is the error page, in the reader's language.
  routes.post('/admin/plans/:id/delete', async (c) => {
    const user = requireUserPage(c);
    const planId = pathId(c);
    const plan = await findPlan(c.get('deps').db, planId);
    if (!plan) throw notFound('No such plan');
    assertCanManage(user, [plan.municipalityId]);
    // Only a draft can go (deletePlan refuses the rest): it goes with its items, for good.
    if (plan.status === 'draft' && !confirmed(await readForm(c))) {
      const t = c.get('t');
      return c.html(
        ConfirmPage({
          ...pageContext(c),
          user,
          question: inSentence(
            (title) => t('plans.admin.deletePlanConfirm', { title }),
            { text: plan.title, lang: contentLang(plan.originalLang) },
            c.get('lang'),
          ),
          details: [t('plans.admin.deleteConfirmDetails')],
          action: `/admin/plans/${planId}/delete`,
          confirmLabel: t('plans.admin.deleteConfirmYes'),
          backHref: `/admin/plans/${planId}`,
        }),
      );
    }
    await deletePlan(writer(c, user), planId, c.get('deps'));
    return c.redirect('/admin/plans', 303);
  });

  routes.post('/admin/plans/:id/items', (c) => {
    const planId = pathId(c);
    return formAction(
      c,
      'new-item',
      async (user, form) => {
        const item = await addItem(writer(c, user), planId, formInput(newItemForm, form));
        return `/admin/plans/${planId}?saved#item-${item.id}`;
      },
      (user, failed) => planPage(c, user, planId, failed),
    );
  });

  routes.post('/admin/plan-items/:id', (c) => {
    const itemId = pathId(c);
    return formAction(
      c,
      `item-${itemId}`,
      async (user, form) => {
        const item = await updateItem(writer(c, user), itemId, formInput(editItemForm, form));
        return `/admin/plans/${item.planId}?saved#item-${item.id}`;
      },
      (user, failed) => itemPage(c, user, failed),
    );
  });

  routes.post('/admin/plan-items/:id/delete', async (c) => {
    const user = requireUserPage(c);
    const { db } = c.get('deps');
    const found = await findItemDetail(db, pathId(c));
    const plan = found ? await findPlan(db, found.planId) : null;
    if (!found || !plan) throw notFound('No such action item');
    assertCanManage(user, [plan.municipalityId]);
    if (plan.status === 'draft' && !confirmed(await readForm(c))) {
      const t = c.get('t');
      return c.html(
        ConfirmPage({
          ...pageContext(c),
          user,
          question: inSentence(
            (title) => t('plans.admin.deleteItemConfirm', { title }),
            { text: found.title, lang: contentLang(found.originalLang) },
            c.get('lang'),
          ),
          details: [t('plans.admin.deleteConfirmDetails')],
          action: `/admin/plan-items/${found.id}/delete`,
          confirmLabel: t('plans.admin.deleteConfirmYes'),
          backHref: `/admin/plans/${plan.id}#item-${found.id}`,
        }),
      );
    }
    const item = await deleteItem(writer(c, user), found.id, c.get('deps'));
    return c.redirect(`/admin/plans/${item.planId}?deleted`, 303);
  });

  routes.post('/admin/plan-items/:id/updates', (c) => {
    const itemId = pathId(c);
    return formAction(
      c,
      `report-${itemId}`,
      async (user, form) => {
        const { item } = await addUpdate(
          writer(c, user),
          itemId,
          formInput(progressReportForm, form),
        );
        return `/admin/plans/${item.planId}?saved#item-${item.id}`;
      },
      (user, failed) => itemPage(c, user, failed),
    );
  });

  routes.post('/admin/plans/:id/import', (c) => {
    const planId = pathId(c);
    return formAction(
      c,
      'import',
      async (user, form) => {
        const file = form.file;
        const content =
          file instanceof File ? await file.text() : typeof file === 'string' ? file : '';
        const parsed = parseItemsCsv(content);
        if (!parsed.ok) {
          throw invalidFields(parsed.details, 'The CSV file has errors; nothing was imported');
        }
        const count = await importItems(writer(c, user), planId, parsed.items);
        return `/admin/plans/${planId}?imported=${count}`;
      },
      (user, failed) => planPage(c, user, planId, failed),
    );
  });

  routes.route('/', outcomeAdminRoutes());

  return routes;
}
