import { describe, expect, it } from 'vitest';
import { understandQuery } from '@/search/query';

const places = [
  { slug: 'keila', name: 'Keila linn' },
  { slug: 'keila-vald', name: 'Keila vald' },
  { slug: 'jarva-jaani', name: 'Järva-Jaani vald' },
  { slug: 'rouge', name: 'Rõuge vald' },
  { slug: 'tallinn', name: 'Tallinn' },
  { slug: 'parnu', name: 'Pärnu linn' },
  { slug: 'viljandi', name: 'Viljandi linn' },
  { slug: 'jogeva', name: 'Jõgeva vald' },
];

describe('places named in a query', () => {
  it('takes the kind of a place ("linn", "vald") with its name instead of requiring it as a word', () => {
    expect(understandQuery('Keila linn 2014', places)).toEqual({
      terms: [],
      words: [],
      municipality: places[0],
      year: 2014,
    });
    expect(understandQuery('Järva-Jaani vald noored', places)).toMatchObject({
      terms: ['noored'],
      municipality: places[2],
    });
    // The kind tells two places of one name apart, in any interface language.
    expect(understandQuery('Keila vald', places).municipality?.slug).toBe('keila-vald');
    expect(understandQuery('Keila parish', places).municipality?.slug).toBe('keila-vald');
    expect(understandQuery('город Кейла бюджет', places)).toMatchObject({
      terms: ['бюджет'],
      municipality: places[0],
    });
    // A kind word with no place, or of another kind than the place's, stays a word.
    expect(understandQuery('vald eelarve', places)).toMatchObject({
      terms: ['vald', 'eelar'],
      municipality: null,
    });
    expect(understandQuery('Tallinn linn', places)).toMatchObject({
      terms: ['linn'],
      municipality: places[4],
    });
  });

  it('reads place names written in Russian, declined too', () => {
    const slug = (query: string) => understandQuery(query, places).municipality?.slug ?? null;
    expect(slug('Кейла 2014')).toBe('keila');
    expect(slug('бюджет в Кейле')).toBe('keila');
    expect(slug('Таллин')).toBe('tallinn');
    expect(slug('в Таллинне')).toBe('tallinn');
    expect(slug('Рыуге')).toBe('rouge');
    expect(slug('Пярну')).toBe('parnu');
    expect(slug('Вильянди')).toBe('viljandi');
    expect(slug('Ярва-Яани')).toBe('jarva-jaani');
    expect(slug('Йыгева')).toBe('jogeva');
    expect(understandQuery('Кейла 2014 бюджет', places)).toMatchObject({
      terms: ['бюджет'],
      words: ['бюджет'],
      year: 2014,
    });
    // Russian words that only look like a place stay words.
    expect(slug('тарифы')).toBeNull();
    expect(slug('кейлаский проект развития')).toBeNull();
  });
});
