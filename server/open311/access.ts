/**
 * Who is calling and for which jurisdiction. api_key is required to create
 * requests (403 without one or with a wrong one); on reads it is optional
 * and unlocks the personal fields (see records.ts). jurisdiction_id is
 * optional since we serve one jurisdiction, but a different one is refused
 * rather than silently answered for ours.
 */
import type { Jurisdiction } from '../../src/core/catalog';
import type { Queryable } from '../db/types';
import { badRequest, forbidden } from './errors';
import { apiKeyId } from './store';

export function checkJurisdiction(given: string | undefined, ours: Jurisdiction): void {
  const id = given?.trim() ?? '';
  if (id !== '' && id.toLowerCase() !== ours.jurisdiction_id.toLowerCase())
    throw badRequest(
      `jurisdiction_id ${id} is not served here; this endpoint serves ${ours.jurisdiction_id}`,
    );
}

export interface Caller {
  /** The api_keys row of the key, when a valid one was given. */
  readonly keyId: string | undefined;
}

/** A wrong key is refused even where none is needed: a client should learn its key is bad. */
export async function identify(db: Queryable, key: string | undefined, required: boolean): Promise<Caller> {
  const k = key?.trim() ?? '';
  if (k === '') {
    if (required) throw forbidden('api_key is required to create a request');
    return { keyId: undefined };
  }
  const id = await apiKeyId(db, k);
  if (!id) throw forbidden('api_key is not valid');
  return { keyId: id };
}
