import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('the favicon, app icons and manifest, served by the app itself', () => {
  it('answers each file with its type, and every page names them', async () => {
    for (const [path, type] of [
      ['/favicon.svg', 'image/svg+xml'],
      ['/favicon.ico', 'image/x-icon'],
      ['/apple-touch-icon.png', 'image/png'],
      ['/icon-192.png', 'image/png'],
      ['/icon-512.png', 'image/png'],
      ['/manifest.webmanifest', 'application/manifest+json'],
    ] as const) {
      const response = await ctx.app.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe(type);
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (path.endsWith('.png')) expect([...bytes.slice(0, 8)], path).toEqual(PNG);
      // An .ico holding one 32×32 PNG: the header, then the PNG at offset 22.
      if (path.endsWith('.ico')) {
        expect([...bytes.slice(0, 6)]).toEqual([0, 0, 1, 0, 1, 0]);
        expect(bytes[6]).toBe(32);
        expect([...bytes.slice(22, 30)]).toEqual(PNG);
      }
    }
    const manifest = await (await ctx.app.request('/manifest.webmanifest')).json();
    expect(manifest.icons.map((icon: { src: string }) => icon.src)).toEqual([
      '/favicon.svg',
      '/icon-192.png',
      '/icon-512.png',
    ]);
    const page = await (await ctx.app.request('/privacy')).text();
    for (const href of [
      '/favicon.ico',
      '/favicon.svg',
      '/apple-touch-icon.png',
      '/manifest.webmanifest',
    ]) {
      expect(page).toContain(`href="${href}"`);
    }
  });
});
