/**
 * A position in a recording (or its length) as an organizer types it: "1:02:03" (h:mm:ss),
 * "42:10" (m:ss) or plain seconds ("95"). Whole seconds, or null when it is none of these. The
 * one reader of every offset field (chapters, an outcome's "said at", a recording's duration);
 * `formatOffset` in ./time writes what it reads (m:ss under an hour, else h:mm:ss).
 */
export function parseOffset(input: string): number | null {
  const text = input.trim();
  if (/^\d{1,7}$/.test(text)) return Number(text);
  const hms = /^(\d{1,4}):([0-5]\d):([0-5]\d)$/.exec(text);
  if (hms) return Number(hms[1]) * 3600 + Number(hms[2]) * 60 + Number(hms[3]);
  const ms = /^(\d{1,5}):([0-5]\d)$/.exec(text);
  if (ms) return Number(ms[1]) * 60 + Number(ms[2]);
  return null;
}
