/**
 * What the event page shows about the stream, from the clock. Pure: no I/O.
 *
 * - more than 15 minutes before the start: when the stream starts (and its link);
 * - from 15 minutes before the start until 15 minutes after the end: the live player;
 * - after that: the recordings, or "recording coming soon" when the event was streamed.
 */

import type { EventStatus } from '@/events';
import { parseHttpUrl } from './providers';

export const LIVE_MARGIN_MS = 15 * 60 * 1000;

export type LiveEvent = {
  startsAt: Date;
  endsAt: Date;
  status: EventStatus;
  onlineUrl: string | null;
};

export type LiveRecording = { id: number; kind: 'live' | 'recording'; sourceUrl: string };

export type LiveState<R extends LiveRecording = LiveRecording> =
  | { phase: 'none' }
  | { phase: 'before'; liveFrom: Date; streamUrl: string | null }
  | { phase: 'live'; streamUrl: string | null; recording: R | null }
  | { phase: 'after'; recordings: R[] }
  | { phase: 'soon' };

/** `recordings` are the event's published recordings in their order. */
export function liveState<R extends LiveRecording>(
  event: LiveEvent,
  recordings: readonly R[],
  now: Date,
): LiveState<R> {
  if (event.status === 'cancelled') return { phase: 'none' };
  const liveStream = recordings.find((recording) => recording.kind === 'live') ?? null;
  // Only an http(s) stream counts: anything else is never linked or played.
  const candidate = liveStream?.sourceUrl ?? event.onlineUrl ?? null;
  const streamUrl = candidate && parseHttpUrl(candidate) ? candidate : null;
  const liveFrom = event.startsAt.getTime() - LIVE_MARGIN_MS;
  const liveUntil = event.endsAt.getTime() + LIVE_MARGIN_MS;
  const at = now.getTime();
  if (at < liveFrom) {
    return streamUrl
      ? { phase: 'before', liveFrom: new Date(liveFrom), streamUrl }
      : { phase: 'none' };
  }
  if (at < liveUntil) {
    if (!streamUrl) return { phase: 'none' };
    return { phase: 'live', streamUrl, recording: liveStream };
  }
  const archived = recordings.filter((recording) => recording.kind === 'recording');
  if (archived.length > 0) return { phase: 'after', recordings: archived };
  return streamUrl ? { phase: 'soon' } : { phase: 'none' };
}
