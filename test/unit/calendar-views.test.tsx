import { describe, expect, it } from 'vitest';
import { translator } from '@/messages';
import { AddToCalendarLinks, FeedLinks } from '@views/calendar/feed-links';

const ctx = { lang: 'en' as const, t: translator('en'), path: '/', publicUrl: 'https://koda.test' };

describe('calendar views', () => {
  it('offers webcal, the https address to copy, a download and the explanation', async () => {
    const html = String(await FeedLinks({ ctx, feedPath: '/municipalities/keila/calendar.ics' }));
    expect(html).toContain('href="webcal://koda.test/municipalities/keila/calendar.ics"');
    expect(html).toContain('value="https://koda.test/municipalities/keila/calendar.ics"');
    expect(html).toContain('href="/municipalities/keila/calendar.ics"');
    expect(html).toContain('does not update');
  });

  it('offers Google Calendar, Outlook and the .ics for one event', async () => {
    const html = String(
      await AddToCalendarLinks({
        ctx,
        event: {
          slug: 'mottekoda-keilas',
          title: 'Mõttekoda <Keilas>',
          startsAt: new Date('2027-07-15T13:00:00Z'),
          endsAt: new Date('2027-07-15T16:00:00Z'),
          timezone: 'Europe/Tallinn',
        },
      }),
    );
    expect(html).toContain('https://calendar.google.com/calendar/render?action=TEMPLATE');
    expect(html).toContain('https://outlook.live.com/calendar/0/action/compose?');
    expect(html).toContain('href="/events/mottekoda-keilas/calendar.ics"');
    expect(html).not.toContain('<Keilas>');
  });
});
