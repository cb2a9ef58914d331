import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { localizeIssue } from '@/platform/http/validation';

const keyOf = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a problem');
  return localizeIssue(result.error.issues[0]!).key;
};

describe('localizeIssue', () => {
  it('tells a missing field from a field of the wrong kind', () => {
    const schema = z.object({ title: z.string(), tags: z.array(z.string()) });
    expect(keyOf(schema, { tags: [] })).toBe('validation.required');
    expect(keyOf(schema, { title: ['sent', 'twice'], tags: [] })).toBe('validation.invalid');
    expect(keyOf(schema, { title: 42, tags: [] })).toBe('validation.invalid');
  });

  it('names lengths, formats and choices without a validator’s text', () => {
    expect(keyOf(z.string().min(1), '')).toBe('validation.required');
    expect(keyOf(z.string().min(12), 'short')).toBe('validation.tooShort');
    expect(keyOf(z.string().max(3), 'long text')).toBe('validation.tooLong');
    expect(keyOf(z.email(), 'nope')).toBe('validation.email');
    expect(keyOf(z.enum(['in_person', 'online']), 'x')).toBe('validation.choice');
    expect(keyOf(z.number().int(), 1.5)).toBe('validation.wholeNumber');
  });

  it('asks for a number where a query or form sent words', () => {
    expect(keyOf(z.coerce.number().int(), 'abc')).toBe('validation.number');
    expect(keyOf(z.object({ limit: z.coerce.number() }), { limit: 'ten' })).toBe(
      'validation.number',
    );
    expect(keyOf(z.object({ limit: z.number() }), { limit: '10' })).toBe('validation.number');
    expect(keyOf(z.object({ limit: z.number() }), {})).toBe('validation.required');
  });

  it('uses the key a schema gives its own rule', () => {
    const schema = z.string().refine((v) => v === 'yes', { params: { key: 'form.errorSummary' } });
    expect(keyOf(schema, 'no')).toBe('form.errorSummary');
  });
});
