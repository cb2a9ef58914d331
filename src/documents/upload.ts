import busboy from 'busboy';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import type { FileStore } from '@/platform/files/store';
import { HttpError } from '@/platform/http/errors';
import { formatSize } from '@/platform/i18n/size';
import { decideType, sanitizeFilename, SNIFF_BYTES } from './rules';

export type StoredUpload = {
  key: string;
  filename: string;
  contentType: string;
  size: number;
};

export type ReceivedUpload = { fields: Record<string, string>; file: StoredUpload | null };

/** What a multipart body may hold besides the file: a few short fields. */
const MAX_FIELDS = 20;
const MAX_FIELD_BYTES = 16 * 1024;
/** Room for the multipart boundaries and the other fields around the file. */
const ENVELOPE_BYTES = MAX_FIELDS * MAX_FIELD_BYTES;

export function tooLarge(maxBytes: number): HttpError {
  return new HttpError(
    'payload_too_large',
    `The file is larger than ${maxBytes} bytes`,
    [{ path: 'file', message: `The file is larger than ${maxBytes} bytes` }],
    { key: 'documents.error.tooLarge', params: { max: formatSize(maxBytes, 'et') } },
  );
}

export function refusedType(): HttpError {
  return new HttpError(
    'unsupported_media_type',
    'Only PDF, OpenDocument and Office Open XML documents, images, plain text and CSV files are kept',
    [{ path: 'file', message: 'This kind of file is not kept' }],
    { key: 'documents.error.type' },
  );
}

/**
 * Reads a `multipart/form-data` body as it arrives: its short fields, and its one part named
 * `file` streamed into the store under `key` (never held whole: at most the first 64 KiB, which
 * decide its type). Over `maxBytes` → 413 and a type Koda does not keep → 415, both as soon as
 * they are known: the rest of the body is not read and nothing stays in the store.
 */
export async function receiveUpload(
  request: Request,
  options: { store: FileStore; maxBytes: number; key: string },
): Promise<ReceivedUpload> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    throw new HttpError('unsupported_media_type', 'Send the body as multipart/form-data');
  }
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > options.maxBytes + ENVELOPE_BYTES) {
    throw tooLarge(options.maxBytes);
  }
  if (!request.body) throw new HttpError('bad_request', 'The body is empty');
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': type },
      // File names are UTF-8 (busboy's default is Latin-1: `Mõttekoda` would come out mangled).
      defParamCharset: 'utf8',
      limits: {
        files: 1,
        fields: MAX_FIELDS,
        fieldSize: MAX_FIELD_BYTES,
        fileSize: options.maxBytes,
        parts: MAX_FIELDS + 1,
      },
    });
  } catch {
    throw new HttpError('bad_request', 'The multipart body has no boundary');
  }
  const source = Readable.fromWeb(request.body as NodeWebStream<Uint8Array>);

  return new Promise<ReceivedUpload>((resolve, reject) => {
    const fields: Record<string, string> = {};
    let stored: Promise<StoredUpload> | null = null;
    let file: Readable | null = null;
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      source.unpipe(parser);
      source.destroy();
      // A put still reading the file fails too, and leaves nothing in the store.
      file?.destroy(new Error('upload refused'));
      // The answer waits until the store holds nothing of it: a failed put leaves nothing, a
      // finished one is deleted.
      const refusal =
        error instanceof HttpError
          ? error
          : new HttpError('bad_request', 'The multipart body is malformed');
      (stored ?? Promise.reject(new Error('no file')))
        .then(
          (file) => options.store.delete(file.key),
          () => undefined,
        )
        .finally(() => reject(refusal));
    };

    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) fail(invalidField(name));
      else fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || stored) {
        stream.resume();
        return;
      }
      file = stream;
      stream.on('limit', () => fail(tooLarge(options.maxBytes)));
      stored = storeStream(stream, info.filename ?? '', options);
      stored.catch(fail);
    });
    parser.on('partsLimit', () =>
      fail(new HttpError('bad_request', 'The body has too many parts')),
    );
    parser.on('fieldsLimit', () =>
      fail(new HttpError('bad_request', 'The body has too many fields')),
    );
    parser.on('error', fail);
    parser.on('close', () => {
      if (settled) return;
      const finished = stored ?? Promise.resolve(null);
      finished.then((file) => {
        if (settled) return;
        settled = true;
        resolve({ fields, file });
      }, fail);
    });
    source.on('error', fail);
    source.pipe(parser);
  });
}

function invalidField(name: string): HttpError {
  return new HttpError('invalid_fields', 'A field is too long', [
    {
      path: name,
      message: `At most ${MAX_FIELD_BYTES} bytes`,
      localized: { key: 'validation.tooLong', params: { limit: MAX_FIELD_BYTES } },
    },
  ]);
}

/** Decides the file's type from its first bytes, then streams it all into the store. */
async function storeStream(
  stream: Readable,
  clientName: string,
  options: { store: FileStore; key: string },
): Promise<StoredUpload> {
  const reader = (Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>).getReader();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let ended = false;
  while (headBytes < SNIFF_BYTES) {
    const { done, value } = await reader.read();
    if (done) {
      ended = true;
      break;
    }
    head.push(value);
    headBytes += value.byteLength;
  }
  const sample = concat(head);
  // Loaded with the first upload, not when the server starts (issue 22).
  const { fileTypeFromBuffer } = await import('file-type/core');
  const detected = await fileTypeFromBuffer(sample);
  const accepted = decideType(sample, detected?.mime, clientName, ended);
  if (!accepted) {
    await reader.cancel();
    throw refusedType();
  }
  let pendingHead: Uint8Array | null = sample;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (pendingHead) {
        if (pendingHead.byteLength > 0) controller.enqueue(pendingHead);
        pendingHead = null;
        if (ended) controller.close();
        return;
      }
      const { done, value } = await reader.read();
      if (done) {
        // busboy ends a file cut at the size limit as if it were whole: not stored.
        if ((stream as Readable & { truncated?: boolean }).truncated) {
          controller.error(new Error('over the size limit'));
        } else controller.close();
      } else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  const { size } = await options.store.put(options.key, body, accepted.contentType);
  return {
    key: options.key,
    filename: sanitizeFilename(clientName, accepted.extension),
    contentType: accepted.contentType,
    size,
  };
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return all;
}
