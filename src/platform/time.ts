import { DateTime } from 'luxon';
import type { Lang } from '@/platform/i18n';

export const DEFAULT_TIMEZONE = 'Europe/Tallinn';

export function isValidTimezone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}

/** ISO 8601 with the offset of the given zone, e.g. 2014-10-02T16:00:00+03:00. */
export function toZonedIso(date: Date, zone: string): string {
  return (
    DateTime.fromJSDate(date).setZone(zone).toISO({ suppressMilliseconds: true }) ??
    date.toISOString()
  );
}

/**
 * Reads an ISO 8601 date-time; one without an offset is wall-clock time in `zone`.
 * Returns null when it is not a valid time (including a wall-clock time skipped by DST).
 */
export function parseZonedIso(input: string, zone: string): Date | null {
  const hasOffset = /(Z|[+-]\d{2}(:?\d{2})?)$/i.test(input.trim());
  const parsed = hasOffset
    ? DateTime.fromISO(input.trim(), { setZone: true })
    : DateTime.fromISO(input.trim(), { zone });
  if (!parsed.isValid) return null;
  if (!hasOffset) {
    // Luxon moves a time in the spring-forward gap; refuse it instead of silently shifting it.
    const wall = DateTime.fromISO(input.trim());
    if (wall.isValid && (parsed.hour !== wall.hour || parsed.minute !== wall.minute)) return null;
  }
  return parsed.toJSDate();
}

const locales: Record<Lang, string> = { et: 'et-EE', en: 'en-GB' };

export function inZone(date: Date, zone: string, lang: Lang): DateTime {
  return DateTime.fromJSDate(date).setZone(zone).setLocale(locales[lang]);
}

/** "neljapäev, 2. oktoober 2014" / "Thursday, 2 October 2014". */
export function formatLongDate(date: Date, zone: string, lang: Lang): string {
  return inZone(date, zone, lang).toLocaleString({
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}

/** "2. okt 2014" / "2 Oct 2014". */
export function formatShortDate(date: Date, zone: string, lang: Lang): string {
  return inZone(date, zone, lang).toLocaleString({
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}

export function formatTime(date: Date, zone: string, lang: Lang): string {
  return inZone(date, zone, lang).toLocaleString({
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
}

/** "neljapäev, 2. oktoober 2014, 16:00–19:00" with the end date when it differs. */
export function formatRange(start: Date, end: Date, zone: string, lang: Lang): string {
  const from = inZone(start, zone, lang);
  const to = inZone(end, zone, lang);
  const startText = `${formatLongDate(start, zone, lang)}, ${formatTime(start, zone, lang)}`;
  if (from.hasSame(to, 'day')) return `${startText}–${formatTime(end, zone, lang)}`;
  return `${startText} – ${formatLongDate(end, zone, lang)}, ${formatTime(end, zone, lang)}`;
}

/** "42:10" or "1:02:05": a position in a recording. */
export function formatOffset(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}
