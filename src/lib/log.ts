export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;
export type Log = Record<LogLevel, (message: string, fields?: LogFields) => void>;

const order: Record<LogLevel | 'silent', number> = {
  debug: 0,
  info: 1,
  warn: 2,
  error: 3,
  silent: 4,
};

/** One JSON object per line. Never pass personal data, passwords or tokens in fields. */
export function createLog(
  minimum: LogLevel | 'silent' = 'info',
  write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
): Log {
  const at =
    (level: LogLevel) =>
    (message: string, fields: LogFields = {}) => {
      if (order[level] < order[minimum]) return;
      write(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Keeps entries in memory: for tests that check what was (not) logged. */
export function memoryLog(): Log & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(
    createLog('debug', (line) => lines.push(line)),
    { lines },
  );
}
