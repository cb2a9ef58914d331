/** Captions as WebVTT and as a transcript in chapters. Pure: no I/O. */
import type { Cue } from './parse';

/** Caption and transcript links use whole seconds, rounded down from the cue's start. */
export function cueSecond(cue: Pick<Cue, 'startMs'>): number {
  return Math.floor(cue.startMs / 1000);
}

/** A cue time: 01:02:03.450. */
export function vttTimestamp(ms: number): string {
  const whole = Math.max(0, Math.floor(ms));
  const h = Math.floor(whole / 3_600_000);
  const m = Math.floor((whole % 3_600_000) / 60_000);
  const s = Math.floor((whole % 60_000) / 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(whole % 1000, 3)}`;
}

/** Plain text in a cue: &, < and > escaped, and no line of it can be "-->" or blank. */
function escaped(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * A cue's payload: its words, each voice as a WebVTT voice span (<v Mari Maasikas>Tere) on a line
 * of its own, closed when another follows; the speaker's name escaped like the words (a browser
 * reads the references in it back).
 */
function cuePayload(cue: Cue): string {
  const voices = (cue.voices ?? []).filter(
    (voice, index, all) =>
      voice.speaker !== '' &&
      cue.text.startsWith(`${voice.speaker}:`, voice.at) &&
      (index === 0 || voice.at > (all[index - 1]?.at ?? 0)),
  );
  const first = voices[0];
  if (!first) return escaped(cue.text);
  const lines = first.at > 0 ? [escaped(cue.text.slice(0, first.at))] : [];
  voices.forEach((voice, index) => {
    const next = voices[index + 1];
    const words = cue.text.slice(voice.at + voice.speaker.length + 1, next?.at);
    lines.push(`<v ${escaped(voice.speaker)}>${escaped(words)}${next ? '</v>' : ''}`);
  });
  return lines.join('\n');
}

export function cuesVtt(cues: readonly Cue[]): string {
  const body = cues.map(
    (cue) => `${vttTimestamp(cue.startMs)} --> ${vttTimestamp(cue.endMs)}\n${cuePayload(cue)}`,
  );
  return ['WEBVTT', ...body].join('\n\n') + '\n';
}

export type TranscriptChapter = { offsetSeconds: number; title: string };
export type TranscriptSection<C extends Cue> = {
  chapter: TranscriptChapter | null;
  /** Where the section ends (the next chapter's start), for marking it while playing. */
  endSeconds: number | null;
  cues: C[];
};

/** The cues under the chapter they fall in; those before the first chapter come first. */
export function transcriptSections<C extends Cue>(
  cues: readonly C[],
  chapters: readonly TranscriptChapter[],
): TranscriptSection<C>[] {
  const sorted = [...chapters].sort((a, b) => a.offsetSeconds - b.offsetSeconds);
  const sections: TranscriptSection<C>[] = [
    { chapter: null, endSeconds: sorted[0]?.offsetSeconds ?? null, cues: [] },
    ...sorted.map((chapter, index) => ({
      chapter,
      endSeconds: sorted[index + 1]?.offsetSeconds ?? null,
      cues: [] as C[],
    })),
  ];
  for (const cue of cues) {
    const second = cueSecond(cue);
    let at = 0;
    for (let i = 0; i < sorted.length; i++) {
      if ((sorted[i] as TranscriptChapter).offsetSeconds <= second) at = i + 1;
    }
    sections[at]?.cues.push(cue);
  }
  return sections.filter((section) => section.cues.length > 0 || section.chapter !== null);
}
