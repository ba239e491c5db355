/**
 * The form-encoded body of POST requests: plain parameters, and answers
 * keyed `attribute[code]`. A multi-value answer arrives in any of the
 * spellings clients use: the spec's `attribute[code][]=a&attribute[code][]=b`,
 * FixMyStreet's repeated `attribute[code]=a&attribute[code]=b`, PHP-style
 * `attribute[code][0]=a`, or one comma list.
 */
import { badRequest } from './errors';

/** The spec's POST parameters, plus `locale` (the person's language) and FixMyStreet's `deviceid`. */
export const POST_PARAMETERS = [
  'jurisdiction_id',
  'api_key',
  'service_code',
  'lat',
  'long',
  'address_string',
  'address_id',
  'email',
  'device_id',
  'deviceid',
  'account_id',
  'first_name',
  'last_name',
  'phone',
  'description',
  'media_url',
  'locale',
] as const;
export type PostParameter = (typeof POST_PARAMETERS)[number];

/** Parameters a client may repeat; FixMyStreet repeats media_url when it has several photos. */
const REPEATABLE: ReadonlySet<string> = new Set<PostParameter>(['media_url']);
const KNOWN: ReadonlySet<string> = new Set<string>(POST_PARAMETERS);

const ATTRIBUTE_RE = /^attribute\[([^[\]]+)\](?:\[\d*\])?$/;
/** Generous for a 4,000-character description plus answers, small enough to refuse floods. */
export const MAX_FORM_ENTRIES = 200;

export interface PostForm {
  /** The first value of each plain parameter. */
  readonly params: ReadonlyMap<PostParameter, string>;
  readonly mediaUrls: readonly string[];
  /** Every value given for each attribute code, in order. */
  readonly attributes: ReadonlyMap<string, readonly string[]>;
}

/** Throws a 400 naming each unknown or wrongly repeated parameter. */
export function parsePostForm(entries: Iterable<readonly [string, string]>): PostForm {
  const params = new Map<PostParameter, string>();
  const mediaUrls: string[] = [];
  const attributes = new Map<string, string[]>();
  const problems: string[] = [];
  let count = 0;
  for (const [key, value] of entries) {
    if (++count > MAX_FORM_ENTRIES) throw badRequest(`more than ${MAX_FORM_ENTRIES} parameters`);
    // PostgreSQL text cannot hold NUL; refusing it here keeps it from ever reaching a query.
    if (key.includes('\0') || value.includes('\0')) {
      problems.push(`${key.replace(/\0/g, '')} contains a NUL character`);
      continue;
    }
    const attr = ATTRIBUTE_RE.exec(key);
    if (attr) {
      const code = attr[1] ?? '';
      const list = attributes.get(code) ?? [];
      list.push(value);
      attributes.set(code, list);
    } else if (!KNOWN.has(key)) {
      problems.push(`${key} is not a parameter of this method`);
    } else if (key === 'media_url') {
      // Blank media_url is FixMyStreet's way of saying "no photo".
      if (value.trim() !== '') mediaUrls.push(value.trim());
    } else if (params.has(key as PostParameter) && !REPEATABLE.has(key)) {
      problems.push(`${key} was given more than once`);
    } else {
      params.set(key as PostParameter, value);
    }
  }
  if (problems.length > 0) throw badRequest(problems);
  return { params, mediaUrls, attributes };
}

/** A trimmed parameter, or undefined when absent or blank (clients send '' for "not given"). */
export function param(form: PostForm, name: PostParameter): string | undefined {
  const v = form.params.get(name)?.trim();
  return v === undefined || v === '' ? undefined : v;
}
