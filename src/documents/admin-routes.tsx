import { Hono, type Context } from 'hono';
import { requireUserPage } from '@/platform/auth/guards';
import type { CurrentUser } from '@/platform/auth/auth';
import { assertCanManage } from '@/platform/auth/auth';
import type { AppEnv } from '@/platform/deps';
import { HttpError } from '@/platform/http/errors';
import {
  confirmed,
  formFields,
  formInput,
  formProblems,
  pathId,
  readForm,
  text,
  type Form,
} from '@/platform/http/forms';
import { parseOrThrow } from '@/platform/http/errors';
import { contentLang, translatableFromForm } from '@/platform/i18n/content';
import { pageContext } from '@/platform/http/page';
import { ConfirmPage } from '@views/shell/confirm-page';
import { AdminDocumentsPage, type AdminDocumentsProps } from '@views/documents/admin-page';
import { EditDocumentPage } from '@views/documents/edit-page';
import { z } from 'zod';
import { eventOwner, outcomeOwner, planItemOwner, planOwner, type Owner } from './owners';
import { attachmentKinds } from './rules';
import {
  attachmentPatchInput,
  createAttachment,
  deleteAttachment,
  listAttachments,
  managedAttachment,
  updateAttachment,
  type AttachmentRow,
} from './service';

const NOTICES = {
  added: 'documents.admin.added',
  saved: 'documents.admin.saved',
  deleted: 'documents.admin.deleted',
} as const;

async function documentsPage(
  c: Context<AppEnv>,
  user: CurrentUser,
  owner: Owner,
  failed?: AdminDocumentsProps['failed'],
) {
  assertCanManage(user, owner.municipalityIds);
  const { db, config } = c.get('deps');
  const t = c.get('t');
  const notice = (Object.keys(NOTICES) as (keyof typeof NOTICES)[]).find(
    (name) => c.req.query(name) !== undefined,
  );
  return c.html(
    AdminDocumentsPage({
      ...pageContext(c),
      user,
      owner,
      items: await listAttachments(db, owner, user),
      maxUploadBytes: config.maxUploadBytes,
      failed,
      notice: notice ? t(NOTICES[notice]) : undefined,
    }),
    failed ? 422 : 200,
  );
}

async function editPage(
  c: Context<AppEnv>,
  user: CurrentUser,
  owner: Owner,
  row: AttachmentRow,
  failed?: { errors: Record<string, string[]>; general: string[]; values: Record<string, string> },
) {
  const siblings = await listAttachments(c.get('deps').db, owner, user);
  return c.html(
    EditDocumentPage({
      ...pageContext(c),
      user,
      owner,
      row,
      position: siblings.findIndex((sibling) => sibling.id === row.id) + 1,
      count: siblings.length,
      failed,
    }),
    failed ? 422 : 200,
  );
}

const patchForm = z.object({
  move: z.enum(['up', 'down']).optional(),
  published: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true')),
  title: z.string().trim().min(1).max(200).optional(),
  kind: z.enum(attachmentKinds).optional(),
});

/**
 * The edit form as a patch: the title in its original language (`title`) and the others
 * (`title.ru`…), kind, place and publication (an unticked box sends nothing: hidden).
 */
function editPatch(form: Form, row: AttachmentRow) {
  const position = text(form, 'position').trim();
  return parseOrThrow(attachmentPatchInput, {
    title: translatableFromForm(formFields(form), 'title', contentLang(row.originalLang)),
    kind: text(form, 'kind') || undefined,
    published: text(form, 'published') === 'true',
    position:
      position === '' ? undefined : /^\d{1,5}$/.test(position) ? Number(position) : position,
  });
}

