/** Captions files (WebVTT, SubRip) read into cues, or refused naming the line. Pure: no I/O. */
import webvtt from 'webvtt-parser';
import { parse as parseSubtitles } from 'subsrt-ts';
import { formatOffset } from '@/platform/time';
import { MAX_CUES } from './limits';

export type CaptionFormat = 'vtt' | 'srt';
/** Who speaks from where in a cue's text: `text` reads "speaker: " at `at` (a WebVTT <v> span). */
export type Voice = { speaker: string; at: number };
export type Cue = { startMs: number; endMs: number; text: string; voices?: Voice[] };
/** A cue with the line its timing is on (from 1), to name it in a problem. */
type ParsedCue = Cue & { line: number };
/**
 * What is wrong, said by code (src/captions/messages.ts words each in the page's language):
 * timing (a timing line that does not read), endBeforeStart, signature (no WEBVTT first), srtBlock
 * (an SRT block that is no cue), nul, noCues, tooMany, tooLong, tooLate, pastEnd (after the
 * recording's end).
 */
export type CaptionProblemCode =
  | 'timing'
  | 'endBeforeStart'
  | 'signature'
  | 'srtBlock'
  | 'nul'
  | 'noCues'
  | 'tooMany'
  | 'tooLong'
  | 'tooLate'
  | 'pastEnd';
export type CaptionProblem = {
  line: number;
  code: CaptionProblemCode;
  message: string;
  /** pastEnd: when the cue starts and how long the recording lasts (h:mm:ss). */
  params?: { at: string; duration: string };
};
export type CaptionParse = { ok: true; cues: Cue[] } | { ok: false; problems: CaptionProblem[] };

export { MAX_CUES } from './limits';
/** The longest text one cue may have. */
export const MAX_CUE_CHARS = 1_000;
/** The latest a cue may start: a day. */
const MAX_MS = 24 * 3600 * 1000;
const MAX_PROBLEMS = 10;
/** A cue may start this long after the recording's known end (a rounded duration, credits). */
const PAST_END_TOLERANCE_MS = 60_000;

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

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  nbsp: ' ',
  lrm: '',
  rlm: '',
};

