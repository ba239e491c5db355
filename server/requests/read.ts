/**
 * Reading requests back: by tracking number (staff, actions), by tracking
 * number plus token or short code (the citizen), by a list of tokens (sync
 * changes). None of
 * these return contact details; staff views read them through `readContact`.
 */
import type { AccessCode } from '../../src/core/access-code';
import type { Receipt } from '../../src/core/events';
import { isLang } from '../../src/core/lang';
import type { Queryable } from '../db/types';
import { deriveShortCode, hashToken, sameSecret } from './token';
import { REQUEST_COLUMNS, type ContactRow, type RequestRow } from './types';

export async function findRequest(
  q: Queryable,
  tracking: string,
  options: { forUpdate?: boolean } = {},
): Promise<RequestRow | undefined> {
  const [row] = await q.query<RequestRow>(
    `SELECT ${REQUEST_COLUMNS} FROM requests WHERE tracking = $1${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [tracking],
  );
  return row;
}

export async function findRequestById(q: Queryable, id: string): Promise<RequestRow | undefined> {
  const [row] = await q.query<RequestRow>(`SELECT ${REQUEST_COLUMNS} FROM requests WHERE id = $1`, [id]);
  return row;
}

/** The request only when the token is its own: a wrong token looks exactly like an unknown number. */
export async function findRequestWithToken(
  q: Queryable,
  tracking: string,
  token: string,
  options: { forUpdate?: boolean } = {},
): Promise<RequestRow | undefined> {
  const [row] = await q.query<RequestRow>(
    `SELECT ${REQUEST_COLUMNS} FROM requests WHERE tracking = $1 AND token_hash = $2${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [tracking, hashToken(token)],
  );
  return row;
}

/**
 * The request for a tracking number and either of its access codes: the long
 * token (compared by its stored hash) or the short code (derived again from the
 * request's source event and compared in constant time).
 */
export async function findRequestWithCode(
  q: Queryable,
  secret: Buffer,
  tracking: string,
  code: AccessCode,
): Promise<RequestRow | undefined> {
  if (code.kind === 'token') return findRequestWithToken(q, tracking, code.token);
  const [row] = await q.query<RequestRow & { source_event_id: string }>(
    `SELECT ${REQUEST_COLUMNS}, source_event_id FROM requests WHERE tracking = $1`,
    [tracking],
  );
  if (!row || !sameSecret(deriveShortCode(secret, row.source_event_id), code.code)) return undefined;
  const { source_event_id: _source, ...request } = row;
  return request;
}

export async function readContact(q: Queryable, requestId: string): Promise<ContactRow | undefined> {
  const [row] = await q.query<ContactRow>(
    'SELECT contact_name, contact_phone, contact_email, contact_consent FROM requests WHERE id = $1',
    [requestId],
  );
  return row;
}

/** The receipt of a stored request, without its token. */
export function receiptOf(r: RequestRow): Receipt {
  return {
    tracking: r.tracking,
    status: r.status,
    due: r.due,
    service_code: r.service_code,
    submitted_at: r.submitted_at.toISOString(),
    ...(isLang(r.language) ? { language: r.language } : {}),
  };
}
