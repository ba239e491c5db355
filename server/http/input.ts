/**
 * Reading request input through zod: JSON bodies (application/json only, which
 * doubles as a CSRF guard since a cross-site form cannot send it), query
 * strings (unknown parameters refused) and path parameters. Text PostgreSQL
 * cannot store (NUL, lone surrogates: src/core/text.ts) is refused here for
 * every route, 400 `unsupported_text` naming the fields, before any schema or
 * query sees it.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { unstorablePaths } from '../../src/core/text';
import { issueFields } from '../issues';
import { httpError } from './errors';

export function isJson(c: Context): boolean {
  return /^application\/json\s*(;|$)/i.test(c.req.header('Content-Type') ?? '');
}

/**
 * The parsed JSON body, unchecked: for /api/sync, which judges each event on
 * its own so one bad event cannot refuse the others (sync/parse.ts).
 */
export async function readJsonValue(c: Context): Promise<unknown> {
  if (!isJson(c)) throw httpError(415, 'unsupported_media_type', { expected: 'application/json' });
  const text = await c.req.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw httpError(400, 'invalid_json');
  }
  // The checks after this one walk the value recursively: a 10,000-deep array would overflow the stack (a 500).
  if (deeperThan(value, MAX_JSON_DEPTH)) throw httpError(400, 'invalid_json', { reason: 'too_deep' });
  return value;
}

/** Far deeper than any body the app or a client sends (a sync event is about 6 levels). */
export const MAX_JSON_DEPTH = 32;

/** Whether objects and arrays nest more than `max` levels, found without recursion. */
export function deeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [v, depth] = next;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

function refuseUnstorable(value: unknown): void {
  const fields = unstorablePaths(value);
  if (fields.length > 0) throw httpError(400, 'unsupported_text', { fields });
}

export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const raw = await readJsonValue(c);
  refuseUnstorable(raw);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw httpError(400, 'invalid', { fields: issueFields(parsed.error) });
  return parsed.data;
}

export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const query = c.req.query();
  refuseUnstorable(query);
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw httpError(400, 'invalid_query', { fields: issueFields(parsed.error) });
  return parsed.data;
}
