import { z } from 'zod';

/**
 * Text that must stay on one line (titles, names, labels, places, speakers) and what every
 * writer of a line-based format can rely on. Input is normalised at the boundary with
 * `singleLine()`; writers still escape what they write (a row may have come by another path).
 */

/** Line breaks of every kind (CRLF, CR, LF, VT, FF, NEL, LS, PS) and tabs, with the spaces around them. */
const BREAKS = /[ \t]*[\t\n\v\f\r\u0085\u2028\u2029]+[ \t\n\v\f\r\u0085\u2028\u2029]*/g;
/** The other control characters: C0 but TAB and the breaks above, DEL, C1. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;

/**
 * A surrogate without its pair: no character at all (JSON may carry one, Postgres refuses to store
 * it); it becomes U+FFFD, the replacement character, as a browser shows it.
 */
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with each lone surrogate as U+FFFD: storable by Postgres, also inside JSON. */
export function wellFormedText(value: string): string {
  return value.replace(LONE_SURROGATES, '\uFFFD');
}

/** One line: every run of line breaks or tabs becomes one space; other control characters go. */
export function singleLineText(value: string): string {
  return wellFormedText(value.replace(CONTROLS, '')).replace(BREAKS, ' ');
}

/** Several lines: every kind of line break becomes LF; other control characters but TAB go. */
export function multiLineText(value: string): string {
  return wellFormedText(value.replace(CONTROLS, '')).replace(
    /\r\n|[\r\v\f\u0085\u2028\u2029]/g,
    '\n',
  );
}

/**
 * A single-line text field: line breaks and tabs become a space, other control characters are
 * dropped, and the ends are trimmed, before `min`/`max` are checked (chain them on). A pasted
 * line break in a title is an accident, not a reason to refuse the form.
 */
export function singleLine() {
  return z.string().overwrite(singleLineText).trim();
}
