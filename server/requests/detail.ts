/**
 * The full staff view of one request: everything stored, contact details and
 * internal history included. Only staff routes call this.
 */
import type { Queryable } from '../db/types';
import { mediaLinks } from '../media-jobs/queue';
import { fullHistory } from './history';
import { readContact } from './read';
import type { RequestRow } from './types';

export async function staffView(db: Queryable, r: RequestRow, overdue: boolean) {
  const [contact, events, photos, links, duplicateOf] = [
    await readContact(db, r.id),
    await fullHistory(db, r.id),
    await db.query<{ sha256: string; type: string; size: number; uploaded: boolean }>(
      `SELECT p.sha256, p.type, p.size, (f.sha256 IS NOT NULL) AS uploaded
       FROM request_photos p LEFT JOIN files f ON f.sha256 = p.sha256
       WHERE p.request_id = $1 ORDER BY p.added_at, p.sha256`,
      [r.id],
    ),
    await mediaLinks(db, r.id),
    r.duplicate_of
      ? (
          await db.query<{ tracking: string }>('SELECT tracking FROM requests WHERE id = $1', [
            r.duplicate_of,
          ])
        )[0]
      : undefined,
  ];
  return {
    tracking: r.tracking,
    service_code: r.service_code,
    status: r.status,
    channel: r.channel,
    language: r.language,
    description: r.description,
    attributes: r.attributes,
    location: {
      lat: r.lat,
      long: r.long,
      accuracy_m: r.accuracy_m,
      address_string: r.address_string,
      address_id: r.address_id,
    },
    media_url: r.media_url,
    photos,
    // Each media_url an Open311 client gave: 'pending' while it is being fetched (retried for a day),
    // 'attached' once its photo is among `photos`, 'failed' when it could not be fetched (last_error says why).
    media_links: links,
    contact: contact
      ? {
          name: contact.contact_name,
          phone: contact.contact_phone,
          email: contact.contact_email,
          consent_updates: contact.contact_consent,
        }
      : null,
    due: r.due,
    overdue,
    submitted_at: r.submitted_at.toISOString(),
    received_at: r.received_at.toISOString(),
    updated_at: r.updated_at.toISOString(),
    acknowledged_at: r.acknowledged_at?.toISOString() ?? null,
    resolved_at: r.resolved_at?.toISOString() ?? null,
    closed_at: r.closed_at?.toISOString() ?? null,
    assigned_to: r.assigned_to,
    duplicate_of: duplicateOf?.tracking ?? null,
    feedback:
      r.rating === null
        ? null
        : { rating: r.rating, fixed: r.fixed, comment: r.rating_comment, at: r.rated_at?.toISOString() },
    events: events.map((e) => ({
      seq: e.seq,
      kind: e.kind,
      actor: e.actor,
      at: e.at.toISOString(),
      public: e.public,
      status_from: e.status_from,
      status_to: e.status_to,
      message: e.message,
      data: e.data,
    })),
  };
}
