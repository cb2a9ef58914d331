import type { Lang, Translate } from '@/platform/i18n';
import { downloadPath, formatSize } from '@/documents/rules';
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

/**
 * An owner's published materials ("Materjalid"): each a link to its download (or its external
 * address), its kind, type and size. Nothing when there are none.
 */
export function Materials(props: {
  ctx: { t: Translate; lang: Lang };
  items: AttachmentRow[];
  /** The heading's id (one per page). */
  id?: string;
}) {
  const { t, lang } = props.ctx;
  if (props.items.length === 0) return null;
  const id = props.id ?? 'materials';
  return (
    <section aria-labelledby={id} class="phase-section materials">
      <h2 id={id}>{t('documents.section.heading')}</h2>
      <ul>
        {props.items.map((item) => {
          const file = item.storageKey && item.filename ? item : null;
          return (
            <li>
              {file ? (
                <a href={downloadPath(item.id, file.filename!)}>{item.title}</a>
              ) : (
                <a href={item.externalUrl ?? '#'} rel="noopener nofollow">
                  {item.title}
                </a>
              )}{' '}
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
    </section>
  );
}
