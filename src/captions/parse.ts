/** Captions files (WebVTT, SubRip) read into cues, or refused naming the line. Pure: no I/O. */
import webvtt from 'webvtt-parser';
import { parse as parseSubtitles } from 'subsrt-ts';

export type CaptionFormat = 'vtt' | 'srt';
export type Cue = { startMs: number; endMs: number; text: string };
export type CaptionProblem = { line: number; message: string };
export type CaptionParse = { ok: true; cues: Cue[] } | { ok: false; problems: CaptionProblem[] };

/** The most cues one file may hold (a four-hour meeting has some 5,000). */
export const MAX_CUES = 20_000;
/** The longest text one cue may have. */
export const MAX_CUE_CHARS = 1_000;
/** The latest a cue may start: a day. */
const MAX_MS = 24 * 3600 * 1000;
const MAX_PROBLEMS = 10;

export function captionFormatOf(contentType: string | undefined): CaptionFormat | null {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'text/vtt') return 'vtt';
  if (type === 'application/x-subrip') return 'srt';
  return null;
}

/** A file's name tells its format when a browser sends no useful type. */
export function captionFormatOfName(name: string): CaptionFormat | null {
  if (/\.vtt$/i.test(name)) return 'vtt';
  if (/\.srt$/i.test(name)) return 'srt';
  return null;
}

/** Cue text as plain words: tags (<v Name>, <i>, {b}) out, entities read, whitespace one space. */
export function plainCueText(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lrm;|&rlm;/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function lineOfNul(input: string): number | null {
  const at = input.indexOf('\0');
  return at < 0 ? null : input.slice(0, at).split(/\r\n|\r|\n/).length;
}

function checkCues(cues: (Cue & { line: number })[]): CaptionParse {
  const problems: CaptionProblem[] = [];
  if (cues.length === 0) problems.push({ line: 1, message: 'The file holds no cues' });
  if (cues.length > MAX_CUES) {
    problems.push({ line: 1, message: `The file holds more than ${MAX_CUES} cues` });
  }
  for (const cue of cues) {
    if (cue.startMs > MAX_MS) {
      problems.push({ line: cue.line, message: 'A cue may not start later than 24 hours' });
    } else if (cue.endMs <= cue.startMs) {
      problems.push({ line: cue.line, message: 'The cue ends before it starts' });
    }
    if (cue.text.length > MAX_CUE_CHARS) {
      problems.push({
        line: cue.line,
        message: `A cue may hold at most ${MAX_CUE_CHARS} characters`,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  return {
    ok: true,
    cues: cues
      .filter((cue) => cue.text !== '')
      .map(({ startMs, endMs, text }) => ({ startMs, endMs, text }))
      .sort((a, b) => a.startMs - b.startMs),
  };
}

/**
 * The parser reports a problem in a cue's text on the line after the text (where it stopped
 * reading); name the text's first line instead.
 */
function problemLine(lines: string[], reported: number): number {
  if ((lines[reported - 1] ?? '').trim() !== '') return reported;
  let line = reported - 1;
  while (
    line > 1 &&
    (lines[line - 2] ?? '').trim() !== '' &&
    !(lines[line - 2] ?? '').includes('-->')
  ) {
    line--;
  }
  return line >= 1 && (lines[line - 1] ?? '').trim() !== '' ? line : reported;
}

function parseVtt(input: string): CaptionParse {
  const { cues, errors } = new webvtt.WebVTTParser().parse(input);
  const lines = input.split(/\r\n|\r|\n/);
  if (errors.length > 0) {
    return {
      ok: false,
      problems: errors
        .slice(0, MAX_PROBLEMS)
        .map((error) => ({ line: problemLine(lines, error.line), message: error.message })),
    };
  }
  // The parser gives no line per cue; find each cue's timing line in order for later checks.
  let next = 0;
  const located = cues.map((cue) => {
    while (next < lines.length && !(lines[next] ?? '').includes('-->')) next++;
    const line = ++next;
    return {
      startMs: Math.round(cue.startTime * 1000),
      endMs: Math.round(cue.endTime * 1000),
      text: plainCueText(cue.text),
      line,
    };
  });
  return checkCues(located);
}

function parseSrt(input: string): CaptionParse {
  const lines = input.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  const cues: (Cue & { line: number })[] = [];
  const problems: CaptionProblem[] = [];
  let start = 0;
  while (start < lines.length) {
    while (start < lines.length && (lines[start] ?? '').trim() === '') start++;
    if (start >= lines.length) break;
    let end = start;
    while (end < lines.length && (lines[end] ?? '').trim() !== '') end++;
    const block = lines.slice(start, end).join('\n');
    let parsed: ReturnType<typeof parseSubtitles>;
    try {
      parsed = parseSubtitles(block, { format: 'srt' });
    } catch {
      parsed = [];
    }
    const caption = parsed[0];
    if (caption && caption.type === 'caption' && parsed.length === 1) {
      cues.push({
        startMs: caption.start,
        endMs: caption.end,
        text: plainCueText(caption.text ?? caption.content ?? ''),
        line: start + 2,
      });
    } else {
      problems.push({
        line: start + 1,
        message: 'Expected a cue: its number, then "00:00:01,000 --> 00:00:04,000", then its text',
      });
    }
    start = end;
  }
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  return checkCues(cues);
}

/** The cues of a WebVTT or SubRip file, or its problems, each with the line it is on (from 1). */
export function parseCaptions(input: string, format: CaptionFormat): CaptionParse {
  const nulLine = lineOfNul(input);
  if (nulLine !== null) {
    return { ok: false, problems: [{ line: nulLine, message: 'The file holds a NUL character' }] };
  }
  return format === 'vtt' ? parseVtt(input) : parseSrt(input);
}
