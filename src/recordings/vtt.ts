/** WebVTT chapters (https://www.w3.org/TR/webvtt1/). Pure: no I/O. */

export type VttChapter = { offsetSeconds: number; title: string };

/** A cue time: 01:02:03.000. */
export function vttTime(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.000`;
}

/** Cue text may not hold a line break or "-->"; &, < and > are escaped. */
export function vttText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** The last chapter runs to the end of the recording, or an hour when its duration is unknown. */
export function chaptersVtt(
  chapters: readonly VttChapter[],
  durationSeconds: number | null,
): string {
  const sorted = [...chapters].sort((a, b) => a.offsetSeconds - b.offsetSeconds);
  const cues = sorted.map((chapter, index) => {
    const next = sorted[index + 1]?.offsetSeconds;
    let end = next ?? durationSeconds ?? chapter.offsetSeconds + 3600;
    if (end <= chapter.offsetSeconds) end = chapter.offsetSeconds + 1;
    return `${index + 1}\n${vttTime(chapter.offsetSeconds)} --> ${vttTime(end)}\n${vttText(chapter.title) || '-'}`;
  });
  return ['WEBVTT', ...cues].join('\n\n') + '\n';
}
