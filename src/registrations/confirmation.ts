/**
 * The confirmation after registering, at its own address: `/events/:slug/registered?as=…`.
 *
 * Post/Redirect/Get: the POST registers and answers 303 here, so a reload or Back shows the
 * confirmation again and never registers twice. The address carries only what the page needs
 * to say (a seat, online, or a place on the waitlist) and never the manage token: the token
 * is a key to the person's data, and this address ends up in browser history, in shared
 * screenshots and in links people send each other. The manage link goes to the registered
 * address by email only, where the person keeps it.
 *
 * An address that was already registered gets the same redirect as any other sender would
 * see; what differs is told by email to the address's owner.
 */
import type { Attendance } from './rules';

export type ConfirmationKind = 'seat' | 'online' | 'waitlist';
export type Confirmation = { as?: ConfirmationKind; position?: number };

/** The highest waitlist place the address may carry (a larger one is ignored). */
const MAX_POSITION = 100_000;

/** What the result of registering puts on the confirmation. */
export function confirmationOf(
  result: { status: 'confirmed' | 'waitlisted'; waitlistPosition?: number },
  attendance: Attendance,
): Confirmation {
  if (result.status === 'waitlisted') return { as: 'waitlist', position: result.waitlistPosition };
  return { as: attendance === 'online' ? 'online' : 'seat' };
}

/** The confirmation's address for an event. */
export function confirmationPath(slug: string, confirmation: Confirmation = {}): string {
  const query = new URLSearchParams();
  if (confirmation.as) query.set('as', confirmation.as);
  if (confirmation.as === 'waitlist' && confirmation.position) {
    query.set('position', String(confirmation.position));
  }
  const search = query.toString();
  return `/events/${encodeURIComponent(slug)}/registered${search ? `?${search}` : ''}`;
}

/** Reads the confirmation's query; anything else (a typed or cut address) is left out. */
export function readConfirmation(
  as: string | undefined,
  position: string | undefined,
): Confirmation {
  if (as !== 'seat' && as !== 'online' && as !== 'waitlist') return {};
  if (as !== 'waitlist') return { as };
  const n = /^[1-9][0-9]{0,5}$/.test(position ?? '') ? Number(position) : undefined;
  return n !== undefined && n <= MAX_POSITION ? { as, position: n } : { as };
}
