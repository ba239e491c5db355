/**
 * Open311 errors: the spec's list of { code, description } with HTTP 400,
 * 403 or 404 (and 429 with Retry-After when an address made too many requests), in the format the client asked for. Handlers throw
 * Open311Error; the router turns it into the answer, so no bad input can
 * fall through to a 5xx.
 */
import type { FieldError } from '../../src/core/validate';

export type Open311Status = 400 | 403 | 404 | 405 | 429;

export interface Open311ErrorItem {
  readonly code: Open311Status;
  readonly description: string;
}

export class Open311Error extends Error {
  readonly status: Open311Status;
  readonly errors: readonly Open311ErrorItem[];
  /** Seconds to wait before trying again (429), sent as Retry-After. */
  readonly retryAfter: number | undefined;

  constructor(status: Open311Status, descriptions: string | readonly string[], retryAfter?: number) {
    const list = typeof descriptions === 'string' ? [descriptions] : descriptions;
    super(list.join('; '));
    this.name = 'Open311Error';
    this.status = status;
    this.errors = list.map((description) => ({ code: status, description }));
    this.retryAfter = retryAfter;
  }
}

export const badRequest = (d: string | readonly string[]): Open311Error => new Open311Error(400, d);
export const notFound = (d: string): Open311Error => new Open311Error(404, d);
export const forbidden = (d: string): Open311Error => new Open311Error(403, d);

/** The Open311 parameter a validation field path came from. */
function parameterOf(field: string): string {
  if (field.startsWith('attributes.')) return `attribute[${field.slice('attributes.'.length)}]`;
  if (field === 'contact.name') return 'first_name/last_name';
  if (field.startsWith('contact.')) return field.slice('contact.'.length);
  if (field === 'photos') return 'media_url';
  return field;
}

function describe(e: FieldError): string {
  const max = e.params?.['max'];
  switch (e.code) {
    case 'required':
      return 'is required';
    case 'location_required':
      return 'a location is required: lat and long, address_string or address_id';
    case 'not_a_number':
      return 'must be a number';
    case 'not_in_list':
      return `has a value that is not one of this attribute's keys (${String(e.params?.['value'] ?? '')})`;
    case 'too_long':
      return `is longer than ${String(max)} characters`;
    case 'too_many':
      return `has more than ${String(max)} items`;
    case 'invalid_datetime':
      return 'must be a datetime such as 2026-05-01T14:30:00+01:00';
    case 'invalid_email':
      return 'is not an e-mail address';
    case 'invalid_phone':
      return 'is not a phone number';
    case 'unknown_attribute':
      return 'is not an attribute of this service';
    case 'invalid':
      return 'is not valid';
  }
}

/** The shared validator's field errors as Open311 error descriptions, one per field. */
export function describeFieldErrors(errors: readonly FieldError[]): string[] {
  return errors.map((e) =>
    e.code === 'location_required' ? `location: ${describe(e)}` : `${parameterOf(e.field)} ${describe(e)}`,
  );
}
