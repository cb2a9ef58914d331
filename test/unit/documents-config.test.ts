import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '@/config';
import { contentDisposition, parseRange, sanitizeFilename } from '@/documents/rules';

describe('file store settings', () => {
  it('default to a directory under DATA_DIR and 25 MB', () => {
    const config = parseConfig({ DATA_DIR: '/srv/koda/' });
    expect(config.files).toEqual({ driver: 'local', dir: '/srv/koda/files', s3: null });
    expect(config.maxUploadBytes).toBe(26_214_400);
  });

  it('need S3_BUCKET with FILES_DRIVER=s3, and both keys or neither', () => {
    expect(() => parseConfig({ FILES_DRIVER: 's3' })).toThrow(
      new ConfigError('Invalid setting S3_BUCKET: required when FILES_DRIVER=s3'),
    );
    expect(() =>
      parseConfig({ FILES_DRIVER: 's3', S3_BUCKET: 'koda', S3_ACCESS_KEY_ID: 'x' }),
    ).toThrow(/S3_SECRET_ACCESS_KEY/);
    expect(() => parseConfig({ MAX_UPLOAD_BYTES: 'lots' })).toThrow(/MAX_UPLOAD_BYTES/);
    const config = parseConfig({
      FILES_DRIVER: 's3',
      S3_BUCKET: 'koda',
      S3_ENDPOINT: 'https://s3.example.ee',
      S3_REGION: 'auto',
    });
    expect(config.files.s3).toMatchObject({ bucket: 'koda', region: 'auto' });
  });
});

describe('file names and headers', () => {
  it('keep Estonian letters, drop what a file system or header cannot hold', () => {
    expect(sanitizeFilename('../../etc/Šokolaadi\u0000 "kava"?.exe', 'pdf')).toBe(
      'Šokolaadi kava.pdf',
    );
    expect(sanitizeFilename('', 'txt')).toBe('fail.txt');
    expect(sanitizeFilename('...', 'csv')).toBe('fail.csv');
    expect(contentDisposition('attachment', 'Õpetus ja žürii.pdf')).toBe(
      `attachment; filename="Opetus ja zurii.pdf"; filename*=UTF-8''%C3%95petus%20ja%20%C5%BE%C3%BCrii.pdf`,
    );
  });

  it('answer one byte range and leave the rest whole', () => {
    expect(parseRange('bytes=0-9', 100)).toEqual({ kind: 'partial', start: 0, end: 9 });
    expect(parseRange('bytes=90-200', 100)).toEqual({ kind: 'partial', start: 90, end: 99 });
    expect(parseRange('bytes=-5', 100)).toEqual({ kind: 'partial', start: 95, end: 99 });
    expect(parseRange('bytes=0-1,5-6', 100)).toEqual({ kind: 'full' });
    expect(parseRange('items=0-1', 100)).toEqual({ kind: 'full' });
    expect(parseRange('bytes=100-', 100)).toEqual({ kind: 'unsatisfiable' });
  });
});
