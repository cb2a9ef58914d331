import type { Lang, Translate } from '@/platform/i18n';
import { playerForUrl, type Player } from '@/recordings/providers';

export type PlayerProps = {
  t: Translate;
  lang: Lang;
  title: string;
  sourceUrl: string;
  startSeconds?: number | null;
  captionsUrl?: string | null;
  language?: string | null;
  /** Captions stored in Koda, one track per language (files and HLS; embeds show their own). */
  captionTracks?: { src: string; srclang: string; label: string; default: boolean }[];
  /** An id for the chapter script to find this player. */
  id?: string;
  /** The recording it plays, for forms that take its current time (/assets/forms.js). */
  recordingId?: number;
};

function hostOf(href: string): string {
  try {
    return new URL(href).hostname;
  } catch {
    return href;
  }
}

/**
 * The player for a source URL: a privacy-enhanced iframe for the providers we know, <video>
 * for media files, a plain link for anything else and nothing for a URL that is not http(s).
 */
export function MediaPlayer(props: PlayerProps) {
  const { t } = props;
  const player: Player | null = playerForUrl(props.sourceUrl, props.startSeconds);
  if (!player) return null;
  if (player.type === 'link') {
    return (
      <p class="player-link" id={props.id} data-player="link">
        <a href={player.href} rel="noopener noreferrer nofollow external">
          {t('recordings.player.linkOnly', { host: hostOf(player.href) })}
        </a>
      </p>
    );
  }
  if (player.type === 'iframe') {
    return (
      <div
        class="player"
        id={props.id}
        data-player={player.provider}
        data-recording-id={props.recordingId === undefined ? undefined : String(props.recordingId)}
      >
        <iframe
          src={player.src}
          title={t('recordings.player.title', { title: props.title })}
          allow="encrypted-media; picture-in-picture; fullscreen"
          allowfullscreen
          loading="lazy"
          referrerpolicy="strict-origin-when-cross-origin"
        ></iframe>
      </div>
    );
  }
  return (
    <>
      <div
        class="player"
        id={props.id}
        data-player={player.provider}
        data-recording-id={props.recordingId === undefined ? undefined : String(props.recordingId)}
      >
        <video controls preload="metadata">
          <source src={player.src} type={player.mime} />
          {(props.captionTracks ?? []).map((track) => (
            <track
              kind="captions"
              src={track.src}
              srclang={track.srclang}
              label={track.label}
              default={track.default}
            />
          ))}
          {props.captionsUrl && !props.captionTracks?.length ? (
            <track
              kind="captions"
              src={props.captionsUrl}
              srclang={props.language ?? props.lang}
              label={t('recordings.player.captions')}
              default
            />
          ) : null}
          <p>
            {t('recordings.player.noVideo')}{' '}
            <a href={player.href} rel="noopener noreferrer nofollow">
              {hostOf(player.href)}
            </a>
          </p>
        </video>
      </div>
      {player.provider === 'hls' ? (
        <p class="meta">
          {t('recordings.player.hlsNote')}{' '}
          <a href={player.href} rel="noopener noreferrer nofollow">
            {hostOf(player.href)}
          </a>
        </p>
      ) : null}
    </>
  );
}
