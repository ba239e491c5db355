/**
 * An officer's caseload for a day offline: the requests assigned to them that
 * are open, plus those finished in the last few days (so a request resolved
 * by someone else while the officer was out still shows, with who did it),
 * each with contact, full history and photo references. Four queries in
 * all, whatever the size of the caseload. The requests whose contact details
 * go out are recorded in the contact-view log.
 */
import type { WorkEvent, WorkItem } from '../../src/core/officer-work';
import { isOverdue } from '../../src/core/service-level';
import type { Jurisdiction } from '../../src/core/catalog';
import type { Queryable } from '../db/types';
import { hasContact, recordContactViews } from '../requests/contact-log';
import { FINISHED } from '../requests/list';
import { REQUEST_COLUMNS, type ContactRow, type RequestEventRow, type RequestRow } from '../requests/types';

/** How long a finished request stays on the officer's list. */
export const FINISHED_DAYS = 3;

type EventRow = Pick<
  RequestEventRow,
  'seq' | 'request_id' | 'kind' | 'at' | 'public' | 'status_from' | 'status_to' | 'message'
> & {
  actor: string;
  actor_user_id: string | null;
  actor_name: string | null;
};

type PhotoRow = { request_id: string; sha256: string; type: string; size: number; uploaded: boolean };

function group<T extends { request_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(r.request_id, [...(out.get(r.request_id) ?? []), r]);
  return out;
}

function toEvent(e: EventRow, officerId: string): WorkEvent {
  return {
    seq: Number(e.seq),
    kind: e.kind,
    by: e.actor_user_id === officerId ? 'me' : (e.actor_name ?? e.actor),
    at: e.at.toISOString(),
    public: e.public,
    status_from: e.status_from,
    status_to: e.status_to,
    message: e.message,
  };
}

export async function officerWork(
  db: Queryable,
  officerId: string,
  now: Date,
  jurisdiction: Jurisdiction,
): Promise<WorkItem[]> {
  const since = new Date(now.getTime() - FINISHED_DAYS * 24 * 3600 * 1000);
  const requests = await db.query<RequestRow & ContactRow>(
    `SELECT ${REQUEST_COLUMNS}, contact_name, contact_phone, contact_email, contact_consent FROM requests
     WHERE assigned_to = $1 AND (status <> ALL($2::text[]) OR updated_at >= $3)
     ORDER BY due, tracking`,
    [officerId, FINISHED, since],
  );
  const ids = requests.map((r) => r.id);
  if (ids.length === 0) return [];
  await recordContactViews(db, {
    userId: officerId,
    requestIds: requests.filter(hasContact).map((r) => r.id),
    at: now,
    via: 'officer_work',
  });
  const events = group(
    await db.query<EventRow>(
      `SELECT e.seq, e.request_id, e.kind, e.actor, e.actor_user_id, coalesce(u.name, u.email) AS actor_name,
         e.at, e.public, e.status_from, e.status_to, e.message
       FROM request_events e LEFT JOIN users u ON u.id = e.actor_user_id
       WHERE e.request_id = ANY($1::uuid[]) ORDER BY e.seq`,
      [ids],
    ),
  );
  const photos = group(
    await db.query<PhotoRow>(
      `SELECT p.request_id, p.sha256, p.type, p.size, (f.sha256 IS NOT NULL) AS uploaded
       FROM request_photos p LEFT JOIN files f ON f.sha256 = p.sha256
       WHERE p.request_id = ANY($1::uuid[]) ORDER BY p.added_at, p.sha256`,
      [ids],
    ),
  );
  return requests.map((r) => ({
    tracking: r.tracking,
    service_code: r.service_code,
    status: r.status,
    channel: r.channel,
    language: r.language,
    description: r.description,
    attributes: r.attributes as WorkItem['attributes'],
    lat: r.lat,
    long: r.long,
    accuracy_m: r.accuracy_m,
    address_string: r.address_string,
    contact: hasContact(r)
      ? {
          name: r.contact_name,
          phone: r.contact_phone,
          email: r.contact_email,
          consent_updates: r.contact_consent,
        }
      : null,
    due: r.due,
    overdue: !FINISHED.includes(r.status) && isOverdue(r.due, now, jurisdiction.calendar),
    submitted_at: r.submitted_at.toISOString(),
    updated_at: r.updated_at.toISOString(),
    history: (events.get(r.id) ?? []).map((e) => toEvent(e, officerId)),
    photos: (photos.get(r.id) ?? []).map((p) => ({
      sha256: p.sha256,
      type: p.type as WorkItem['photos'][number]['type'],
      size: p.size,
      uploaded: p.uploaded,
    })),
  }));
}
