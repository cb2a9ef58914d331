import { formatDayTime, formatDuration, formatOffset } from '@/platform/time';
import { liveState, type LiveEvent } from '@/recordings/live';
import type { RecordingView } from '@/recordings/queries';
import type { PageContext } from '@views/shell/layout';
import { MediaPlayer } from './player';

export type LivePanelProps = {
  ctx: PageContext;
  /** The event: its times, zone, status and online (stream) URL. */
  event: LiveEvent & { timezone: string; title: string };
  /** recordingsForEvent(db, event.id): published recordings in order. */
  recordings: RecordingView[];
  /** deps.clock.now() */
  now: Date;
};

/**
 * The webcast part of the event page: when the stream starts, the live player from
 * 15 minutes before the start to 15 minutes after the end, then the recordings.
 * Renders nothing for an event that has no stream and no recordings.
 */
export function LivePanel({ ctx, event, recordings, now }: LivePanelProps) {
  const { t, lang } = ctx;
  const state = liveState(event, recordings, now);
  if (state.phase === 'none') return null;
  const zone = event.timezone;
  return (
    <section class="live-panel" aria-labelledby="live-panel-heading">
      <h2 id="live-panel-heading">
        {t('recordings.live.heading')}
        {state.phase === 'live' ? (
          <>
            {' '}
            <span class="badge live">{t('recordings.live.now')}</span>
          </>
        ) : null}
      </h2>
      {state.phase === 'before' ? (
        <p class="notice" data-live-phase="before">
          {t('recordings.live.before', {
            time: formatDayTime(event.startsAt, zone, lang, { now }),
          })}{' '}
          {state.streamUrl ? (
            <a href={state.streamUrl} rel="noopener noreferrer nofollow">
              {t('recordings.live.beforeLink')}
            </a>
          ) : null}
        </p>
      ) : null}
      {state.phase === 'live' && state.streamUrl ? (
        <div data-live-phase="live">
          <p class="meta">{t('recordings.live.nowNote')}</p>
          <MediaPlayer
            t={t}
            lang={lang}
            title={state.recording?.title ?? event.title}
            sourceUrl={state.streamUrl}
            captionsUrl={state.recording?.captionsUrl}
            language={state.recording?.language}
          />
        </div>
      ) : null}
      {state.phase === 'soon' ? (
        <p class="notice" data-live-phase="soon">
          {t('recordings.live.soon')}
        </p>
      ) : null}
      {state.phase === 'after' ? (
        <div data-live-phase="after">
          {state.recordings.length === 1 && state.recordings[0] ? (
            <>
              <MediaPlayer
                t={t}
                lang={lang}
                title={state.recordings[0].title}
                sourceUrl={state.recordings[0].sourceUrl}
                captionsUrl={state.recordings[0].captionsUrl}
                language={state.recordings[0].language}
              />
              {state.recordings[0].chapters.length > 0 ? (
                <ol class="chapters" aria-label={t('recordings.page.chapters')}>
                  {state.recordings[0].chapters.map((chapter) => (
                    <li>
                      <a href={`/recordings/${state.recordings[0]?.id}?t=${chapter.offsetSeconds}`}>
                        <span class="offset">{formatOffset(chapter.offsetSeconds)}</span>{' '}
                        {chapter.title}
                      </a>
                    </li>
                  ))}
                </ol>
              ) : null}
            </>
          ) : null}
          <ul class="recording-list">
            {state.recordings.map((recording) => (
              <li>
                <a href={`/recordings/${recording.id}`}>{recording.title}</a>
                <span class="meta">
                  {' · '}
                  {t(`recordings.kind.${recording.kind}`)}
                  {recording.durationSeconds
                    ? ` · ${formatDuration(recording.durationSeconds, lang)}`
                    : ''}
                  {recording.chapters.length > 0
                    ? ` · ${t('recordings.admin.chapterCount', { count: recording.chapters.length })}`
                    : ''}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
