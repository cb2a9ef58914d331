import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '@/messages';
import { createTestContext, type TestContext } from '../helpers/app';
import { apiRequest, created } from '../helpers/api';
import { bearerFor, sessionFor } from '../helpers/auth';
import { visibleText } from '../helpers/form-language';

/**
 * The audit log shows what changed: for an update, the changed fields before → after in the
 * reader's language (values shortened), never the whole record; creations and deletions as one
 * line each.
 */

let ctx: TestContext;
let admin: string;
let keilaApi: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  admin = await sessionFor(ctx, { role: 'admin' });
  keilaApi = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
});
afterAll(() => ctx.close());

describe.each(['et', 'en'] as const)('the audit log, in %s', (lang) => {
  const t = translator(lang);

  it('an update lists the changed fields before → after; a creation and a deletion are one line', async () => {
    const plan = await created(
      await apiRequest(
        ctx,
        'POST',
        '/municipalities/keila/plans',
        { title: `Logi ${lang}`, periodStart: '2027-01-01', periodEnd: '2027-12-31' },
        keilaApi,
      ),
    );
    const long = `Pikk kirjeldus ${'väga '.repeat(60)}lõpp`;
    const item = await created(
      await apiRequest(
        ctx,
        'POST',
        `/plans/${plan.id}/items`,
        { title: 'Pingid parki', description: 'Lühike' },
        keilaApi,
      ),
    );
    const patched = await apiRequest(
      ctx,
      'PATCH',
      `/plan-items/${item.id}`,
      { title: 'Pingid ja prügikastid parki', description: long },
      keilaApi,
    );
    expect(patched.status, await patched.clone().text()).toBe(200);
    const gone = await created(
      await apiRequest(ctx, 'POST', `/plans/${plan.id}/items`, { title: 'Ajutine' }, keilaApi),
    );
    expect(
      (await apiRequest(ctx, 'DELETE', `/plan-items/${gone.id}`, undefined, keilaApi)).status,
    ).toBe(204);
    const res = await ctx.app.request(`/admin/audit?entity=action_item&lang=${lang}`, {
      headers: { cookie: admin },
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = visibleText(html);
    expect(text).toContain(`${t('audit.field.title')}: Pingid parki → Pingid ja prügikastid parki`);
    expect(text).toContain(`${t('audit.field.description')}: Lühike → Pikk kirjeldus`);
    expect(text).not.toContain('lõpp');
    expect(text).toContain(t('audit.created', { what: 'Pingid parki' }));
    expect(text).toContain(t('audit.deleted', { what: 'Ajutine' }));
    expect(text).toContain(t('audit.verb.update'));
    // Not whole records: no JSON, no fields that did not change.
    expect(html).not.toMatch(/&quot;title&quot;|"title":/);
    expect(html).not.toContain('<pre>');
    expect(text).not.toContain(`${t('audit.field.progress')}:`);
    const other = translator(lang === 'et' ? 'en' : 'et');
    expect(text).not.toContain(other('audit.verb.update'));
    expect(text).not.toContain(other('audit.field.title') + ':');
  });
});
