import { DataDirInUseError } from '@/platform/db/data-dir-lock';
import { DatabaseUnavailableError } from '@/platform/db/types';

/** One line for an operator: no stack trace for the failures we expect at start-up. */
export function describeStartupError(error: unknown): string {
  if (error instanceof DataDirInUseError || error instanceof DatabaseUnavailableError)
    return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE')
    return `The port is already in use (${(error as Error).message}). Set PORT to another port.`;
  if (code === 'EACCES') return `Permission denied: ${(error as Error).message}`;
  return `Koda could not start: ${error instanceof Error ? error.message : String(error)}`;
}
