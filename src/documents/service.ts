import { and, asc, desc, eq, inArray, max, or } from 'drizzle-orm';
import { publicEventCondition } from '@/events';
import { z } from 'zod';
import { assertCanManage, canManage, type CurrentUser } from '@/platform/auth/auth';
import { recordAudit } from '@/platform/audit/audit';
import { actionItems, attachments, events } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';
import type { Deps } from '@/platform/deps';
import { invalidFields, notFound, parseOrThrow } from '@/platform/http/errors';
import { loggableError } from '@/platform/log';
import { singleLine } from '@/platform/text';
import { extractWords, MAX_EXTRACT_BYTES } from './extract';
import { ownerColumn, ownerOf, type Owner } from './owners';
import {
  attachmentKinds,
  DEFAULT_TITLE_LANG,
  downloadPath,
  PREVIEWABLE,
  PREVIEW_WIDTHS,
  previewKey,
  previewSource,
} from './rules';
import { receiveUpload } from './upload';
import { isLang, languages, type Lang } from '@/platform/i18n';
import {
  contentLang,
  fieldTranslations,
  localize,
  localizeFields,
  mergeTranslations,
  separateTexts,
  splitTranslatable,
  translatableFromForm,
  translatableText,
  translationsResponse,
  type TranslatableInput,
  type Translations,
} from '@/platform/i18n/content';

export type AttachmentRow = typeof attachments.$inferSelect;

type WriteContext = Pick<Deps, 'db' | 'clock' | 'config' | 'files' | 'log'> & { user: CurrentUser };

/** Where stored files live in the store; the sweep looks here for objects no row names. */
export const ATTACHMENT_PREFIX = 'attachments/';

const flag = z
  .enum(['true', 'false', '1', '0', 'on', 'yes', 'no'])
  .transform((value) => ['true', '1', 'on', 'yes'].includes(value));

/** The fields of a multipart upload besides the file (the API's and the form's). */
export const attachmentFieldsSchema = z.object({
  title: singleLine().min(1).max(200),
  kind: z.enum(attachmentKinds).default('document'),
  url: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
  ),
  published: flag.default(true),
});

const attachmentTitle = translatableText(singleLine().min(1).max(200));

/**
 * What the organizer form and `PATCH /api/v1/attachments/:id` change of an attachment: its
 * title (a string, the original, or `{et, ru, en}`; '' removes a translation), kind,
 * publication and place (1 is the first; beyond the last is the last), or a move by one.
 */
export const attachmentPatchInput = z
  .strictObject({
    title: attachmentTitle.optional().openapi({
      description:
        'A string (the title in its original language, `originalLang`) or `{et, ru, en}`: each language given replaces that language, `""` removes a translation',
    }),
    originalLang: z
      .enum(languages)
      .optional()
      .openapi({ description: 'The language the title is written in (default: as stored)' }),
    kind: z.enum(attachmentKinds).optional(),
    published: z.boolean().optional(),
    position: z.number().int().min(1).max(10_000).optional().openapi({
      description: 'Its place among its owner’s documents, 1 the first; beyond the last is last',
    }),
  })
  .openapi('AttachmentPatch');

export type AttachmentPatch = z.output<typeof attachmentPatchInput> & { move?: 'up' | 'down' };

const titleSchema = z.object({ title: attachmentTitle });

/**
 * A multipart upload's title in other languages (issue 18): `originalLang` names the language
 * of `title` (the site's default, Estonian, when not given), `title.ru`, `title.en`… the
 * others. Refused on the field.
 */
export function titleTranslations(fields: Record<string, string>): {
  originalLang: Lang;
  translations: Translations;
} {
  const named = fields.originalLang;
  if (named !== undefined && named !== '' && !isLang(named)) {
    throw invalidFields([
      {
        path: 'originalLang',
        message: `One of ${languages.join(', ')}`,
        localized: { key: 'validation.choice' },
      },
    ]);
  }
  const originalLang = isLang(named) ? named : DEFAULT_TITLE_LANG;
  const title = parseOrThrow(titleSchema, {
    title: translatableFromForm(fields, 'title', originalLang),
  }).title;
  const split = splitTranslatable(title, originalLang);
  return { originalLang, translations: mergeTranslations({}, { title: split.translations }) };
}

/**
 * Stores an upload (a file, or a link) on an owner the user manages. Who may is checked before
 * the body is read; the file streams into the store, then its row is written, then its words
 * are extracted for search. A refused body leaves nothing behind.
 */
