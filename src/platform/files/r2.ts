import { assertSafeKey, type FileStore, type StoredObjectInfo } from './store';

/** The parts of a Workers R2 binding (R2Bucket) Koda uses. */
export type R2Binding = {
  put(
    key: string,
    value: Uint8Array,
    options?: { httpMetadata?: { contentType?: string } },
  ): Promise<unknown>;
  get(
    key: string,
    options?: { range?: { offset: number; length: number } },
  ): Promise<{ body: ReadableStream<Uint8Array>; size: number; range?: unknown } | null>;
  head(key: string): Promise<{ size: number } | null>;
  delete(key: string): Promise<void>;
  list(options: { prefix: string; cursor?: string }): Promise<{
    objects: { key: string; size: number; uploaded: Date }[];
    truncated: boolean;
    cursor?: string;
  }>;
  createMultipartUpload(
    key: string,
    options?: { httpMetadata?: { contentType?: string } },
  ): Promise<{
    uploadPart(
      partNumber: number,
      value: Uint8Array,
    ): Promise<{ partNumber: number; etag: string }>;
    complete(parts: { partNumber: number; etag: string }[]): Promise<unknown>;
    abort(): Promise<void>;
  }>;
};

/** R2's smallest part but the last. */
const PART_BYTES = 5 * 1024 * 1024;

/**
 * A Workers R2 binding. R2 wants a body of known length, and an upload's length is known only
 * at its end: the stream is cut into 5 MiB parts of a multipart upload (one put when smaller),
 * so at most one part is in memory.
 */
export function r2FileStore(bucket: R2Binding): FileStore {
  return {
    async put(key, body, contentType) {
      assertSafeKey(key);
      const httpMetadata = { contentType };
      const reader = body.getReader();
      let buffered: Uint8Array[] = [];
      let bufferedBytes = 0;
      let size = 0;
      const take = () => {
        const part = new Uint8Array(bufferedBytes);
        let at = 0;
        for (const chunk of buffered) {
          part.set(chunk, at);
          at += chunk.byteLength;
        }
        buffered = [];
        bufferedBytes = 0;
        return part;
      };
      let upload: Awaited<ReturnType<R2Binding['createMultipartUpload']>> | undefined;
      const parts: { partNumber: number; etag: string }[] = [];
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (value) {
            buffered.push(value);
            bufferedBytes += value.byteLength;
            size += value.byteLength;
          }
          if (bufferedBytes >= PART_BYTES || (done && upload && bufferedBytes > 0)) {
            upload ??= await bucket.createMultipartUpload(key, { httpMetadata });
            parts.push(await upload.uploadPart(parts.length + 1, take()));
          }
          if (done) break;
        }
        if (upload) await upload.complete(parts);
        else await bucket.put(key, take(), { httpMetadata });
      } catch (error) {
        await upload?.abort();
        throw error;
      }
      return { size };
    },
    async get(key, range) {
      assertSafeKey(key);
      const object = await bucket.get(
        key,
        range ? { range: { offset: range.start, length: range.end - range.start + 1 } } : undefined,
      );
      if (!object) return null;
      return { body: object.body, size: range ? range.end - range.start + 1 : object.size };
    },
    async head(key) {
      assertSafeKey(key);
      const object = await bucket.head(key);
      return object ? { size: object.size } : null;
    },
    async delete(key) {
      assertSafeKey(key);
      await bucket.delete(key);
    },
    async *list(prefix): AsyncIterable<StoredObjectInfo> {
      let cursor: string | undefined;
      do {
        const page = await bucket.list({ prefix, cursor });
        for (const object of page.objects) {
          yield { key: object.key, size: object.size, lastModified: object.uploaded };
        }
        cursor = page.truncated ? page.cursor : undefined;
      } while (cursor);
    },
  };
}
