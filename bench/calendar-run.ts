import { loadavg } from 'node:os';
import { benchCalendar, type Timing } from './calendar';

/**
 * `npm run bench -- --calendar`: prints the in-process calendar feed timings next to their targets (docs/calendar.md).
 * `npm run bench -- --postgres postgres://…` runs it on a scratch database of that server instead
 * of PGlite in memory.
 */
const postgresFlag = process.argv.indexOf('--postgres');
const postgresUrl = postgresFlag >= 0 ? process.argv[postgresFlag + 1] : undefined;
if (postgresFlag >= 0 && !postgresUrl) {
  console.error('--postgres needs a server URL, e.g. postgres://postgres@127.0.0.1:5432/postgres');
  process.exit(2);
}
const result = await benchCalendar(1_000, postgresUrl);
const row = (label: string, timing: Timing, target?: number) =>
  `${label.padEnd(48)} ${timing.ms.toFixed(1).padStart(8)} ms  (cpu ${timing.cpuMs.toFixed(0).padStart(5)} ms)${
    target === undefined ? '' : `   target ≤ ${target} ms: ${timing.ms <= target ? 'ok' : 'MISSED'}`
  }`;
console.log(
  `Calendar feed: ${result.events} events, ${(result.bytes / 1024).toFixed(0)} kB, ${postgresUrl ? 'Postgres' : 'PGlite in memory'}; ` +
    `load average ${loadavg()[0]?.toFixed(1)} (timings grow with it)\n` +
    [
      row('first feed of the process (JIT cold)', result.first),
      row('cold feed (nothing cached), median of 3', result.cold, 400),
      row('after one event changed, median of 5', result.oneChange, 50),
      row('repeat request (from the feed cache), median of 5', result.repeat),
      row('conditional request answered 304, median of 5', result.notModified),
    ].join('\n'),
);
