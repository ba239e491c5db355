/**
 * A stable fingerprint of an event's payload: JSON with object keys sorted,
 * hashed. Two sends of the same event give the same hash whatever the key
 * order on the wire; any changed value gives another.
 */
import { sha256Hex } from '../requests/token';

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function payloadHash(event: unknown): string {
  return sha256Hex(canonicalJson(event));
}