export async function createAttachment(
  context: WriteContext,
  owner: Owner,
  request: Request,
  options: { publishedWhenMissing: boolean },
): Promise<AttachmentRow> {
  const { db, clock, config, files, user } = context;
  assertCanManage(user, owner.municipalityIds);
  const key = `${ATTACHMENT_PREFIX}${crypto.randomUUID()}`;
  const { fields, file } = await receiveUpload(request, {
    store: files,
    maxBytes: config.maxUploadBytes,
    key,
  });
  let row: AttachmentRow;
  try {
    const input = parseOrThrow(attachmentFieldsSchema, {
      ...fields,
      published: fields.published ?? (options.publishedWhenMissing ? 'true' : 'false'),
    });
    if ((file === null) === (input.url === undefined)) {
      throw invalidFields([
        {
          path: 'file',
          message: 'Send either a file or a url',
          localized: { key: 'documents.error.fileOrUrl' },
        },
      ]);
    }
    // The title in other languages: `title.ru`, `title.en` beside it (issue 18).
    const titles = titleTranslations(fields);
    const now = clock.now();
    row = await db.transaction(async (tx) => {
      const column = ownerColumn[owner.type];
      const [last] = await tx
        .select({ position: max(attachments.position) })
        .from(attachments)
        .where(eq(column, owner.id));
      const [inserted] = await tx
        .insert(attachments)
        .values({
          [ownerKey(owner)]: owner.id,
          title: input.title,
          originalLang: titles.originalLang,
          translations: titles.translations,
          kind: input.kind,
          storageKey: file?.key ?? null,
          externalUrl: file ? null : (input.url ?? null),
          filename: file?.filename ?? null,
          contentType: file?.contentType ?? null,
          size: file?.size ?? null,
          published: input.published,
          position: (last?.position ?? 0) + 1,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!inserted) throw new Error('attachment insert returned nothing');
      await recordAudit(
        tx,
        user,
        { action: 'create', entity: 'attachment', entityId: inserted.id, after: inserted },
        now,
      );
      return inserted;
    });
  } catch (error) {
    if (file) await files.delete(file.key);
    throw error;
  }
  if (file) return (await storeWords(context, row)) ?? row;
  return row;
}

function ownerKey(owner: Owner): 'eventId' | 'outcomeId' | 'planId' | 'planItemId' {
  return `${owner.type}Id`;
}

/** Reads a stored file back and keeps its words for search; a file that cannot be read keeps none. */
async function storeWords(
  { db, files, log }: Pick<Deps, 'db' | 'files' | 'log'>,
  row: AttachmentRow,
): Promise<AttachmentRow | null> {
  if (!row.storageKey || !row.contentType || (row.size ?? 0) > MAX_EXTRACT_BYTES) return null;
  try {
    const stored = await files.get(row.storageKey);
    if (!stored) return null;
    const bytes = new Uint8Array(await new Response(stored.body).arrayBuffer());
    const words = await extractWords(bytes, row.contentType);
    if (words === null) return null;
    const [updated] = await db
      .update(attachments)
      .set({ extractedText: words })
      .where(eq(attachments.id, row.id))
      .returning();
    return updated ?? null;
  } catch (error) {
    log.warn('document text not extracted', { attachmentId: row.id, ...loggableError(error) });
    return null;
  }
}

/** An owner's attachments in their order: all of them for its managers, else the published ones. */
export async function listAttachments(
  db: Queryable,
  owner: Owner,
  user: CurrentUser | null,
): Promise<AttachmentRow[]> {
  const all = user !== null && canManage(user, owner.municipalityIds);
  if (!all && !owner.isPublic) return [];
  const column = ownerColumn[owner.type];
  return db
    .select()
    .from(attachments)
    .where(all ? eq(column, owner.id) : and(eq(column, owner.id), eq(attachments.published, true)))
    .orderBy(asc(attachments.position), asc(attachments.id));
}

/** What the public sees of an event's or a plan's materials (published ones, in order). */
export async function publishedMaterials(
  db: Queryable,
  owner: { eventId: number } | { planId: number },
): Promise<AttachmentRow[]> {
  const condition =
    'eventId' in owner
      ? eq(attachments.eventId, owner.eventId)
      : eq(attachments.planId, owner.planId);
  return db
    .select()
    .from(attachments)
    .where(and(condition, eq(attachments.published, true)))
    .orderBy(asc(attachments.position), asc(attachments.id));
}

/**
 * The published materials of several outcome notes or plan items at once (for the event page's
 * "what came of it" and the plan page), by owner id, each list in its order.
 */
export async function publishedMaterialsOf(
  db: Queryable,
  type: 'outcome' | 'planItem',
  ids: number[],
): Promise<Map<number, AttachmentRow[]>> {
  const byOwner = new Map<number, AttachmentRow[]>();
  if (ids.length === 0) return byOwner;
  const column = ownerColumn[type];
  const rows = await db
    .select()
    .from(attachments)
    .where(and(inArray(column, ids), eq(attachments.published, true)))
    .orderBy(asc(attachments.position), asc(attachments.id));
  for (const row of rows) {
    const id = type === 'outcome' ? row.outcomeId : row.planItemId;
    if (id === null) continue;
    byOwner.set(id, [...(byOwner.get(id) ?? []), row]);
  }
  return byOwner;
}

/** An event's picture among its published materials: the first photo that is an image. */
export function eventPicture(materials: AttachmentRow[]): { id: number; title: string } | null {
  const photo = materials.find(
    (row) =>
      row.kind === 'photo' && row.storageKey && row.contentType && PREVIEWABLE.has(row.contentType),
  );
  return photo ? { id: photo.id, title: photo.title } : null;
}

/** An attachment and its owner when the user may see it (published on a public owner, or managed): else 404. */
export async function visibleAttachment(
  db: Queryable,
  id: number,
  user: CurrentUser | null,
): Promise<{ row: AttachmentRow; owner: Owner; isPublic: boolean }> {
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id));
  if (!row) throw notFound('No such attachment');
  const owner = await ownerOf(db, row);
  const isPublic = row.published && owner.isPublic;
  if (!isPublic && !(user && canManage(user, owner.municipalityIds))) {
    throw notFound('No such attachment');
  }
  return { row, owner, isPublic };
}

