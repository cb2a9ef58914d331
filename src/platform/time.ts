import { DateTime } from 'luxon';
import { locales, type Lang } from '@/platform/i18n';

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

/** A time of day as the language writes it: "16.00" / "16:00" (see formatClock). */
export function formatTime(date: Date, zone: string, lang: Lang): string {
  return formatClock(date, zone, lang);
}

/**
 * When something takes place, as people say it (see formatWhen): "neljapäeval, 2. oktoobril
 * 2014 kell 16.00–19.00" / "Thursday 2 October 2014, 16:00–19:00".
 */
export function formatRange(start: Date, end: Date, zone: string, lang: Lang): string {
  return formatWhen(start, end, zone, lang);
}

/** "42:10" or "1:02:05": a position in a recording (under an hour m:ss, else h:mm:ss). */
export function formatOffset(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

// ----- dates and times as people say them ------------------------------------------------------
//
// Estonian names a day "on which" something happens in the adessive case ("teisipäeval,
// 15. detsembril kell 16.00") and writes times with a point; Russian says "во вторник,
// 15 декабря 2026 г. в 16:00" (the weekday after в/во in the accusative, the month in the
// genitive, "г." after the year); English reads "Tuesday 15 December 2026 at 16:00". These
// helpers are the one place such phrases are built; the words are language data, like the
// catalogues.

const ET_WEEKDAY_ON = [
  'esmaspäeval',
  'teisipäeval',
  'kolmapäeval',
  'neljapäeval',
  'reedel',
  'laupäeval',
  'pühapäeval',
];
const ET_MONTH_ON = [
  'jaanuaril',
  'veebruaril',
  'märtsil',
  'aprillil',
  'mail',
  'juunil',
  'juulil',
  'augustil',
  'septembril',
  'oktoobril',
  'novembril',
  'detsembril',
];

const RU_WEEKDAY_ON = [
  'в понедельник',
  'во вторник',
  'в среду',
  'в четверг',
  'в пятницу',
  'в субботу',
  'в воскресенье',
];
const RU_MONTH_OF = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];

export type DateOptions = {
  /** Name the weekday too ("teisipäeval, …" / "Tuesday …"); default true. */
  weekday?: boolean;
  /** Leave the year out when the date falls in the same year as this moment. */
  now?: Date;
};

function showYear(day: DateTime, now: Date | undefined): boolean {
  return !now || DateTime.fromJSDate(now).setZone(day.zone).year !== day.year;
}

/** "16.00" / "16:00": a time of day on the clock. */
export function formatClock(date: Date, zone: string, lang: Lang): string {
  const local = inZone(date, zone, lang);
  return local.toFormat(lang === 'et' ? 'HH.mm' : 'HH:mm');
}

/**
 * The day something happens on: "teisipäeval, 15. detsembril 2026" / "во вторник, 15 декабря
 * 2026 г." / "Tuesday 15 December 2026"; without the weekday "15. detsembril 2026" /
 * "15 декабря 2026 г." / "15 December 2026"; the year left out when `now` is in the same year.
 */
export function formatDay(date: Date, zone: string, lang: Lang, options: DateOptions = {}): string {
  const day = inZone(date, zone, lang);
  const year = showYear(day, options.now) ? ` ${day.year}` : '';
  const weekday = options.weekday ?? true;
  if (lang === 'et') {
    const text = `${day.day}. ${ET_MONTH_ON[day.month - 1]}${year}`;
    return weekday ? `${ET_WEEKDAY_ON[day.weekday - 1]}, ${text}` : text;
  }
  if (lang === 'ru') {
    const text = `${day.day} ${RU_MONTH_OF[day.month - 1]}${year ? `${year} г.` : ''}`;
    return weekday ? `${RU_WEEKDAY_ON[day.weekday - 1]}, ${text}` : text;
  }
  const text = `${day.day} ${day.toFormat('MMMM')}${year}`;
  return weekday ? `${day.toFormat('cccc')} ${text}` : text;
}

/**
 * "teisipäeval, 15. detsembril 2026 kell 16.00" / "во вторник, 15 декабря 2026 г. в 16:00" /
 * "Tuesday 15 December 2026 at 16:00".
 */
export function formatDayTime(
  date: Date,
  zone: string,
  lang: Lang,
  options: DateOptions = {},
): string {
  const at = { et: 'kell', ru: 'в', en: 'at' }[lang];
  return `${formatDay(date, zone, lang, options)} ${at} ${formatClock(date, zone, lang)}`;
}

/**
 * When an event or an item takes place: "teisipäeval, 15. detsembril 2026 kell 16.00–19.00" /
 * "Tuesday 15 December 2026, 16:00–19:00"; over several days "15. detsembril kell 16.00 –
 * 16. detsembril 2026 kell 12.00" / "Tuesday 15 December, 16:00 – Wednesday 16 December
 * 2026, 12:00".
 */
export function formatWhen(
  start: Date,
  end: Date,
  zone: string,
  lang: Lang,
  options: DateOptions = {},
): string {
  const from = inZone(start, zone, lang);
  const to = inZone(end, zone, lang);
  const clock = (date: Date) => formatClock(date, zone, lang);
  if (from.hasSame(to, 'day')) {
    const day = formatDay(start, zone, lang, options);
    return lang === 'et'
      ? `${day} kell ${clock(start)}–${clock(end)}`
      : `${day}, ${clock(start)}–${clock(end)}`;
  }
  // The start's year is written only when it differs from the end's (or `now`'s).
  const startOptions = from.hasSame(to, 'year') ? { ...options, now: end } : options;
  const first = formatDay(start, zone, lang, startOptions);
  const last = formatDay(end, zone, lang, options);
  return lang === 'et'
    ? `${first} kell ${clock(start)} – ${last} kell ${clock(end)}`
    : `${first}, ${clock(start)} – ${last}, ${clock(end)}`;
}

