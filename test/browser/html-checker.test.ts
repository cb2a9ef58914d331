import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/app';
import { sessionFor } from '../helpers/auth';
import { checkHtml, javaProblem } from '../helpers/browser';
import { seedPageTypes, type PageType } from './page-types';

let ctx: TestContext;
let pageTypes: PageType[];
let cookie: string;

beforeAll(async () => {
  // Without Java the checker cannot run: one line says what to install, before any work.
  const missing = javaProblem();
  if (missing) throw new Error(missing);
  ctx = await createTestContext();
  pageTypes = await seedPageTypes(ctx);
  cookie = await sessionFor(ctx, { role: 'admin' });
});
afterAll(async () => {
  await ctx?.close();
});

describe('the Nu HTML checker', () => {
  it('finds no error on any page type, in Estonian and English', async () => {
    const documents: { name: string; html: string }[] = [];
    for (const lang of ['et', 'en'] as const) {
      for (const type of pageTypes) {
        const path = `${type.path}${type.path.includes('?') ? '&' : '?'}lang=${lang}`;
        const response = await ctx.app.request(path, {
          headers: type.admin ? { cookie } : {},
        });
        expect(response.status, path).toBe(200);
        documents.push({ name: `${type.name} (${lang})`, html: await response.text() });
      }
    }
    const errors = checkHtml(documents).map(
      (problem) =>
        `${problem.file}, line ${problem.line}: ${problem.message} [${problem.extract ?? ''}]`,
    );
    expect(errors).toEqual([]);
  }, 300_000);

  it('is able to fail: it reports an error in a broken page', () => {
    const problems = checkHtml([
      {
        name: 'broken',
        html: '<!DOCTYPE html><html lang="et"><head><title>x</title></head><body><main><main></main></main><a href="a b">x</a></body></html>',
      },
    ]);
    expect(problems.map((problem) => problem.file)).toContain('broken');
    expect(problems.length).toBeGreaterThanOrEqual(1);
  }, 120_000);
});
