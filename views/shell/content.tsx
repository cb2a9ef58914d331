import type { Child } from 'hono/jsx';
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

const SLOT = '\u0000';

/**
 * A translated sentence around a text shown in its own language (an untranslated title), which
 * a string cannot mark: `sentence` writes the message with the slot it is given where the text
 * goes, and the text is marked with its `lang` when that is not the page's:
 * `inSentence((title) => t('event.nextDue', { date, title }), { text, lang: 'ru' }, 'et')`.
 */
export function inSentence(
  sentence: (slot: string) => string,
  shown: { text: string; lang: Lang },
  page: Lang,
): Child {
  const text = sentence(SLOT);
  const at = text.indexOf(SLOT);
  if (shown.lang === page || at < 0) return sentence(shown.text);
  return (
    <>
      {text.slice(0, at)}
      <span lang={shown.lang}>{shown.text}</span>
      {text.slice(at + SLOT.length)}
    </>
  );
}
