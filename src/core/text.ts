/**
 * Text PostgreSQL cannot store: the NUL character (text and jsonb both
 * refuse it) and UTF-16 halves without their partner (lone surrogates, which
 * no UTF-8 can encode and jsonb refuses). Every boundary refuses such text
 * and names the field: the shared schemas through `storableText`, the server's
 * JSON and query readers through `unstorablePaths` over the whole input.
 */
import { z } from 'zod/mini';

/** NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one. */
const UNSTORABLE_RE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** The message of the schema check, and the reason code the server answers with. */
export const UNSTORABLE_TEXT = 'unsupported_text';

export function isStorableText(s: string): boolean {
  return !UNSTORABLE_RE.test(s);
}

/** A zod/mini check for any string schema: `z.string().check(storableText)`. */
export const storableText = z.refine<string>(isStorableText, { message: UNSTORABLE_TEXT });

/** Writes a path the way issue paths are written: events.0.request.description. */
function join(path: string, key: string | number): string {
  return path === '' ? String(key) : `${path}.${key}`;
}

/**
 * Every path in a parsed JSON value whose key or string value cannot be
 * stored, at most `limit` of them (the first are enough to name the problem).
 */
export function unstorablePaths(value: unknown, path = '', limit = 20): string[] {
  const out: string[] = [];
  const walk = (v: unknown, at: string): void => {
    if (out.length >= limit) return;
    if (typeof v === 'string') {
      if (!isStorableText(v)) out.push(at === '' ? '(root)' : at);
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, join(at, i)));
    } else if (typeof v === 'object' && v !== null) {
      for (const [k, item] of Object.entries(v)) {
        // A bad key is named by what can be shown of it; its value is not looked at twice.
        if (!isStorableText(k)) out.push(join(at, k.replace(UNSTORABLE_RE_GLOBAL, '\uFFFD')));
        else walk(item, join(at, k));
      }
    }
  };
  walk(value, path);
  return out;
}

const UNSTORABLE_RE_GLOBAL = new RegExp(UNSTORABLE_RE.source, 'g');
