import { formatOffset, formatRange, formatTime, inLanguage } from '@/platform/time';
import type { MessageKey } from '@/platform/i18n';
import type { RecordingPageData } from '@/recordings/queries';
import { Layout, type PageContext } from '@views/shell/layout';
import { OriginalNote, langOf } from '@views/shell/content';
import { MediaPlayer } from './player';

export type RecordingPageProps = PageContext &
  RecordingPageData & {
    startSeconds: number | null;
    /** The oEmbed address for the head (src/embeds). */
    oembed?: string;
  };

function languageLabel(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** /recordings/:id: the player, chapters that seek it, the agenda and what was said when. */
export function RecordingPage(props: RecordingPageProps) {
  const { t, lang, recording, event, agenda, outcomes } = props;
  const zone = event.timezone;
  const base = `/recordings/${recording.id}`;
  const seekHref = (seconds: number) => `${base}?t=${seconds}#player`;
  const chapterOfAgenda = new Map(
    recording.chapters
      .filter((chapter) => chapter.agendaItemId !== null)
      .map((chapter) => [chapter.agendaItemId as number, chapter.offsetSeconds]),
  );
  return (
    <Layout
      {...props}
      title={recording.title}
      description={`${event.title}: ${recording.title}`}
      canonicalPath={base}
      head={
        <>
          <script src="/assets/recordings.js" defer></script>
          <script src="/assets/transcript.js" defer></script>
          {recording.chapters.length > 0 ? (
            <link rel="alternate" type="text/vtt" href={`${base}/chapters.vtt`} />
          ) : null}
        </>
      }
    >
      <p class="meta">
        {t(`recordings.kind.${recording.kind}`)} ·{' '}
        <a href={`/events/${event.slug}`}>{event.title}</a>
      </p>
      <h1 lang={props.fallbackFrom && props.fallbackFrom !== lang ? props.fallbackFrom : undefined}>
        {recording.title}
      </h1>
      <p class="meta">
        <time datetime={event.startsAt.toISOString()}>
          {formatRange(event.startsAt, event.endsAt, zone, lang)}
        </time>
        {event.hosts.length > 0
          ? ` · ${t('event.hostedBy', { hosts: event.hosts.map((h) => h.name).join(', ') })}`
          : ''}
        {recording.durationSeconds
          ? ` · ${t('recordings.page.duration', { duration: formatOffset(recording.durationSeconds) })}`
          : ''}
        {recording.language ? ` · ${inLanguage(recording.language, lang)}` : ''}
      </p>
      {props.startSeconds ? (
        <p class="meta">
          {t('recordings.page.startsAt', { time: formatOffset(props.startSeconds) })}
        </p>
      ) : null}
      <MediaPlayer
        t={t}
        lang={lang}
        id="player"
        title={recording.title}
        sourceUrl={recording.sourceUrl}
        startSeconds={props.startSeconds}
        captionsUrl={recording.captionsUrl}
        language={recording.language}
        captionTracks={props.captionLanguages.map((code) => ({
          src: `${base}/captions/${code}.vtt`,
          srclang: code,
          label: languageLabel(code, lang),
          default:
            code === (props.captionLanguages.includes(lang) ? lang : props.captionLanguages[0]),
        }))}
      />
      <p class="meta">
        <a href={recording.sourceUrl} rel="noopener noreferrer nofollow">
          {t('recordings.page.source')}
        </a>
        {props.captionLanguages.length > 0 ? (
          <>
            {' · '}
            <a href={`${base}/transcript`}>{t('captions.transcript.link')}</a>
          </>
        ) : null}
      </p>
      {/* Below the player, so it stays in a phone's first screen (issue 18). */}
      {props.fallbackFrom ? <OriginalNote ctx={props} original={props.fallbackFrom} /> : null}

      {recording.chapters.length > 0 ? (
        <section aria-labelledby="chapters">
          <h2 id="chapters">{t('recordings.page.chapters')}</h2>
          <p class="meta">{t('recordings.page.chaptersHint')}</p>
          <ol class="chapters">
            {recording.chapters.map((chapter, index) => (
              <li
                data-start={String(chapter.offsetSeconds)}
                data-end={
                  index + 1 < recording.chapters.length
                    ? String(recording.chapters[index + 1]?.offsetSeconds)
                    : undefined
                }
              >
                <a href={seekHref(chapter.offsetSeconds)} data-seek={String(chapter.offsetSeconds)}>
                  <span class="offset">{formatOffset(chapter.offsetSeconds)}</span> {chapter.title}
                </a>
              </li>
            ))}
          </ol>
          <p class="meta">
            <a href={`${base}/chapters.vtt`}>{t('recordings.page.vtt')}</a>
          </p>
        </section>
      ) : null}

      {outcomes.length > 0 ? (
        <section aria-labelledby="outcomes">
          <h2 id="outcomes">{t('recordings.page.outcomes')}</h2>
          <ul class="outcomes">
            {outcomes.map((outcome) => (
              <li id={`outcome-${outcome.id}`}>
                <span class="badge">{t(`recordings.outcome.${outcome.kind}` as MessageKey)}</span>{' '}
                <strong lang={langOf(outcome.titleLang, lang)}>{outcome.title}</strong>
                {outcome.offsetSeconds !== null ? (
                  <>
                    {' · '}
                    <a
                      href={seekHref(outcome.offsetSeconds)}
                      data-seek={String(outcome.offsetSeconds)}
                    >
                      {t('recordings.page.saidAt', { time: formatOffset(outcome.offsetSeconds) })}
                    </a>
                  </>
                ) : null}
                {outcome.quote && outcome.offsetSeconds !== null ? (
                  <blockquote
                    class="cited-cue"
                    lang={
                      outcome.quoteLang && outcome.quoteLang !== lang
                        ? outcome.quoteLang
                        : undefined
                    }
                  >
                    <p>
                      <a
                        href={seekHref(outcome.offsetSeconds)}
                        data-seek={String(outcome.offsetSeconds)}
                      >
                        {outcome.quote}
                      </a>
                    </p>
                  </blockquote>
                ) : null}
                <p lang={langOf(outcome.bodyLang, lang)}>{outcome.body.split(/\n\s*\n/)[0]}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {agenda.length > 0 ? (
        <section aria-labelledby="agenda">
          <h2 id="agenda">{t('recordings.page.agenda')}</h2>
          <ol class="agenda">
            {agenda.map((item) => {
              const offset = chapterOfAgenda.get(item.id);
              return (
                <li>
                  <time datetime={item.startsAt.toISOString()}>
                    {formatTime(item.startsAt, zone, lang)}–{formatTime(item.endsAt, zone, lang)}
                  </time>{' '}
                  {offset !== undefined ? (
                    <a href={seekHref(offset)} data-seek={String(offset)}>
                      {item.title}
                    </a>
                  ) : (
                    item.title
                  )}
                  {item.speakers.length > 0 ? (
                    <span class="meta"> · {item.speakers.join(', ')}</span>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}

      {props.siblings.length > 0 ? (
        <section aria-labelledby="siblings">
          <h2 id="siblings">{t('recordings.page.otherStreams')}</h2>
          <ul>
            {props.siblings.map((sibling) => (
              <li>
                <a href={`/recordings/${sibling.id}`}>{sibling.title}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}
