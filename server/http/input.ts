/**
 * Reading request input through zod: JSON bodies (application/json only, which
 * doubles as a CSRF guard since a cross-site form cannot send it), query
 * strings (unknown parameters refused) and path parameters.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { issueFields } from '../issues';
import { httpError } from './errors';

export function isJson(c: Context): boolean {
  return /^application\/json\s*(;|$)/i.test(c.req.header('Content-Type') ?? '');
}

export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  if (!isJson(c)) throw httpError(415, 'unsupported_media_type', { expected: 'application/json' });
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch {
    throw httpError(400, 'invalid_json');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw httpError(400, 'invalid', { fields: issueFields(parsed.error) });
  return parsed.data;
}

export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw httpError(400, 'invalid_query', { fields: issueFields(parsed.error) });
  return parsed.data;
}
