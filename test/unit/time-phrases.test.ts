import { describe, expect, it } from 'vitest';
import {
  dateBadgeParts,
  formatClock,
  formatDate,
  formatDay,
  formatDayTime,
  formatDuration,
  formatNumber,
  formatWhen,
  inLanguage,
  zoneLabel,
} from '@/platform/time';

const zone = 'Europe/Tallinn';
// Tuesday 15 December 2026, 16:00–19:00 in Tallinn (UTC+2).
const start = new Date('2026-12-15T14:00:00Z');
const end = new Date('2026-12-15T17:00:00Z');
const nextDay = new Date('2026-12-16T10:00:00Z');
const sameYear = new Date('2026-11-26T12:00:00Z');

describe('dates and times as people say them', () => {
  it('names the day in the adessive case in Estonian, with the time after "kell"', () => {
    expect(formatDayTime(start, zone, 'et')).toBe('teisipäeval, 15. detsembril 2026 kell 16.00');
    expect(formatDayTime(start, zone, 'et', { now: sameYear })).toBe(
      'teisipäeval, 15. detsembril kell 16.00',
    );
    expect(formatDay(start, zone, 'et', { weekday: false })).toBe('15. detsembril 2026');
    expect(formatClock(start, zone, 'et')).toBe('16.00');
  });

  it('every weekday and month has its adessive form', () => {
    const days = Array.from(
      { length: 7 },
      (_, i) => formatDay(new Date(Date.UTC(2026, 0, 5 + i, 12)), zone, 'et').split(',')[0],
    );
    expect(days).toEqual([
      'esmaspäeval',
      'teisipäeval',
      'kolmapäeval',
      'neljapäeval',
      'reedel',
      'laupäeval',
      'pühapäeval',
    ]);
    const months = Array.from(
      { length: 12 },
      (_, i) =>
        formatDay(new Date(Date.UTC(2026, i, 10, 12)), zone, 'et', { weekday: false }).split(
          ' ',
        )[1],
    );
    expect(months).toEqual([
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
    ]);
  });

  it('writes the English equivalents', () => {
    expect(formatDayTime(start, zone, 'en')).toBe('Tuesday 15 December 2026 at 16:00');
    expect(formatDay(start, zone, 'en', { weekday: false, now: sameYear })).toBe('15 December');
    expect(formatClock(start, zone, 'en')).toBe('16:00');
  });

  it('writes ranges on one day and over several days, the year once', () => {
    expect(formatWhen(start, end, zone, 'et')).toBe(
      'teisipäeval, 15. detsembril 2026 kell 16.00–19.00',
    );
    expect(formatWhen(start, end, zone, 'en')).toBe('Tuesday 15 December 2026, 16:00–19:00');
    expect(formatWhen(start, nextDay, zone, 'et')).toBe(
      'teisipäeval, 15. detsembril kell 16.00 – kolmapäeval, 16. detsembril 2026 kell 12.00',
    );
    expect(formatWhen(start, nextDay, zone, 'en')).toBe(
      'Tuesday 15 December, 16:00 – Wednesday 16 December 2026, 12:00',
    );
    const newYear = new Date('2027-01-01T10:00:00Z');
    expect(formatWhen(start, newYear, zone, 'en')).toBe(
      'Tuesday 15 December 2026, 16:00 – Friday 1 January 2027, 12:00',
    );
  });

  it('reads the time on the clock of the event’s zone, summer time too', () => {
    const summer = new Date('2027-07-14T13:00:00Z');
    expect(formatDayTime(summer, zone, 'et')).toBe('kolmapäeval, 14. juulil 2027 kell 16.00');
    expect(formatDayTime(summer, 'Europe/London', 'en')).toBe('Wednesday 14 July 2027 at 14:00');
  });

  it('a date on its own is in the nominative, and a badge has its parts', () => {
    expect(formatDate(start, zone, 'et')).toBe('15. detsember 2026');
    expect(formatDate(start, zone, 'en')).toBe('15 December 2026');
    expect(dateBadgeParts(start, zone, 'et')).toMatchObject({ day: '15', month: 'dets' });
    expect(dateBadgeParts(start, zone, 'en')).toMatchObject({ day: '15', month: 'Dec' });
  });

  it('names zones as residents say them, never as IANA ids', () => {
    expect(zoneLabel('Europe/Tallinn', 'et')).toBe('Eesti aeg');
    expect(zoneLabel('Europe/Tallinn', 'en')).toBe('Estonian time');
    expect(zoneLabel('America/New_York', 'en')).toBe('New York time');
    expect(zoneLabel('Europe/Helsinki', 'et')).toBe('Helsinki aeg');
    expect(zoneLabel('UTC', 'et')).toBe('UTC');
  });

  it('writes durations, numbers and languages in words of the page', () => {
    expect(formatDuration(3 * 3600 + 30 * 60, 'et')).toBe('3 tundi 30 minutit');
    expect(formatDuration(3600 + 60, 'en')).toBe('1 hour 1 minute');
    expect(formatDuration(20, 'et')).toBe('alla minuti');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(1234.5, 'et')).toBe('1234,5');
    expect(inLanguage('et', 'et')).toBe('eesti keeles');
    expect(inLanguage('en', 'et')).toBe('inglise keeles');
    expect(inLanguage('et', 'en')).toBe('in Estonian');
  });
  it('writes Russian dates in their grammar: в/во with the weekday, the month in the genitive, г. after the year', () => {
    expect(formatDayTime(start, zone, 'ru')).toBe('во вторник, 15 декабря 2026 г. в 16:00');
    expect(formatDayTime(start, zone, 'ru', { now: sameYear })).toBe(
      'во вторник, 15 декабря в 16:00',
    );
    expect(formatDay(start, zone, 'ru', { weekday: false })).toBe('15 декабря 2026 г.');
    expect(formatWhen(start, end, zone, 'ru')).toBe('во вторник, 15 декабря 2026 г., 16:00–19:00');
    expect(formatWhen(start, nextDay, zone, 'ru')).toBe(
      'во вторник, 15 декабря, 16:00 – в среду, 16 декабря 2026 г., 12:00',
    );
    expect(formatDate(start, zone, 'ru')).toBe('15 декабря 2026 г.');
    expect(dateBadgeParts(start, zone, 'ru')).toMatchObject({ day: '15', month: 'дек' });
    const days = Array.from(
      { length: 7 },
      (_, i) => formatDay(new Date(Date.UTC(2026, 0, 5 + i, 12)), zone, 'ru').split(',')[0],
    );
    expect(days).toEqual([
      'в понедельник',
      'во вторник',
      'в среду',
      'в четверг',
      'в пятницу',
      'в субботу',
      'в воскресенье',
    ]);
    const months = Array.from(
      { length: 12 },
      (_, i) =>
        formatDay(new Date(Date.UTC(2026, i, 10, 12)), zone, 'ru', { weekday: false }).split(
          ' ',
        )[1],
    );
    expect(months).toEqual([
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
    ]);
  });

  it('writes Russian durations with one/few/many, zones and languages', () => {
    expect(formatDuration(3600 + 60, 'ru')).toBe('1 час 1 минута');
    expect(formatDuration(3 * 3600 + 22 * 60, 'ru')).toBe('3 часа 22 минуты');
    expect(formatDuration(5 * 3600 + 11 * 60, 'ru')).toBe('5 часов 11 минут');
    expect(formatDuration(21 * 3600 + 30 * 60, 'ru')).toBe('21 час 30 минут');
    expect(formatDuration(20, 'ru')).toBe('меньше минуты');
    expect(formatDuration(3600 + 60, 'et')).toBe('1 tund 1 minut');
    expect(zoneLabel('Europe/Tallinn', 'ru')).toBe('эстонское время');
    expect(inLanguage('et', 'ru')).toBe('на эстонском');
    expect(inLanguage('en', 'ru')).toBe('на английском');
    expect(inLanguage('ru', 'ru')).toBe('на русском');
  });
});
