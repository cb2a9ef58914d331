import type { Lang, Translate } from '@/platform/i18n';
import { downloadPath } from '@/documents/rules';
import { formatSize } from '@/platform/i18n/size';
import { localizeFields } from '@/platform/i18n/content';
import { inLanguage } from '@/platform/time';
import type { AttachmentRow } from '@/documents/service';

/** Short names of the types people recognise, shown beside a file's size. */
const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'text/plain': 'TXT',
  'text/csv': 'CSV',
  'image/svg+xml': 'SVG',
};

function typeName(contentType: string, filename: string): string {
  return TYPE_NAMES[contentType] ?? filename.split('.').pop()?.toUpperCase() ?? '';
}

type Ctx = { t: Translate; lang: Lang };

/** Each material a link to its download (or its external address), its kind, type and size. */
function Items({ ctx, items }: { ctx: Ctx; items: AttachmentRow[] }) {
  const { t, lang } = ctx;
  return (
    <ul>
      {items.map((stored) => {
        // The title in the reader's language, else the original with its language (issue 18).
        const item = localizeFields(stored, ['title'], lang);
        const titleLang = item.contentLang === lang ? undefined : item.contentLang;
        const file = item.storageKey && item.filename ? item : null;
        return (
          <li>
            {file ? (
              <a href={downloadPath(item.id, file.filename!)} lang={titleLang}>
                {item.title}
              </a>
            ) : (
              <a href={item.externalUrl ?? '#'} rel="noopener nofollow" lang={titleLang}>
                {item.title}
              </a>
            )}{' '}
            {item.fallback ? (
              <span class="muted">
                ({t('content.originalShort', { language: inLanguage(item.contentLang, lang) })})
              </span>
            ) : null}{' '}
            <span class="muted">
              ({t(`documents.kind.${item.kind}`)}
              {file && file.contentType && file.size !== null
                ? `, ${typeName(file.contentType, file.filename!)}, ${formatSize(file.size, lang)}`
                : `, ${t('documents.external')}`}
              )
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * An owner's published materials ("Materjalid"): each a link to its download (or its external
 * address), its kind, type and size. Nothing when there are none.
 */
export function Materials(props: {
  ctx: Ctx;
  items: AttachmentRow[];
  /** The heading's id (one per page). */
  id?: string;
}) {
  if (props.items.length === 0) return null;
  const id = props.id ?? 'materials';
  return (
    <section aria-labelledby={id} class="phase-section materials">
      <h2 id={id}>{props.ctx.t('documents.section.heading')}</h2>
      <Items ctx={props.ctx} items={props.items} />
    </section>
  );
}

/**
 * The materials of one part of a page (an outcome note, a plan item) under a small heading:
 * nothing when there are none.
 */
export function MaterialList(props: { ctx: Ctx; items: AttachmentRow[] | undefined }) {
  if (!props.items || props.items.length === 0) return null;
  return (
    <div class="materials materials-part">
      <h4>{props.ctx.t('documents.section.heading')}</h4>
      <Items ctx={props.ctx} items={props.items} />
    </div>
  );
}
