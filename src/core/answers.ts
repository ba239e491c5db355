/**
 * One answer to one attribute, per Open311 datatype: whether it counts as
 * answered, whether it is acceptable, and how form input (always text) becomes
 * a typed answer. validate.ts applies these to a whole request.
 */
import type { Attribute } from './catalog';
import type { AttributeAnswer } from './request';

/** A one-line answer (a pole number, a stall name); anything longer belongs in a 'text' attribute. */
export const MAX_STRING_ANSWER = 200;
/** Same as the request description. */
export const MAX_TEXT_ANSWER = 4000;

/** ISO 8601 with an offset, or local time as <input type="datetime-local"> gives it. */
const DATETIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?$/;
/** Plain decimal notation only: a comma could be a decimal or a thousands separator, so we do not guess. */
const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export type AnswerErrorCode = 'invalid' | 'too_long' | 'not_a_number' | 'invalid_datetime' | 'not_in_list';
export type AnswerCheck =
  { value: AttributeAnswer } | { code: AnswerErrorCode; params?: Record<string, string | number> };

/** Empty input is no answer: FixMyStreet and HTML forms send '' for fields left alone. */
export function isBlankAnswer(v: unknown): boolean {
  return (
    v === undefined ||
    v === null ||
    (typeof v === 'string' && v.trim() === '') ||
    (Array.isArray(v) && v.length === 0)
  );
}

function isDatetime(s: string): boolean {
  const m = DATETIME_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // The pattern lets 2026-02-30 through; the calendar does not.
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Checks a non-blank answer; text answers come back trimmed. */
export function checkAnswer(attr: Attribute, v: unknown): AnswerCheck {
  const keys = attr.values?.map((x) => x.key) ?? [];
  switch (attr.datatype) {
    case 'string':
    case 'text': {
      if (typeof v !== 'string') return { code: 'invalid' };
      const max = attr.datatype === 'string' ? MAX_STRING_ANSWER : MAX_TEXT_ANSWER;
      const s = v.trim();
      return s.length > max ? { code: 'too_long', params: { max } } : { value: s };
    }
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? { value: v } : { code: 'not_a_number' };
    case 'datetime':
      return typeof v === 'string' && isDatetime(v.trim())
        ? { value: v.trim() }
        : { code: 'invalid_datetime' };
    case 'singlevaluelist':
      if (typeof v !== 'string') return { code: 'invalid' };
      return keys.includes(v.trim()) ? { value: v.trim() } : { code: 'not_in_list', params: { value: v } };
    case 'multivaluelist': {
      if (!Array.isArray(v) || !v.every((k): k is string => typeof k === 'string'))
        return { code: 'invalid' };
      const unknown = v.find((k) => !keys.includes(k));
      if (unknown !== undefined) return { code: 'not_in_list', params: { value: unknown } };
      if (new Set(v).size !== v.length) return { code: 'invalid', params: { reason: 'duplicate' } };
      return { value: v };
    }
  }
}

/**
 * Form input (HTML form values, Open311 form-encoded bodies) → a typed
 * answer for validateRequest. Text that is not a number stays text, so what
 * was typed is kept and validation reports not_a_number.
 */
export function coerceAnswer(attr: Attribute, raw: string | readonly string[]): AttributeAnswer {
  const list = typeof raw === 'string' ? [raw] : raw;
  if (attr.datatype === 'multivaluelist')
    // Keys cannot contain commas, so 'a,b' is unambiguous.
    return list
      .flatMap((s) => s.split(','))
      .map((s) => s.trim())
      .filter((s) => s !== '');
  const s = list.find((x) => x.trim() !== '') ?? '';
  if (attr.datatype !== 'number' || !NUMBER_RE.test(s.trim())) return s;
  const n = Number(s.trim());
  return Number.isFinite(n) ? n : s;
}
