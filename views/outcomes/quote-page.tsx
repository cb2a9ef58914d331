import type { CurrentUser } from '@/platform/auth/auth';
import { languageName } from '@/platform/i18n/language-name';
import { formatOffset } from '@/platform/time';
import type { FoundCue } from '@/search';
import { AdminLayout } from '@views/shell/admin-layout';
import type { PageContext } from '@views/shell/layout';

export type QuotePickerProps = PageContext & {
  user: CurrentUser;
  event: { slug: string; title: string };
  outcome: {
    id: number;
    title: string;
    quote: string | null;
    quoteLang: string | null;
    offsetSeconds: number | null;
  };
  recordings: { id: number; title: string }[];
  /** The recording searched (all of the event's when null). */
  recordingId: number | null;
  q: string;
  found: { cues: FoundCue[]; more: boolean } | null;
  /** A refused choice, said above the list. */
  problem?: string | undefined;
};

/**
 * /admin/events/:slug/outcomes/:id/quote: an organizer finds the words said in the event's
 * recordings (a GET form) and picks the cue the note quotes (a POST form of radio buttons); no
 * JavaScript, no ids to type.
 */
export function QuotePickerPage(props: QuotePickerProps) {
  const { t, lang, event, outcome } = props;
  const base = `/admin/events/${event.slug}/outcomes/${outcome.id}/quote`;
  const title = t('captions.quote.title', { title: outcome.title });
  const recordingTitle = new Map(props.recordings.map((r) => [r.id, r.title]));
  // Cues found in captions of more than one language each say theirs.
  const severalLanguages = new Set(props.found?.cues.map((cue) => cue.language)).size > 1;
  return (
    <AdminLayout {...props} title={title}>
      <p>
        <a href={`/admin/events/${event.slug}/outcomes#outcome-${outcome.id}`}>
          {t('captions.quote.back')}
        </a>
      </p>
      <h1>{title}</h1>
      <p>{t('captions.quote.intro')}</p>
      {outcome.quote ? (
        <section aria-labelledby="current-quote">
          <h2 id="current-quote">{t('captions.quote.current')}</h2>
          <blockquote>
            <p>
              {outcome.offsetSeconds !== null ? (
                <span class="offset">{formatOffset(outcome.offsetSeconds)}</span>
              ) : null}{' '}
              <span
                lang={
                  outcome.quoteLang && outcome.quoteLang !== lang ? outcome.quoteLang : undefined
                }
              >
                {outcome.quote}
              </span>
            </p>
          </blockquote>
          <form method="post" action={base}>
            <input type="hidden" name="captionCueId" value="" />
            <button type="submit" class="danger">
              {t('captions.quote.remove')}
            </button>
          </form>
        </section>
      ) : null}
      <form method="get" action={base} role="search" class="form">
        <p>
          <label for="quote-recording">{t('captions.quote.recording')}</label>{' '}
          <select id="quote-recording" name="recording">
            <option value="">{t('captions.quote.anyRecording')}</option>
            {props.recordings.map((recording) => (
              <option value={String(recording.id)} selected={recording.id === props.recordingId}>
                {recording.title}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label for="quote-q">{t('captions.quote.words')}</label>{' '}
          <input
            id="quote-q"
            type="search"
            name="q"
            value={props.q}
            maxlength={200}
            required
            aria-describedby="quote-hint"
          />{' '}
          <span id="quote-hint" class="hint">
            {t('captions.quote.hint')}
          </span>
        </p>
        <p>
          <button type="submit">{t('captions.quote.find')}</button>
        </p>
      </form>
      {props.problem ? (
        <p class="field-error" role="alert">
          {props.problem}
        </p>
      ) : null}
      {props.found ? (
        props.found.cues.length === 0 ? (
          <p role="status">{t('captions.quote.none')}</p>
        ) : (
          <form method="post" action={base} class="form">
            <fieldset>
              <legend>{t('captions.quote.choose', { count: props.found.cues.length })}</legend>
              {props.found.cues.map((cue) => (
                <label class="choice cue-choice" for={`cue-${cue.id}`}>
                  <input
                    type="radio"
                    id={`cue-${cue.id}`}
                    name="captionCueId"
                    value={String(cue.id)}
                    required
                  />{' '}
                  <span class="offset">{formatOffset(cue.offsetSeconds)}</span>
                  {props.recordings.length > 1
                    ? ` · ${recordingTitle.get(cue.recordingId) ?? ''}`
                    : ''}
                  {severalLanguages && cue.language
                    ? ` · ${languageName(cue.language, props.lang)}`
                    : ''}
                  {' · '}
                  <span lang={cue.language ?? undefined}>
                    {cue.snippet.map((part) => (part.match ? <mark>{part.text}</mark> : part.text))}
                  </span>
                </label>
              ))}
            </fieldset>
            {props.found.more ? <p class="hint">{t('captions.quote.more')}</p> : null}
            <p>
              <button type="submit" class="button">
                {t('captions.quote.save')}
              </button>
            </p>
          </form>
        )
      ) : null}
    </AdminLayout>
  );
}