/** An attachment the user manages: 404 when there is none, 403 when it is not theirs. */
export async function managedAttachment(
  db: Queryable,
  id: number,
  user: CurrentUser,
): Promise<{ row: AttachmentRow; owner: Owner }> {
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id));
  if (!row) throw notFound('No such attachment');
  const owner = await ownerOf(db, row);
  assertCanManage(user, owner.municipalityIds);
  return { row, owner };
}

/**
 * Changes an attachment's title (and its translations), kind, publication or place, or moves it
 * one place up or down. The search row follows by its trigger (koda_search_attachment).
 */
export async function updateAttachment(
  { db, clock, user }: WriteContext,
  id: number,
  patch: AttachmentPatch,
): Promise<{ row: AttachmentRow; owner: Owner }> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const { row: before, owner } = await managedAttachment(tx, id, user);
    let title = before.title;
    let translations = before.translations;
    const storedLang = contentLang(before.originalLang);
    const originalLang = patch.originalLang ?? storedLang;
    if (patch.title !== undefined) {
      const texts = separateTexts(
        { title: patch.title as TranslatableInput },
        { title: 'title' },
        before,
        originalLang,
      );
      if (texts.missing.length > 0) throw invalidFields(texts.missing);
      title = texts.body.title as string;
      // A new original in another language: the old one stays as its language's translation.
      const kept =
        originalLang !== storedLang
          ? mergeTranslations(before.translations, { title: { [storedLang]: before.title } })
          : before.translations;
      translations = mergeTranslations(kept, texts.translations);
    }
    if (originalLang !== storedLang && translations.title?.[originalLang] !== undefined) {
      // The original's language has no translation of its own: the title column is it.
      const { [originalLang]: _dropped, ...others } = translations.title;
      translations = mergeTranslations({ ...translations, title: others }, {});
    }
    if (patch.move) await move(tx, owner, before, patch.move);
    if (patch.position !== undefined) await place(tx, owner, before, patch.position);
    const [row] = await tx
      .update(attachments)
      .set({
        title,
        originalLang,
        translations,
        kind: patch.kind ?? before.kind,
        published: patch.published ?? before.published,
        updatedAt: now,
      })
      .where(eq(attachments.id, id))
      .returning();
    if (!row) throw notFound('No such attachment');
    await recordAudit(
      tx,
      user,
      { action: 'update', entity: 'attachment', entityId: id, before, after: row },
      now,
    );
    return { row, owner };
  });
}

/** Puts an attachment at a place among its owner's (1 the first), renumbering them all. */
async function place(tx: Queryable, owner: Owner, row: AttachmentRow, position: number) {
  const ids = (await siblingIds(tx, owner)).filter((siblingId) => siblingId !== row.id);
  ids.splice(Math.min(position, ids.length + 1) - 1, 0, row.id);
  await renumber(tx, ids);
}

async function siblingIds(tx: Queryable, owner: Owner): Promise<number[]> {
  const column = ownerColumn[owner.type];
  const siblings = await tx
    .select({ id: attachments.id })
    .from(attachments)
    .where(eq(column, owner.id))
    .orderBy(asc(attachments.position), asc(attachments.id));
  return siblings.map((sibling) => sibling.id);
}

