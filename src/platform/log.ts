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

let pendingLines = '';
let flushedAtExit = false;

function flushLines(): void {
  const text = pendingLines;
  pendingLines = '';
  if (text !== '') process.stdout.write(text);
}

/**
 * Standard output, written once per turn of the event loop: a burst of requests (every answer
 * from memory logs its line too) costs one write, not one per line (issue 22). What is still
 * pending when the process exits is written then (stdout to a file or a pipe is written
 * synchronously by Node on Linux).
 */
function toStdout(line: string): void {
  if (pendingLines === '') {
    setImmediate(flushLines);
    if (!flushedAtExit) {
      flushedAtExit = true;
      process.on('exit', flushLines);
    }
  }
  pendingLines += line + '\n';
}

/** One JSON object per line. Never pass personal data, passwords or tokens in fields. */
export function createLog(
  minimum: LogLevel | 'silent' = 'info',
  write: (line: string) => void = toStdout,
): Log {
  const at =
    (level: LogLevel) =>
    (message: string, fields: LogFields = {}) => {
      if (order[level] < order[minimum]) return;
      write(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/**
 * A start-up line (where Koda runs, the demo's login) in the log's own format, written whatever
 * LOG_LEVEL says: what a newcomer reads first is one format, and scripts that wait for it find it.
 */
export function startupLine(message: string): string {
  return JSON.stringify({ time: new Date().toISOString(), level: 'info', message });
}

/** A log whose every line also carries `bound` (e.g. the request id), before its own fields. */
export function withFields(log: Log, bound: LogFields): Log {
  const at =
    (level: LogLevel) =>
    (message: string, fields: LogFields = {}) =>
      log[level](message, { ...bound, ...fields });
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

/** Path segments that are secrets: manage links, personal feeds, password-reset links. */
const secretInPath = /(\/(?:registrations|feeds|password-reset)\/)[A-Za-z0-9_-]{16,}/g;

/** A request path fit for a log line: tokens in it are replaced by `…`. */
export function loggablePath(path: string): string {
  return path.replace(secretInPath, '$1…');
}

function sqlState(error: Error): string | undefined {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/**
 * What a log line may say about an error. A failed query's message carries its parameters
 * (names, addresses, tokens), so database errors are described by their class, SQLSTATE and the
 * query text alone; other errors keep their message and stack.
 */
export function loggableError(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: 'non-error thrown' };
  const query = (error as { query?: unknown }).query;
  const code = sqlState(error);
  if (typeof query === 'string' || code !== undefined) {
    return {
      error: error.name,
      ...(code !== undefined ? { code } : {}),
      ...(typeof query === 'string' ? { query } : {}),
    };
  }
  return { error: error.message, stack: error.stack };
}
