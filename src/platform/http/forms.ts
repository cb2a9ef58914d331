import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '@/platform/deps';
import { HttpError, notFound } from './errors';

/** What the admin pages' HTML forms read: web forms only (JSON belongs to /api). */
export type Form = Record<string, string | File | (string | File)[]>;

export async function readForm(c: Context<AppEnv>): Promise<Form> {
  const type = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) {
    throw new HttpError('unsupported_media_type', 'Send the form as a web form');
  }
  return (await c.req.parseBody({ all: true })) as Form;
}

/** One text field (the first if sent twice); files and absent fields are ''. */
export function text(form: Form, name: string): string {
  const value = form[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

export function texts(form: Form, name: string): string[] {
  const value = form[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((item): item is string => typeof item === 'string' && item !== '');
}

export const idParam = z.coerce.number().int().positive().max(2_147_483_647);

/** The `:id` of the path, or 404 when it is not a database id. */
export function pathId(c: Context<AppEnv>): number {
  const parsed = idParam.safeParse(c.req.param('id'));
  if (!parsed.success) throw notFound();
  return parsed.data;
}