async function renumber(tx: Queryable, ids: number[]) {
  for (const [index, siblingId] of ids.entries()) {
    await tx
      .update(attachments)
      .set({ position: index + 1 })
      .where(eq(attachments.id, siblingId));
  }
}

/** Swaps an attachment's place with its neighbour's; renumbers first, so places are distinct. */
async function move(tx: Queryable, owner: Owner, row: AttachmentRow, direction: 'up' | 'down') {
  const ids = await siblingIds(tx, owner);
  const at = ids.indexOf(row.id);
  const to = direction === 'up' ? at - 1 : at + 1;
  if (at < 0 || to < 0 || to >= ids.length) return;
  [ids[at], ids[to]] = [ids[to]!, ids[at]!];
  await renumber(tx, ids);
}

/** Deletes an attachment's row, then its stored objects (the sweep removes any a failure leaves). */
export async function deleteAttachment(context: WriteContext, id: number): Promise<Owner> {
  const { db, clock, user, files, log } = context;
  const now = clock.now();
  const { row, owner } = await db.transaction(async (tx) => {
    const found = await managedAttachment(tx, id, user);
    await tx.delete(attachments).where(eq(attachments.id, id));
    await recordAudit(
      tx,
      user,
      { action: 'delete', entity: 'attachment', entityId: id, before: found.row },
      now,
    );
    return found;
  });
  await deleteStoredFiles({ files, log }, [row]);
  return owner;
}

/** A stored file of a row about to go (its key and its previews'). */
export type StoredFileRef = Pick<AttachmentRow, 'id' | 'storageKey' | 'previewKey'>;

/**
 * The stored files of everything an outcome note, plan or plan item holds (a plan's items'
 * too). Read inside the transaction that deletes the
 * owner, whose attachment rows then go by cascade; the files are removed with
 * deleteStoredFiles once it has committed.
 */
export async function storedFilesUnder(
  tx: Queryable,
  owner: { outcomeId: number } | { planId: number } | { planItemId: number },
): Promise<StoredFileRef[]> {
  const condition =
    'outcomeId' in owner
      ? eq(attachments.outcomeId, owner.outcomeId)
      : 'planId' in owner
        ? or(
            eq(attachments.planId, owner.planId),
            inArray(
              attachments.planItemId,
              tx
                .select({ id: actionItems.id })
                .from(actionItems)
                .where(eq(actionItems.planId, owner.planId)),
            ),
          )
        : eq(attachments.planItemId, owner.planItemId);
  return tx
    .select({
      id: attachments.id,
      storageKey: attachments.storageKey,
      previewKey: attachments.previewKey,
    })
    .from(attachments)
    .where(condition);
}

/** Every key a row's file may occupy in the store: the file, its previews (any width made). */
export function storedKeys(row: Pick<AttachmentRow, 'storageKey' | 'previewKey'>): string[] {
  if (!row.storageKey) return row.previewKey ? [row.previewKey] : [];
  const key = row.storageKey;
  return [key, ...PREVIEW_WIDTHS.map((width) => previewKey(key, width)), row.previewKey].filter(
    (value): value is string => Boolean(value),
  );
}

/**
 * Removes the stored objects of rows already deleted (an attachment, or all of a deleted
 * event's, outcome's or plan's). A failure is logged, not thrown: the row is gone, and the
 * daily sweep removes what is left.
 */
export async function deleteStoredFiles(
  { files, log }: Pick<Deps, 'files' | 'log'>,
  rows: StoredFileRef[],
): Promise<void> {
  for (const row of rows) {
    for (const key of storedKeys(row)) {
      await files.delete(key).catch((error: unknown) => {
        log.warn('stored file not deleted', { attachmentId: row.id, ...loggableError(error) });
      });
    }
  }
}

/** An attachment as the API shows it. */
/** An attachment for the API; with `lang`, its title in that language, else the original. */
export function attachmentJson(row: AttachmentRow, publicUrl: string, lang?: Lang) {
  return {
    id: row.id,
    title: lang ? localizeFields(row, ['title'], lang).title : row.title,
    originalLang: row.originalLang,
    translations: fieldTranslations(row, ['title']),
    kind: row.kind,
    url:
      row.storageKey && row.filename
        ? `${publicUrl}${downloadPath(row.id, row.filename)}`
        : (row.externalUrl ?? ''),
    contentType: row.contentType,
    size: row.size,
    published: row.published,
  };
}

