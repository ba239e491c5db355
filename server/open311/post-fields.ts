/**
 * An Open311 POST body → the request fields the shared validator checks, so
 * a request made through Open311 passes the very rules a request made in the
 * app does. Open311 specifics live here: text coordinates, first and last
 * name, attribute answers coerced from form text.
 */
import type { Service } from '../../src/core/catalog';
import type { Lang } from '../../src/core/lang';
import { coerceAnswer, validateRequest, type FieldError } from '../../src/core/validate';
import type { AttributeAnswer, RequestFields } from '../../src/core/request';
import { describeFieldErrors } from './errors';
import { param, type PostForm } from './form';

/** Plain decimal degrees; no exponents or hex, which no mapping client sends. */
const DECIMAL_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

export type FieldsResult = { ok: true; value: RequestFields } | { ok: false; errors: string[] };

function coordinate(
  form: PostForm,
  name: 'lat' | 'long',
  limit: number,
  errors: string[],
): number | undefined {
  const text = param(form, name);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!DECIMAL_RE.test(text) || !Number.isFinite(n) || Math.abs(n) > limit) {
    errors.push(`${name} must be a decimal number between -${limit} and ${limit}`);
    return undefined;
  }
  return n;
}

function answers(form: PostForm, service: Service): Record<string, AttributeAnswer> {
  const out: Record<string, AttributeAnswer> = {};
  const byCode = new Map(service.attributes.map((a) => [a.code, a]));
  for (const [code, values] of form.attributes) {
    const attr = byCode.get(code);
    // An unknown code keeps its text so the validator can name it (unless blank, which it ignores).
    out[code] = attr ? coerceAnswer(attr, values) : values.length === 1 ? (values[0] ?? '') : [...values];
  }
  return out;
}

function contact(form: PostForm): RequestFields['contact'] {
  const name = [param(form, 'first_name'), param(form, 'last_name')].filter((s) => s !== undefined).join(' ');
  const email = param(form, 'email');
  const phone = param(form, 'phone');
  if (name === '' && email === undefined && phone === undefined) return undefined;
  return {
    ...(name !== '' ? { name } : {}),
    ...(email !== undefined ? { email } : {}),
    ...(phone !== undefined ? { phone } : {}),
    // The client that collected the details owns the conversation with the person; we
    // keep them for staff to get in touch, and send nothing ourselves without consent.
    consent_updates: false,
  };
}

/**
 * Checks the body against `service`. Coordinate errors are reported in
 * Open311's own terms; everything else comes from validateRequest.
 */
export function buildRequestFields(form: PostForm, service: Service, language: Lang): FieldsResult {
  const errors: string[] = [];
  const lat = coordinate(form, 'lat', 90, errors);
  const long = coordinate(form, 'long', 180, errors);
  const badCoordinates = errors.length > 0;
  const addressString = param(form, 'address_string');
  const addressId = param(form, 'address_id');
  const description = form.params.get('description');
  const person = contact(form);
  const raw = {
    service_code: service.service_code,
    attributes: answers(form, service),
    ...(description !== undefined ? { description } : {}),
    location: {
      ...(lat !== undefined ? { lat } : {}),
      ...(long !== undefined ? { long } : {}),
      ...(addressString !== undefined ? { address_string: addressString } : {}),
      ...(addressId !== undefined ? { address_id: addressId } : {}),
    },
    ...(person ? { contact: person } : {}),
    language,
  };
  const result = validateRequest(service, raw);
  const fieldErrors: FieldError[] = result.ok
    ? []
    : // A bad lat already said what is wrong; "location required" on top would only confuse.
      result.errors.filter((e) => !(badCoordinates && e.field === 'location'));
  errors.push(...describeFieldErrors(fieldErrors));
  if (errors.length > 0 || !result.ok) return { ok: false, errors };
  return { ok: true, value: result.value };
}
