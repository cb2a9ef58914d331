/** Seconds to wait before attempt `attempts + 1`: 30 s, 1 min, 2 min, … capped at 6 h. */
export function retryDelaySeconds(attempts: number): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(30 * 2 ** exponent, 6 * 60 * 60);
}

/** After this many failed attempts a message is marked failed and left for an admin to see. */
export const MAX_ATTEMPTS = 8;

/** A message claimed longer ago than this was interrupted mid-send (the process died). */
export const SENDING_LEASE_SECONDS = 10 * 60;