export const attachmentResponse = z
  .object({
    id: z.number().int(),
    title: z.string(),
    originalLang: z.string().openapi({ description: 'The language the title was written in' }),
    translations: translationsResponse,
    kind: z.enum(attachmentKinds),
    url: z
      .string()
      .openapi({ description: 'The download (`/files/:id/:filename`) or the external link' }),
    contentType: z
      .string()
      .nullable()
      .openapi({ description: 'Decided from the content; null for a link' }),
    size: z.number().int().nullable().openapi({ description: 'Bytes; null for a link' }),
    published: z.boolean(),
  })
  .openapi('Attachment');

/** How long a stored object may have no row before the sweep removes it (an upload in flight has none yet). */
const ORPHAN_GRACE_MS = 24 * 60 * 60 * 1000;

/**
 * Removes stored objects no attachment row names (left by deleted events, outcomes and plans,
 * whose rows went with them, or by an interrupted upload) once they are a day old.
 */
export async function sweepOrphanFiles(
  deps: Pick<Deps, 'db' | 'clock' | 'files'>,
): Promise<number> {
  const rows = await deps.db
    .select({ storageKey: attachments.storageKey, previewKey: attachments.previewKey })
    .from(attachments);
  const named = new Set(rows.flatMap((row) => [row.storageKey, row.previewKey]).filter(Boolean));
  const cutoff = deps.clock.now().getTime() - ORPHAN_GRACE_MS;
  let removed = 0;
  for await (const object of deps.files.list(ATTACHMENT_PREFIX)) {
    // A preview belongs to its file: kept while the file's row is.
    const owner = previewSource(object.key);
    if (named.has(object.key) || (owner !== null && named.has(owner))) continue;
    if (object.lastModified.getTime() > cutoff) continue;
    await deps.files.delete(object.key);
    removed += 1;
  }
  return removed;
}

/**
 * Stores a document made by Koda itself (the demo's PDFs) with its row, its words given rather
 * than extracted. Not for uploads: those go through createAttachment and its checks.
 */
export async function storeGeneratedDocument(
  db: Queryable,
  files: Deps['files'],
  document: {
    owner: { eventId: number } | { planId: number };
    title: string;
    kind: (typeof attachmentKinds)[number];
    filename: string;
    bytes: Uint8Array;
    text: string;
  },
): Promise<void> {
  const key = `${ATTACHMENT_PREFIX}${crypto.randomUUID()}`;
  const body = new Blob([document.bytes as Uint8Array<ArrayBuffer>]).stream();
  const { size } = await files.put(key, body, 'application/pdf');
  await db.insert(attachments).values({
    ...document.owner,
    title: document.title,
    kind: document.kind,
    storageKey: key,
    filename: document.filename,
    contentType: 'application/pdf',
    size,
    extractedText: document.text,
    published: true,
    position: 1,
  });
}

export type FeedDocument = {
  id: number;
  title: string;
  kind: (typeof attachmentKinds)[number];
  /** Its download path or external address. */
  href: string;
  eventSlug: string;
  eventTitle: string;
  /** The languages `title` and `eventTitle` are shown in (the feed's where translated). */
  titleLang: Lang;
  eventTitleLang: Lang;
  createdAt: Date;
  updatedAt: Date;
};

/**
 * The newest published documents of public events, for the archive's Atom feed, their titles and
 * their events' in `lang` where translated.
 */
export async function documentsForFeed(
  db: Queryable,
  limit: number,
  lang: Lang,
): Promise<FeedDocument[]> {
  const rows = await db
    .select({
      attachment: attachments,
      slug: events.slug,
      eventTitle: events.title,
      eventOriginalLang: events.originalLang,
      eventTranslations: events.translations,
    })
    .from(attachments)
    .innerJoin(events, eq(events.id, attachments.eventId))
    .where(and(eq(attachments.published, true), publicEventCondition()))
    .orderBy(desc(attachments.updatedAt), desc(attachments.id))
    .limit(limit);
  return rows.map(({ attachment, slug, eventTitle, eventOriginalLang, eventTranslations }) => {
    const title = localize(attachment, 'title', attachment.title, lang);
    const event = localize(
      { originalLang: eventOriginalLang, translations: eventTranslations },
      'title',
      eventTitle,
      lang,
    );
    return {
      id: attachment.id,
      title: title.text,
      titleLang: title.lang,
      kind: attachment.kind,
      href:
        attachment.storageKey && attachment.filename
          ? downloadPath(attachment.id, attachment.filename)
          : (attachment.externalUrl ?? ''),
      eventSlug: slug,
      eventTitle: event.text,
      eventTitleLang: event.lang,
      createdAt: attachment.createdAt,
      updatedAt: attachment.updatedAt,
    };
  });
}
