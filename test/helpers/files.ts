import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { openFileStore } from '@/platform/files/open';
import type { FileStore } from '@/platform/files/store';
import { ORIGIN } from './session';
import type { TestContext } from './app';

/**
 * A real S3-compatible server (s3rver, in this process) on a free port, in a directory of its
 * own, with one bucket, and a store that talks to it over HTTP like any S3 client.
 */
export async function startS3(): Promise<{ store: FileStore; close(): Promise<void> }> {
  const directory = await mkdtemp(join(tmpdir(), 'koda-s3rver-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: 'koda-test', configs: [] }],
  });
  const address = (await server.run()) as AddressInfo;
  // Through openFileStore, as the server opens it (the S3 SDK loaded on first use).
  const store = openFileStore({
    files: {
      driver: 's3',
      dir: directory,
      s3: {
        bucket: 'koda-test',
        endpoint: `http://127.0.0.1:${address.port}`,
        region: 'us-east-1',
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
      },
    },
  });
  return {
    store,
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** A small PDF whose one page says `lines` (Latin-1 letters: õ, ä, ö, ü, š, ž are fine). */
export async function pdfSaying(...lines: string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  lines.forEach((line, index) => {
    page.drawText(line, { x: 50, y: 780 - index * 20, size: 12, font });
  });
  return pdf.save();
}

export type UploadParts = {
  file?: { bytes: Uint8Array | string; name: string; type?: string };
  fields?: Record<string, string>;
};

/** A multipart/form-data request body (the browser's and curl's `-F` form). */
export function multipart(parts: UploadParts): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(parts.fields ?? {})) form.append(name, value);
  if (parts.file) {
    const bytes =
      typeof parts.file.bytes === 'string'
        ? new TextEncoder().encode(parts.file.bytes)
        : parts.file.bytes;
    form.append(
      'file',
      new Blob([bytes as Uint8Array<ArrayBuffer>], {
        type: parts.file.type ?? 'application/octet-stream',
      }),
      parts.file.name,
    );
  }
  return form;
}

/** POSTs an upload to the API (with a bearer token) or to an organizer page (with a cookie). */
export function postUpload(
  ctx: TestContext,
  path: string,
  parts: UploadParts,
  credentials: { authorization?: string; cookie?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = { origin: ORIGIN };
  if (credentials.authorization) headers.authorization = credentials.authorization;
  if (credentials.cookie) headers.cookie = credentials.cookie;
  return Promise.resolve(
    ctx.app.request(path, { method: 'POST', headers, body: multipart(parts) }),
  );
}
