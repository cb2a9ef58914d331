import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/app';
import { pageAuthorizationCases, sessionFor } from '../helpers/auth';
import { postForm } from '../helpers/session';

let ctx: TestContext;
let rouge: string;
let slug: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  rouge = await sessionFor(ctx, { role: 'organizer', municipalities: ['rouge'] });
  const res = await postForm(
    ctx,
    '/admin/events/new',
    {
      kind: 'think_tank',
      title: 'Rõuge eelvaate mõttekoda',
      summary: 'Kuidas noored kaasa räägivad?',
      hosts: 'rouge',
      startsAt: '2027-02-10T17:00',
      endsAt: '2027-02-10T19:30',
      venueName: 'Rõuge rahvamaja',
      capacity: '25',
      waitlist: 'on',
    },
    { cookie: rouge },
  );
  expect(res.status).toBe(303);
  slug = /\/admin\/events\/([^/?]+)/.exec(res.headers.get('location') ?? '')?.[1] ?? '';
});
afterAll(() => ctx.close());

describe('previewing a draft', () => {
  it('is 404 in public, and the edit page leads to the preview instead', async () => {
    expect((await ctx.app.request(`/events/${slug}`)).status).toBe(404);
    const edit = await (
      await ctx.app.request(`/admin/events/${slug}`, { headers: { cookie: rouge } })
    ).text();
    expect(edit).toContain(`href="/admin/events/${slug}/preview"`);
    expect(edit).not.toContain(`href="/events/${slug}"`);
  });

  it.each(['et', 'en'])(
    'shows the public page marked as a preview, not indexed (%s)',
    async (lang) => {
      const res = await ctx.app.request(`/admin/events/${slug}/preview?lang=${lang}`, {
        headers: { cookie: rouge },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-robots-tag')).toBe('noindex, nofollow');
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      const html = await res.text();
      expect(html).toContain('<meta name="robots" content="noindex, nofollow"/>');
      expect(html).toContain(
        lang === 'et' ? 'Eelvaade: see leht ei ole avalik' : 'Preview: this page is not public',
      );
      // The public page's content: the title, the place, the Register action.
      expect(html).toMatch(/<h1[^>]*>Rõuge eelvaate mõttekoda<\/h1>/);
      expect(html).toContain('Rõuge rahvamaja');
      expect(html).toContain('href="#registration"');
      // The form is there to be seen, but a preview cannot be registered for (it would 404).
      expect(html).toMatch(/<button type="submit" disabled="">/);
      expect(html).toContain(
        lang === 'et' ? 'Eelvaates registreeruda ei saa' : 'You cannot register in a preview',
      );
      // Nothing that would announce it: no structured data, no embed offer.
      expect(html).not.toContain('application/ld+json');
      expect(html).not.toContain('json+oembed');
    },
  );

  it('only for its organizers', async () => {
    for (const { who, cookie, expected } of await pageAuthorizationCases(
      ctx,
      'rouge',
      'tartu',
      [200],
    )) {
      const res = await ctx.app.request(`/admin/events/${slug}/preview`, {
        headers: cookie ? { cookie } : {},
      });
      expect(expected, who).toContain(res.status);
    }
  });
});
