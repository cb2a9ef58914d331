import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { DateTime } from 'luxon';

const MINUTE = 60_000;
const WEEK = 7 * 24 * 60 * MINUTE;
const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

type Transition = { at: number; from: number; to: number; dst: boolean; name: string };

function offsetAt(zone: string, ms: number): number {
  return DateTime.fromMillis(ms, { zone }).offset;
}

/**
 * Every change of the zone's UTC offset in [from, to), found week by week, then to the minute
 * (a zone that changes twice within one week, as Morocco around Ramadan, loses that pair).
 */
function transitions(zone: string, from: number, to: number): Transition[] {
  const found: Transition[] = [];
  let before = offsetAt(zone, from);
  for (let week = from; week < to; week += WEEK) {
    const after = offsetAt(zone, week + WEEK);
    if (after === before) continue;
    let low = week;
    let high = week + WEEK;
    while (high - low > MINUTE) {
      const middle = low + Math.floor((high - low) / MINUTE / 2) * MINUTE;
      if (offsetAt(zone, middle) === before) low = middle;
      else high = middle;
    }
    const moment = DateTime.fromMillis(high, { zone });
    found.push({
      at: high,
      from: before,
      to: after,
      dst: moment.isInDST,
      name: moment.offsetNameShort ?? '',
    });
    before = after;
  }
  return found;
}

const offsetText = (minutes: number) => {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
};

/** The wall-clock time at which a transition happens, in the offset it leaves. */
const localOnset = (t: Transition) => DateTime.fromMillis(t.at + t.from * MINUTE, { zone: 'utc' });

/** BYDAY for "the nth (or last) weekday of the month" that the onset falls on. */
function byDay(onset: DateTime): string {
  const nth = onset.day > onset.daysInMonth! - 7 ? -1 : Math.ceil(onset.day / 7);
  return `${nth}${weekdays[onset.weekday - 1]}`;
}

/**
 * A VTIMEZONE for an IANA zone from the time-zone data luxon itself uses (so it always agrees
 * with the local times written under its TZID), for runtimes where @touch4it/ical-timezones
 * cannot read its files (Cloudflare Workers). Yearly patterns become RRULEs; a pattern still in
 * force at the end of the range continues without UNTIL.
 */
export function vtimezoneFromLuxon(zone: string, fromYear = 2010, toYear = 2040): string | null {
  if (!DateTime.now().setZone(zone).isValid) return null;
  const from = DateTime.fromObject({ year: fromYear }, { zone: 'utc' }).toMillis();
  const to = DateTime.fromObject({ year: toYear + 1 }, { zone: 'utc' }).toMillis();
  const changes = transitions(zone, from, to);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`, `X-LIC-LOCATION:${zone}`];
  const component = (
    kind: string,
    offsetFrom: number,
    offsetTo: number,
    name: string,
    start: DateTime,
    rule?: string,
  ) => {
    lines.push(
      `BEGIN:${kind}`,
      `TZOFFSETFROM:${offsetText(offsetFrom)}`,
      `TZOFFSETTO:${offsetText(offsetTo)}`,
    );
    if (name) lines.push(`TZNAME:${name}`);
    lines.push(`DTSTART:${start.toFormat("yyyyLLdd'T'HHmmss")}`);
    if (rule) lines.push(`RRULE:${rule}`);
    lines.push(`END:${kind}`);
  };
  const initial = offsetAt(zone, from);
  const initialMoment = DateTime.fromMillis(from, { zone });
  component(
    initialMoment.isInDST ? 'DAYLIGHT' : 'STANDARD',
    initial,
    initial,
    initialMoment.offsetNameShort ?? '',
    DateTime.fromMillis(from + initial * MINUTE, { zone: 'utc' }),
  );

  // Yearly runs: the same kind of change on the same rule (month, nth weekday, wall time) in
  // consecutive years becomes one component with an RRULE.
  type Run = { key: string; first: Transition; last: Transition };
  const key = (t: Transition) => {
    const onset = localOnset(t);
    return [t.dst, t.from, t.to, onset.month, byDay(onset), onset.toFormat('HHmmss')].join('|');
  };
  const runs: Run[] = [];
  const open = new Map<string, Run>();
  for (const change of changes) {
    const run = open.get(key(change));
    if (run && localOnset(run.last).year === localOnset(change).year - 1) {
      run.last = change;
      continue;
    }
    const started: Run = { key: key(change), first: change, last: change };
    open.set(started.key, started);
    runs.push(started);
  }
  for (const { first, last } of runs.sort((a, b) => a.first.at - b.first.at)) {
    const onset = localOnset(first);
    const kind = first.dst ? 'DAYLIGHT' : 'STANDARD';
    if (last === first) {
      component(kind, first.from, first.to, first.name, onset);
      continue;
    }
    const stillInForce = localOnset(last).year === toYear;
    const until = stillInForce
      ? ''
      : `;UNTIL=${DateTime.fromMillis(last.at, { zone: 'utc' }).toFormat("yyyyLLdd'T'HHmmss'Z'")}`;
    const rule = `FREQ=YEARLY;BYMONTH=${onset.month};BYDAY=${byDay(onset)}${until}`;
    component(kind, first.from, first.to, first.name, onset, rule);
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n') + '\r\n';
}

const cache = new Map<string, string | null>();

/**
 * The VTIMEZONE for an IANA zone, CRLF-terminated: @touch4it/ical-timezones' where it can read
 * its files, else one made from luxon's data (Workers); null only for an unknown zone.
 */
export function vtimezone(zone: string): string | null {
  if (!cache.has(zone)) {
    let text: string | null;
    try {
      text = getVtimezoneComponent(zone) ?? null;
    } catch {
      text = null;
    }
    cache.set(
      zone,
      text ? text.replace(/\r?\n/g, '\r\n').trim() + '\r\n' : vtimezoneFromLuxon(zone),
    );
  }
  return cache.get(zone) ?? null;
}
