import { describe, expect, it } from 'vitest';
import { eventStatuses, isPublicEvent, publicEventStatuses } from '@/events/reads';

describe('the public-visibility rule', () => {
  it('shows published and cancelled events and never a draft', () => {
    expect(isPublicEvent({ status: 'draft' })).toBe(false);
    expect(isPublicEvent({ status: 'published' })).toBe(true);
    expect(isPublicEvent({ status: 'cancelled' })).toBe(true);
  });

  it('names the public statuses from the schema enum, in the same terms as the check', () => {
    expect(publicEventStatuses).toEqual(['published', 'cancelled']);
    for (const status of eventStatuses) {
      expect(isPublicEvent({ status })).toBe(
        (publicEventStatuses as readonly string[]).includes(status),
      );
    }
  });
});
