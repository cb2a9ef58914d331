import type { Lang, Translate } from '@/platform/i18n';
import { inLanguage } from '@/platform/time';

/**
 * The visible fallback of content in several languages (issue 18): where a text has no
 * translation into the reader's language, "Перевода пока нет: оригинал на эстонском."
 */
export function OriginalNote(props: { ctx: { t: Translate; lang: Lang }; original: Lang }) {
  const { t, lang } = props.ctx;
  return (
    <p class="meta original-note">
      {t('content.originalIn', { language: inLanguage(props.original, lang) })}
    </p>
  );
}

/** The `lang` attribute of a text shown in another language than the page's, else none. */
export function langOf(shown: Lang, page: Lang): Lang | undefined {
  return shown === page ? undefined : shown;
}