/** The organizer pages of documents: one page per owner (event, outcome note, plan, plan item). */
export function documentAdminRoutes() {
  const routes = new Hono<AppEnv>();
  const owners: [string, (c: Context<AppEnv>) => Promise<Owner>][] = [
    [
      '/admin/events/:slug/attachments',
      (c) => eventOwner(c.get('deps').db, c.req.param('slug') ?? ''),
    ],
    ['/admin/outcomes/:id/attachments', (c) => outcomeOwner(c.get('deps').db, pathId(c))],
    ['/admin/plans/:id/attachments', (c) => planOwner(c.get('deps').db, pathId(c))],
    ['/admin/plan-items/:id/attachments', (c) => planItemOwner(c.get('deps').db, pathId(c))],
  ];

  for (const [path, ownerOfRequest] of owners) {
    routes.get(path, async (c) => documentsPage(c, requireUserPage(c), await ownerOfRequest(c)));

    /** The upload form (multipart, streamed like the API's); a refusal shows the form again. */
    routes.post(path, async (c) => {
      const user = requireUserPage(c);
      const owner = await ownerOfRequest(c);
      assertCanManage(user, owner.municipalityIds);
      const t = c.get('t');
      // A refused upload is shown on the form; the file is not kept, so it is chosen again.
      try {
        await createAttachment({ ...c.get('deps'), user }, owner, c.req.raw, {
          publishedWhenMissing: false,
        });
      } catch (error) {
        if (error instanceof HttpError && (error.status === 413 || error.status === 415)) {
          const message = t(error.page.key ?? 'errors.bad_request', error.page.params);
          return documentsPage(c, user, owner, {
            errors: { file: [message] },
            general: [],
            values: {},
          });
        }
        const problems = formProblems(t, error);
        return documentsPage(c, user, owner, {
          errors: problems.errors,
          general: problems.general,
          values: {},
        });
      }
      return c.redirect(`${owner.adminPath}?added`, 303);
    });
  }

  /** Move up or down, publish or hide. */
  routes.post('/admin/attachments/:id', async (c) => {
    const user = requireUserPage(c);
    const patch = formInput(patchForm, await readForm(c));
    const { owner } = await updateAttachment({ ...c.get('deps'), user }, pathId(c), patch);
    return c.redirect(`${owner.adminPath}?saved`, 303);
  });

  /** One document's form: its title in every language, kind, place and publication. */
  routes.get('/admin/attachments/:id/edit', async (c) => {
    const user = requireUserPage(c);
    const { row, owner } = await managedAttachment(c.get('deps').db, pathId(c), user);
    return editPage(c, user, owner, row);
  });

  routes.post('/admin/attachments/:id/edit', async (c) => {
    const user = requireUserPage(c);
    const deps = c.get('deps');
    const { row, owner } = await managedAttachment(deps.db, pathId(c), user);
    const form = await readForm(c);
    try {
      await updateAttachment({ ...deps, user }, row.id, editPatch(form, row));
    } catch (error) {
      const problems = formProblems(c.get('t'), error);
      const values = Object.fromEntries(
        Object.entries(formFields(form)).map(([name, value]) => [
          name,
          Array.isArray(value) ? (value[0] ?? '') : value,
        ]),
      );
      return editPage(c, user, owner, row, {
        errors: problems.errors,
        general: problems.general,
        values,
      });
    }
    return c.redirect(`${owner.adminPath}?saved`, 303);
  });

  /** Deleting asks first (the confirm step); then the row and its stored file go. */
  routes.post('/admin/attachments/:id/delete', async (c) => {
    const user = requireUserPage(c);
    const id = pathId(c);
    const form = await readForm(c);
    const { row, owner } = await managedAttachment(c.get('deps').db, id, user);
    const t = c.get('t');
    if (!confirmed(form)) {
      return c.html(
        ConfirmPage({
          ...pageContext(c),
          user,
          question: t('documents.admin.confirmDelete', { title: row.title }),
          details: [t('documents.admin.confirmDeleteDetail')],
          action: `/admin/attachments/${id}/delete`,
          confirmLabel: t('documents.admin.confirmDeleteLabel'),
          backHref: owner.adminPath,
        }),
      );
    }
    await deleteAttachment({ ...c.get('deps'), user }, id);
    return c.redirect(`${owner.adminPath}?deleted`, 303);
  });

  return routes;
}
