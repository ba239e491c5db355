/** Path parameters shared by several routes. */
import { normalizeTracking } from '../../src/core/tracking';
import { httpError } from '../http/errors';

/** A tracking number as typed (any case, spaces, dashes); a malformed one is simply not found. */
export function trackingParam(raw: string | undefined): string {
  const t = raw === undefined ? null : normalizeTracking(raw);
  if (!t) throw httpError(404, 'not_found');
  return t;
}
