import type { StoredCue } from '@/captions/queries';
import { cueSecond, transcriptSections } from '@/captions/transcript';
import { languageName } from '@/platform/i18n/language-name';
import { formatOffset } from '@/platform/time';
import type { RecordingPageData } from '@/recordings';
import { MediaPlayer } from '@/recordings';
import { inSentence } from '@views/shell/content';
import { Layout, type PageContext } from '@views/shell/layout';

export type TranscriptPageProps = PageContext &
  Pick<RecordingPageData, 'recording' | 'event' | 'fallbackFrom'> & {
    language: string;
    languages: string[];
    cues: StoredCue[];
    startSeconds: number | null;
  };

/**
 * /recordings/:id/transcript: what was said, cue by cue under its chapter, each a link that plays
 * the recording from its second (`?t=`); the player above plays it in place with JavaScript.
 */
export function TranscriptPage(props: TranscriptPageProps) {
  const { t, lang, recording, event } = props;
  const base = `/recordings/${recording.id}`;
  const here = `${base}/transcript`;
  const languageQuery = props.languages.length > 1 ? `captions=${props.language}&` : '';
  const seekHref = (seconds: number) => `${here}?${languageQuery}t=${seconds}#player`;
  const sections = transcriptSections(props.cues, recording.chapters);
  const title = t('captions.transcript.title', { title: recording.title });
  // The title shown untranslated, and the chapters (written in the recording's language), are
  // marked with their language so that a screen reader reads them as such.
  const chapterLang = recording.originalLang !== lang ? recording.originalLang : undefined;
  return (
    <Layout
      {...props}
      title={title}
      description={`${event.title}: ${recording.title}`}
      canonicalPath={here}
      head={
        <>
          <script src="/assets/recordings.js" defer></script>
          <script src="/assets/transcript.js" defer></script>
          <link rel="alternate" type="text/vtt" href={`${base}/captions/${props.language}.vtt`} />
        </>
      }
    >
      <p class="meta">
        <a href={`/events/${event.slug}`}>{event.title}</a> ·{' '}
        <a href={base}>{t('captions.transcript.recording')}</a>
      </p>
      <h1>
        {inSentence(
          (slot) => t('captions.transcript.title', { title: slot }),
          { text: recording.title, lang: props.fallbackFrom ?? lang },
          lang,
        )}
      </h1>
      <p>{t('captions.transcript.intro')}</p>
      {props.languages.length > 1 ? (
        <p>
          {t('captions.transcript.languages')}{' '}
          {props.languages
            .filter((code) => code !== props.language)
            .map((code, index) => (
              <>
                {index > 0 ? ', ' : ''}
                <a href={`${here}?captions=${code}`} hreflang={code}>
                  {languageName(code, lang)}
                </a>
              </>
            ))}
        </p>
      ) : null}
      <MediaPlayer
        t={t}
        lang={lang}
        id="player"
        title={recording.title}
        sourceUrl={recording.sourceUrl}
        startSeconds={props.startSeconds}
        captionTracks={props.languages.map((code) => ({
          src: `${base}/captions/${code}.vtt`,
          srclang: code,
          label: languageName(code, lang),
          default: code === props.language,
        }))}
      />
      <section aria-labelledby="transcript" class="transcript">
        <h2 id="transcript">{t('captions.transcript.text')}</h2>
        {sections.map((section) => (
          <section
            data-start={String(section.chapter?.offsetSeconds ?? 0)}
            data-end={section.endSeconds === null ? undefined : String(section.endSeconds)}
          >
            {section.chapter ? (
              <h3>
                <a
                  href={seekHref(section.chapter.offsetSeconds)}
                  data-seek={String(section.chapter.offsetSeconds)}
                >
                  <span class="offset">{formatOffset(section.chapter.offsetSeconds)}</span>{' '}
                  <span lang={chapterLang}>{section.chapter.title}</span>
                </a>
              </h3>
            ) : sections.length > 1 ? (
              <h3>{t('captions.transcript.start')}</h3>
            ) : null}
            {section.cues.length === 0 ? null : (
              <ol class="cues" lang={props.language}>
                {section.cues.map((cue) => (
                  <li
                    id={`cue-${cue.id}`}
                    data-cue
                    data-start={String(cue.startMs / 1000)}
                    data-end={String(cue.endMs / 1000)}
                  >
                    <a href={seekHref(cueSecond(cue))} data-seek={String(cueSecond(cue))}>
                      <span class="offset">{formatOffset(cueSecond(cue))}</span>
                    </a>{' '}
                    {cue.text}
                  </li>
                ))}
              </ol>
            )}
          </section>
        ))}
      </section>
      <p class="meta">
        <a href={`${base}/captions/${props.language}.vtt`}>{t('captions.transcript.download')}</a>
      </p>
    </Layout>
  );
}
