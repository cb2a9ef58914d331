import { rowsFor } from '@/embeds/rules';
import type { Translate } from '@/platform/i18n';

/**
 * The snippets' width in characters: narrow enough to fit a phone's column too, so that the rows
 * counted for it (lines wrapped a few characters sooner: the font is proportional) show the
 * whole snippet, the `<script>` line too, on a phone and on a laptop alike.
 */
const COLS = 40;
const WRAP = 32;

/**
 * "Show this on your website": the iframe and web-component snippets to copy (readonly
 * textareas), the oEmbed hint, and the live preview, which is the iframe itself (fitted to its
 * content by /embed.js, the script the component snippet loads too).
 */
export function EmbedSnippets(props: {
  t: Translate;
  /** A prefix for the ids of the page's fields. */
  id: string;
  iframe: string;
  component: string;
  previewSrc: string;
  previewTitle: string;
  previewHeight: number;
}) {
  const { t, id } = props;
  return (
    <details class="embed-snippets">
      <summary>{t('embeds.snippets.summary')}</summary>
      <p>{t('embeds.snippets.intro')}</p>
      <p>
        <label for={`${id}-iframe`}>{t('embeds.snippets.iframe')}</label>
        <br />
        <textarea
          id={`${id}-iframe`}
          readonly
          rows={rowsFor(props.iframe, WRAP)}
          cols={COLS}
          spellcheck={false}
        >
          {props.iframe}
        </textarea>
      </p>
      <p>
        <label for={`${id}-component`}>{t('embeds.snippets.component')}</label>
        <br />
        <textarea
          id={`${id}-component`}
          readonly
          rows={rowsFor(props.component, WRAP)}
          cols={COLS}
          spellcheck={false}
        >
          {props.component}
        </textarea>
      </p>
      <p class="hint">{withCode(t('embeds.snippets.look'))}</p>
      <p class="hint">{t('embeds.snippets.oembed')}</p>
      <h3>{t('embeds.snippets.preview')}</h3>
      <iframe
        src={props.previewSrc}
        title={props.previewTitle}
        height={props.previewHeight}
        loading="lazy"
        class="embed-preview"
      ></iframe>
      <script src="/embed.js" async></script>
    </details>
  );
}

/** The settings a host types (`&theme=dark`, `accent=RRGGBB`…) shown as code inside the sentence. */
function withCode(sentence: string) {
  return sentence
    .split(/(&theme=dark|theme="dark"|accent=[0-9A-Fa-f]{6}|accent=RRGGBB)/)
    .map((part, index) => (index % 2 === 1 ? <code>{part}</code> : part));
}
