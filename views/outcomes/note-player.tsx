import type { Lang, Translate } from '@/platform/i18n';
import { MediaPlayer, playerForUrl } from '@/recordings';

/**
 * The event's recording beside the outcome notes, so that "said at" can take the player's
 * current time (/assets/forms.js adds the button to each `[data-offset-input]` field and, where
 * a note has no recording chosen, chooses this one). The first recording whose player reports
 * its time (a video file, YouTube or Vimeo); none when there is no such recording.
 */
export function NotePlayer(props: {
  t: Translate;
  lang: Lang;
  recordings: readonly { id: number; title: string; sourceUrl?: string }[];
}) {
  const recording = props.recordings.find((candidate) => {
    const player = candidate.sourceUrl ? playerForUrl(candidate.sourceUrl) : null;
    return player !== null && player.type !== 'link' && player.provider !== 'facebook';
  });
  if (!recording?.sourceUrl) return null;
  return (
    <section class="note-player" aria-labelledby="note-player-title">
      <h2 id="note-player-title">{recording.title}</h2>
      <MediaPlayer
        t={props.t}
        lang={props.lang}
        title={recording.title}
        sourceUrl={recording.sourceUrl}
        id="player"
        recordingId={recording.id}
      />
    </section>
  );
}

/** What an offset field needs for the player's button: its words, and the note's recording field. */
export function offsetInputAttrs(t: Translate) {
  return {
    'data-offset-input': t('recordings.admin.playerTime'),
    'data-offset-recording': 'recordingId',
  };
}
