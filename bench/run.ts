import { benchCalendar } from './calendar';

/** `npm run bench`: prints the calendar feed timings next to their targets (docs/calendar.md). */
const result = await benchCalendar(1_000);
const row = (label: string, ms: number, target?: number) =>
  `${label.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms${
    target === undefined ? '' : `   (target ≤ ${target} ms${ms <= target ? ', ok' : ', MISSED'})`
  }`;
console.log(
  `Calendar feed: ${result.events} events, ${(result.bytes / 1024).toFixed(0)} kB, PGlite\n` +
    [
      row('cold feed (nothing cached)', result.coldMs, 400),
      row('rebuild after one event changed', result.oneChangeMs, 50),
      row('repeat request (every VEVENT from cache)', result.repeatMs),
      row('conditional request answered 304', result.notModifiedMs),
    ].join('\n'),
);
