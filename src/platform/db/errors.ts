/**
 * Whether the database refused a statement: an error it answered with a SQLSTATE, which rolls
 * back all the statement's transaction did. Not a lost connection (class 08), a server shutting
 * down (57P) or a driver's own error: after those, a statement sent may have committed.
 */
export function statementRolledBack(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const { code, severity } = current as { code?: unknown; severity?: unknown };
    if (typeof code === 'string' && typeof severity === 'string') {
      return !code.startsWith('08') && !code.startsWith('57P');
    }
  }
  return false;
}
