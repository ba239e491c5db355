/**
 * Checks a request's answers against its service definition. One function for
 * the device (before a submit becomes an outbox event) and the server (before
 * it stores one), so both say the same thing. Errors are field paths plus
 * codes a UI translates; nothing here throws on bad input.
 */
import type { z } from 'zod/mini';
import type { Service } from './catalog';
import { checkAnswer, isBlankAnswer } from './answers';
import { requestFieldsSchema, type AttributeAnswer, type RequestFields } from './request';

export { MAX_STRING_ANSWER, MAX_TEXT_ANSWER, coerceAnswer, isBlankAnswer } from './answers';

export const ERROR_CODES = [
  'required',
  'not_a_number',
  'not_in_list',
  'too_long',
  'invalid_datetime',
  'invalid_email',
  'invalid_phone',
  'location_required',
  'too_many',
  'unknown_attribute',
  'invalid',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * `field` is a path such as 'attributes.lamp_type', 'description', 'location',
 * 'contact.email', 'photos', 'service_code'; 'request' means the whole input.
 */
export interface FieldError {
  field: string;
  code: ErrorCode;
  params?: Record<string, string | number>;
}
export type ValidationResult = { ok: true; value: RequestFields } | { ok: false; errors: FieldError[] };

type Issue = z.core.$ZodIssue;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function dropBlank(rec: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(rec).filter(([, v]) => !isBlankAnswer(v)));
}

/** Blank built-in fields count as left out too, so an empty e-mail box is not an invalid e-mail. */
function prune(raw: unknown): unknown {
  if (!isRecord(raw)) return raw;
  const out = dropBlank(raw);
  for (const key of ['attributes', 'contact', 'location']) {
    const v = raw[key];
    if (isRecord(v)) out[key] = dropBlank(v);
  }
  return out;
}

/**
 * A form begun on an older version (`version` below the service's) keeps answers to
 * questions removed since, as given (the server turns them into description lines), and is
 * not asked questions made required after it.
 */
function checkAttributes(service: Service, attrs: Record<string, unknown>, version = Infinity) {
  const errors: FieldError[] = [];
  const answers: Record<string, AttributeAnswer> = {};
  const removed: string[] = [];
  const known = new Set(service.attributes.map((a) => a.code));
  for (const code of Object.keys(attrs))
    if (known.has(code)) continue;
    else if (version < (service.version ?? 1)) removed.push(code);
    else errors.push({ field: `attributes.${code}`, code: 'unknown_attribute' });
  for (const a of service.attributes) {
    const field = `attributes.${a.code}`;
    // hasOwn: a code such as 'constructor' must not find Object.prototype's.
    if (!Object.hasOwn(attrs, a.code)) {
      if (a.variable && a.required && version >= (a.required_since ?? 1))
        errors.push({ field, code: 'required' });
    } else if (!a.variable) {
      // Display-only text has nothing to answer; an answer means a confused client.
      errors.push({ field, code: 'invalid' });
    } else {
      const r = checkAnswer(a, attrs[a.code]);
      if ('value' in r) answers[a.code] = r.value;
      else errors.push({ field, ...r });
    }
  }
  return { errors, answers, removed };
}

/** Attributes and contact are keyed one level down; everything else by its top-level name. */
function fieldOf(path: readonly PropertyKey[]): string {
  const [head, second] = path;
  if (head === undefined) return 'request';
  if ((head === 'attributes' || head === 'contact') && second !== undefined)
    return `${String(head)}.${String(second)}`;
  return String(head);
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v = raw;
  for (const key of path)
    v = isRecord(v) || Array.isArray(v) ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

function fromIssue(issue: Issue, raw: unknown): FieldError[] {
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((k) => ({ field: fieldOf([...issue.path, k]), code: 'invalid' }));
  const field = fieldOf(issue.path);
  const missing = issue.code !== 'custom' && valueAt(raw, issue.path) === undefined;
  if (field === 'location')
    return [
      {
        field,
        code:
          issue.code === 'custom' || valueAt(raw, ['location']) === undefined
            ? 'location_required'
            : 'invalid',
      },
    ];
  if (missing) return [{ field, code: 'required' }];
  if (issue.code === 'too_big' && (issue.origin === 'string' || issue.origin === 'array'))
    return [
      {
        field,
        code: issue.origin === 'string' ? 'too_long' : 'too_many',
        params: { max: Number(issue.maximum) },
      },
    ];
  if (field === 'contact.email') return [{ field, code: 'invalid_email' }];
  if (field === 'contact.phone') return [{ field, code: 'invalid_phone' }];
  return [{ field, code: 'invalid' }];
}

/** Validates `fields` for `service`; on success the value has blank answers removed and text answers trimmed. */
export function validateRequest(service: Service, fields: unknown): ValidationResult {
  const raw = prune(fields);
  const parsed = requestFieldsSchema.safeParse(raw);
  const version =
    isRecord(raw) && typeof raw['service_version'] === 'number' ? raw['service_version'] : undefined;
  const attrs =
    isRecord(raw) && isRecord(raw['attributes'])
      ? checkAttributes(service, raw['attributes'], version)
      : undefined;
  const errors: FieldError[] = attrs ? [...attrs.errors] : [];
  // The per-attribute checks say more than the generic answer schema, so they win on the same field.
  const seen = new Set(errors.map((e) => e.field));
  for (const e of parsed.success ? [] : parsed.error.issues.flatMap((i) => fromIssue(i, raw))) {
    const key = `${e.field} ${e.code}`;
    if (seen.has(e.field) || seen.has(key)) continue;
    seen.add(key);
    errors.push(e);
  }
  const code = isRecord(raw) ? raw['service_code'] : undefined;
  if (typeof code === 'string' && code !== service.service_code)
    errors.push({ field: 'service_code', code: 'invalid', params: { expected: service.service_code } });
  if (!parsed.success || !attrs || errors.length > 0)
    return { ok: false, errors: errors.length > 0 ? errors : [{ field: 'request', code: 'invalid' }] };
  const attributes: Record<string, AttributeAnswer> = {};
  for (const code of attrs.removed) {
    const answer = parsed.data.attributes[code];
    if (answer !== undefined) attributes[code] = answer;
  }
  return { ok: true, value: { ...parsed.data, attributes: { ...attributes, ...attrs.answers } } };
}
