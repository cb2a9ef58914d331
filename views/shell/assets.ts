import { appIconPng } from './app-icons';
import { faviconSvg } from './icons';
import { formsScript } from './forms-script';
import { appCss } from './styles';

export type ShellAsset = { contentType: string; body: string | Uint8Array<ArrayBuffer> };

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** An .ico holding one PNG image (every browser since 2007 reads PNG inside ICO). */
function icoOf(png: Uint8Array, size: number): Uint8Array<ArrayBuffer> {
  const ico = new Uint8Array(new ArrayBuffer(6 + 16 + png.length));
  const view = new DataView(ico.buffer);
  view.setUint16(2, 1, true); // type: icon
  view.setUint16(4, 1, true); // one image
  ico[6] = size % 256; // width (0 means 256)
  ico[7] = size % 256;
  view.setUint16(10, 1, true); // colour planes
  view.setUint16(12, 32, true); // bits per pixel
  view.setUint32(14, png.length, true);
  view.setUint32(18, 22, true); // offset of the image
  ico.set(png, 22);
  return ico;
}

const manifest = JSON.stringify({
  name: 'Koda',
  short_name: 'Koda',
  start_url: '/',
  display: 'browser',
  background_color: '#f5f6f8',
  theme_color: '#0f2d4f',
  icons: [
    { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
    { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
    { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
  ],
});

/**
 * The files the shell serves itself, same origin (so the CSP's 'self' covers them): the
 * stylesheet, the forms script, the favicon and app icons, the web app manifest.
 */
export const shellAssets: Record<string, ShellAsset> = {
  '/assets/app.css': { contentType: 'text/css; charset=utf-8', body: appCss },
  '/assets/forms.js': { contentType: 'text/javascript; charset=utf-8', body: formsScript },
  '/favicon.svg': { contentType: 'image/svg+xml', body: faviconSvg },
  '/favicon.ico': { contentType: 'image/x-icon', body: icoOf(fromBase64(appIconPng[32]), 32) },
  '/apple-touch-icon.png': { contentType: 'image/png', body: fromBase64(appIconPng[180]) },
  '/icon-192.png': { contentType: 'image/png', body: fromBase64(appIconPng[192]) },
  '/icon-512.png': { contentType: 'image/png', body: fromBase64(appIconPng[512]) },
  '/manifest.webmanifest': { contentType: 'application/manifest+json', body: manifest },
};
