import { expect } from 'vitest';
import type { TestContext } from './app';

/** A created resource as the API answers it. */
export type Json = Record<string, unknown> & { id: number };

/** A request to /api/v1: a JSON body when one is given, and the Authorization header when given. */
export function apiRequest(
  ctx: TestContext,
  method: string,
  path: string,
  body?: unknown,
  authorization?: string,
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (authorization) headers.authorization = authorization;
  return Promise.resolve(
    ctx.app.request(`/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
}

/** Expects 201 (showing the answer when it is not) and returns the created resource. */
export async function created(res: Response): Promise<Json> {
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Json;
}