/**
 * A calendar date on its own (a badge, a list): "15. detsember 2026" / "15 декабря 2026 г." /
 * "15 December 2026".
 */
export function formatDate(date: Date, zone: string, lang: Lang): string {
  const day = inZone(date, zone, lang);
  if (lang === 'ru') return `${day.day} ${RU_MONTH_OF[day.month - 1]} ${day.year} г.`;
  return lang === 'et'
    ? `${day.day}. ${day.toFormat('LLLL')} ${day.year}`
    : `${day.day} ${day.toFormat('LLLL')} ${day.year}`;
}

/** The parts of a date badge: day of the month, short month, year ("15", "dets", "2026"). */
export function dateBadgeParts(
  date: Date,
  zone: string,
  lang: Lang,
): { day: string; month: string; year: string; weekday: string } {
  const local = inZone(date, zone, lang);
  return {
    day: String(local.day),
    month: local.toFormat('LLL').replace(/\.$/, ''),
    year: String(local.year),
    weekday: local.toFormat('ccc').replace(/\.$/, ''),
  };
}

/**
 * A zone as residents say it: "Eesti aeg" / "эстонское время" / "Estonian time" for
 * Europe/Tallinn, otherwise the zone's city ("Helsinki aeg" / "время Helsinki" /
 * "Helsinki time"); UTC as "UTC".
 */
export function zoneLabel(zone: string, lang: Lang): string {
  if (zone === DEFAULT_TIMEZONE) {
    return { et: 'Eesti aeg', ru: 'эстонское время', en: 'Estonian time' }[lang];
  }
  if (/^(Etc\/)?(UTC|GMT|Z|Zulu|Universal)$/i.test(zone)) return 'UTC';
  const city = (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
  return { et: `${city} aeg`, ru: `время ${city}`, en: `${city} time` }[lang];
}

/** Zones' names as they are now (in 1970 Riga kept Moscow time). */
const ZONE_NAMES_AT = new Date('2026-01-01T00:00:00Z');

/**
 * A zone as a choice in a list: the default as residents say it ("Eesti aeg"), any other as its
 * city and the time's name in the reader's language ("Helsinki (Ida-Euroopa aeg)").
 */
export function zoneChoiceLabel(zone: string, lang: Lang): string {
  if (zone === DEFAULT_TIMEZONE || /^(Etc\/)?(UTC|GMT|Z|Zulu|Universal)$/i.test(zone)) {
    return zoneLabel(zone, lang);
  }
  const city = (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
  if (!isValidTimezone(zone)) return city;
  const name = new Intl.DateTimeFormat(locales[lang], {
    timeZone: zone,
    timeZoneName: 'longGeneric',
  })
    .formatToParts(ZONE_NAMES_AT)
    .find((part) => part.type === 'timeZoneName')?.value;
  return name ? `${city} (${name})` : city;
}

const DURATION_WORDS: Record<
  Lang,
  {
    hour: Partial<Record<Intl.LDMLPluralRule, string>>;
    minute: typeof DURATION_WORDS.et.hour;
    less: string;
  }
> = {
  et: {
    hour: { one: 'tund', other: 'tundi' },
    minute: { one: 'minut', other: 'minutit' },
    less: 'alla minuti',
  },
  ru: {
    hour: { one: 'час', few: 'часа', many: 'часов', other: 'часа' },
    minute: { one: 'минута', few: 'минуты', many: 'минут', other: 'минуты' },
    less: 'меньше минуты',
  },
  en: {
    hour: { one: 'hour', other: 'hours' },
    minute: { one: 'minute', other: 'minutes' },
    less: 'under a minute',
  },
};

/**
 * "3 tundi 30 minutit" / "3 часа 30 минут" / "3 hours 30 minutes"; under a minute "alla minuti"
 * / "меньше минуты" / "under a minute".
 */
export function formatDuration(seconds: number, lang: Lang): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const words = DURATION_WORDS[lang];
  const plural = new Intl.PluralRules(locales[lang]);
  const part = (n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>>) =>
    `${formatNumber(n, lang)} ${forms[plural.select(n)] ?? forms.other}`;
  const parts = [
    ...(hours > 0 ? [part(hours, words.hour)] : []),
    ...(minutes > 0 ? [part(minutes, words.minute)] : []),
  ];
  return parts.length > 0 ? parts.join(' ') : words.less;
}

/** A number as the language writes it: "1 234,5" / "1,234.5". */
export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(locales[lang]).format(value);
}

/**
 * A language's own name in the page's language, as "in …": "eesti keeles" / "на эстонском" /
 * "in Estonian".
 */
export function inLanguage(code: string, lang: Lang): string {
  const name = new Intl.DisplayNames([locales[lang]], { type: 'language' }).of(code) ?? code;
  if (lang === 'ru') {
    // "эстонский" → "на эстонском": the adjective in the prepositional case.
    return `на ${name.replace(/(ий|ый|ой)$/, 'ом')}`;
  }
  return lang === 'et' ? `${name} keeles` : `in ${name}`;
}
