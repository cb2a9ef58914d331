import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomUtils, parseDocument } from 'htmlparser2';
import { ConfigError, parseConfig } from '@/config';
import { createTestContext, type TestContext } from '../helpers/app';
import { visibleText } from '../helpers/form-language';

/** /privacy names the deployment's controller, a contact and the legal basis (review item 5). */

let set: TestContext;
let unset: TestContext;

beforeAll(async () => {
  set = await createTestContext({
    config: {
      PRIVACY_CONTROLLER: 'Keila Vallavalitsus',
      PRIVACY_CONTACT: 'andmekaitse@keila.example',
    },
  });
  unset = await createTestContext();
});
afterAll(async () => {
  await set.close();
  await unset.close();
});

const page = async (ctx: TestContext, lang: string) => {
  const response = await ctx.app.request(`/privacy?lang=${lang}`);
  expect(response.status).toBe(200);
  return response.text();
};

/** The contact link's href on the page, or null. */
function contactHref(html: string): string | null {
  const block = DomUtils.findOne(
    (el) => el.attribs.class === 'privacy-controller',
    parseDocument(html).children,
  );
  const link = block ? DomUtils.findOne((el) => el.name === 'a', block.children) : null;
  return link?.attribs.href ?? null;
}

describe('the privacy page', () => {
  it('names the controller, links the contact and says the legal basis in et, en and ru', async () => {
    const expected = {
      et: [
        'Isikuandmete vastutav töötleja on Keila Vallavalitsus.',
        'nõusoleku alusel',
        'avalikes huvides',
        'Andmekaitse Inspektsioonile',
      ],
      en: [
        'The controller of personal data is Keila Vallavalitsus.',
        'on the basis of your consent',
        'in the public interest',
        'lodge a complaint',
      ],
      ru: [
        'Ответственный обработчик персональных данных — Keila Vallavalitsus.',
        'на основании вашего согласия',
        'в общественных интересах',
        'подать жалобу',
      ],
    };
    for (const [lang, phrases] of Object.entries(expected)) {
      const html = await page(set, lang);
      const text = visibleText(html);
      for (const phrase of phrases) expect(text, lang).toContain(phrase);
      expect(contactHref(html)).toBe('mailto:andmekaitse@keila.example');
      expect(text).not.toContain('PRIVACY_CONTROLLER');
    }
  });

  it('an https contact is linked as a page', async () => {
    const ctx = await createTestContext({
      config: {
        PRIVACY_CONTROLLER: 'Rõuge Vallavalitsus',
        PRIVACY_CONTACT: 'https://rouge.example/andmekaitse',
      },
    });
    try {
      expect(contactHref(await page(ctx, 'et'))).toBe('https://rouge.example/andmekaitse');
    } finally {
      await ctx.close();
    }
  });

  it('a deployment without the settings says plainly that it is a demo, in each language', async () => {
    const expected = {
      et: 'See on näidispaigaldus: vastutavat töötlejat ei ole nimetatud',
      en: 'This is a demo installation: no data controller is named',
      ru: 'Это демонстрационная установка: ответственный обработчик данных не указан',
    };
    for (const [lang, phrase] of Object.entries(expected)) {
      const html = await page(unset, lang);
      expect(visibleText(html)).toContain(phrase);
      expect(contactHref(html)).toBeNull();
    }
  });

  it('bad settings stop the start with a message naming them', () => {
    expect(() => parseConfig({ PRIVACY_CONTACT: 'not a contact' })).toThrow(
      new ConfigError('Invalid setting PRIVACY_CONTACT: an email address or an http(s) URL'),
    );
    expect(() => parseConfig({ PRIVACY_CONTACT: 'javascript:alert(1)' })).toThrow(ConfigError);
    expect(() => parseConfig({ PRIVACY_CONTROLLER: 'Keila\nVald' })).toThrow(
      /Invalid setting PRIVACY_CONTROLLER/,
    );
  });
});