/** Markup as plain words: tags ({b} too) out without a trace, entities read, whitespace one space. */
function plainWords(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/\{[^}]*\}/g, '')
    .replace(/&(amp|lt|gt|nbsp|lrm|rlm);/g, (_entity, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

const VOICE_TAG = /<v(?:\.[^\s>]*)?\s+([^>]+)>/g;

/**
 * A cue's words as plain text, each voice's speaker kept as "Name: " (<v Mari>Tere → Mari: Tere)
 * and where it is (`voices`, for writing the voice tags back); other tags (<i>, <c.yellow>,
 * <00:00:05.000>, {b}) out without a trace, entities read, whitespace one space.
 */
export function cueWords(raw: string): { text: string; voices: Voice[] } {
  const voices: Voice[] = [];
  let text = '';
  const add = (markup: string, speaker: string) => {
    const words = plainWords(markup);
    const part = speaker === '' ? words : words === '' ? `${speaker}:` : `${speaker}: ${words}`;
    if (part === '') return;
    if (text !== '') text += ' ';
    if (speaker !== '') voices.push({ speaker, at: text.length });
    text += part;
  };
  let from = 0;
  let speaker = '';
  for (const tag of raw.matchAll(VOICE_TAG)) {
    add(raw.slice(from, tag.index), speaker);
    speaker = plainWords(tag[1] ?? '');
    from = tag.index + tag[0].length;
  }
  add(raw.slice(from), speaker);
  return { text, voices };
}

/** A parsed cue's words, with its voices when it has any. */
function wordsOf(raw: string): Pick<Cue, 'text' | 'voices'> {
  const { text, voices } = cueWords(raw);
  return voices.length > 0 ? { text, voices } : { text };
}

function lineOfNul(input: string): number | null {
  const at = input.indexOf('\0');
  return at < 0 ? null : input.slice(0, at).split(/\r\n|\r|\n/).length;
}

function checkCues(cues: ParsedCue[], durationSeconds: number | null): CaptionParse {
  const problems: CaptionProblem[] = [];
  if (cues.length === 0)
    problems.push({ line: 1, code: 'noCues', message: 'The file holds no cues' });
  if (cues.length > MAX_CUES) {
    problems.push({
      line: 1,
      code: 'tooMany',
      message: `The file holds more than ${MAX_CUES} cues`,
    });
  }
  for (const cue of cues) {
    if (cue.startMs > MAX_MS) {
      problems.push({
        line: cue.line,
        code: 'tooLate',
        message: 'A cue may not start later than 24 hours',
      });
    } else if (cue.endMs <= cue.startMs) {
      problems.push({
        line: cue.line,
        code: 'endBeforeStart',
        message: 'The cue ends before it starts',
      });
    }
    if (cue.text.length > MAX_CUE_CHARS) {
      problems.push({
        line: cue.line,
        code: 'tooLong',
        message: `A cue may hold at most ${MAX_CUE_CHARS} characters`,
      });
    }
  }
  const late =
    durationSeconds === null
      ? undefined
      : cues.find((cue) => cue.startMs > durationSeconds * 1000 + PAST_END_TOLERANCE_MS);
  if (late && durationSeconds !== null) {
    const at = formatOffset(Math.floor(late.startMs / 1000));
    const duration = formatOffset(durationSeconds);
    problems.push({
      line: late.line,
      code: 'pastEnd',
      message: `The cue starts at ${at}, after the recording's end (${duration})`,
      params: { at, duration },
    });
  }
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  return {
    ok: true,
    cues: cues
      .filter((cue) => cue.text !== '')
      .map(({ line: _line, ...cue }) => cue)
      .sort((a, b) => a.startMs - b.startMs),
  };
}

/** Settings a browser ignores when it does not know them: never a reason to refuse a file. */
const SETTING_PROBLEM = /alignment|position|size|setting|direction/i;

/**
 * Which of the parser's complaints refuse the file. Browsers play what they can: a bare &,
 * an unknown tag, a setting they do not know. But a timing line that does not read drops its
 * cue, and a file that is no WebVTT holds none: those are refused, naming the line.
 */
function vttProblem(
  error: { message: string; line: number },
  lines: string[],
): CaptionProblem | null {
  if (error.message.startsWith('No valid signature')) {
    return { line: 1, code: 'signature', message: error.message };
  }
  if (error.message.startsWith('End timestamp is not greater')) {
    return { line: error.line, code: 'endBeforeStart', message: error.message };
  }
  const onTimingLine = (lines[error.line - 1] ?? '').includes('-->');
  if (
    (onTimingLine && !SETTING_PROBLEM.test(error.message)) ||
    error.message.startsWith('Cue identifier needs to be followed by timestamp')
  ) {
    return { line: error.line, code: 'timing', message: error.message };
  }
  return null;
}

function parseVtt(input: string, durationSeconds: number | null): CaptionParse {
  const { cues, errors } = new webvtt.WebVTTParser().parse(input);
  const lines = input.split(/\r\n|\r|\n/);
  const problems = errors
    .map((error) => vttProblem(error, lines))
    .filter((problem): problem is CaptionProblem => problem !== null);
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  // The parser gives no line per cue; find each cue's timing line in order for later checks.
  let next = 0;
  const located = cues.map((cue) => {
    while (next < lines.length && !(lines[next] ?? '').includes('-->')) next++;
    const line = ++next;
    return {
      startMs: Math.round(cue.startTime * 1000),
      endMs: Math.round(cue.endTime * 1000),
      ...wordsOf(cue.text),
      line,
    };
  });
  return checkCues(located, durationSeconds);
}

function parseSrt(input: string, durationSeconds: number | null): CaptionParse {
  const lines = input.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  const cues: ParsedCue[] = [];
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
        ...wordsOf(caption.text ?? caption.content ?? ''),
        line: start + 2,
      });
    } else {
      problems.push({
        line: start + 1,
        code: 'srtBlock',
        message: 'Expected a cue: its number, then "00:00:01,000 --> 00:00:04,000", then its text',
      });
    }
    start = end;
  }
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  return checkCues(cues, durationSeconds);
}

/**
 * SubRip sent as WebVTT (a .srt renamed .vtt, which browsers refuse but people do): no WEBVTT
 * first, and the first timing line has a comma before its milliseconds.
 */
function looksLikeSrt(input: string): boolean {
  const text = input.replace(/^\ufeff/, '');
  if (/^WEBVTT/.test(text)) return false;
  return /^\s*\d+\s*\r?\n\s*\d{1,2}:\d{2}:\d{2},\d{1,3}\s*-->/.test(text);
}

/**
 * The cues of a WebVTT or SubRip file, or its problems, each with the line it is on (from 1);
 * with the recording's duration, cues starting after its end are refused too.
 */
export function parseCaptions(
  input: string,
  format: CaptionFormat,
  durationSeconds: number | null = null,
): CaptionParse {
  const nulLine = lineOfNul(input);
  if (nulLine !== null) {
    return {
      ok: false,
      problems: [{ line: nulLine, code: 'nul', message: 'The file holds a NUL character' }],
    };
  }
  return format === 'vtt' && !looksLikeSrt(input)
    ? parseVtt(input, durationSeconds)
    : parseSrt(input, durationSeconds);
}
