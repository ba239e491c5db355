/**
 * Creating many prepared requests at once (a sync batch): the requests and their
 * 'created' events in one statement, their photos in one more, whatever the number
 * of requests. A tracking number that clashes (the ON CONFLICT on tracking) leaves
 * that row out without aborting anything; only those rows draw again, as
 * createRequest does one by one. Any other failure throws, and the caller falls
 * back to creating the requests one by one, each in its own savepoint.
 */
import { newTrackingNumber } from '../../src/core/tracking';
import { actorLabel, actorUserId } from '../auth/roles';
import type { Queryable } from '../db/types';
import { consentOf } from '../notify/consent';
import { MAX_TRACKING_ATTEMPTS, type CreatedRequest, type PreparedRequest } from './create';
import type { NewRequestRow } from './insert';

/** One request as a JSON object named like the columns, for jsonb_populate_recordset. */
function columns(row: NewRequestRow, tracking: string): Record<string, unknown> {
  const f = row.fields;
  const consent = consentOf(f.contact);
  return {
    id: row.id,
    tracking,
    token_hash: row.tokenHash,
    source_event_id: row.sourceEventId,
    service_code: row.serviceCode,
    status: 'submitted',
    channel: row.channel,
    language: f.language,
    description: f.description ?? null,
    attributes: f.attributes,
    lat: f.location.lat ?? null,
    long: f.location.long ?? null,
    accuracy_m: f.location.accuracy_m ?? null,
    address_string: f.location.address_string ?? null,
    address_id: f.location.address_id ?? null,
    media_url: row.mediaUrl,
    contact_name: f.contact?.name ?? null,
    contact_phone: f.contact?.phone ?? null,
    contact_email: f.contact?.email ?? null,
    contact_consent: f.contact?.consent_updates ?? false,
    due: row.due,
    submitted_at: row.submittedAt.toISOString(),
    received_at: row.receivedAt.toISOString(),
    updated_at: row.receivedAt.toISOString(),
    created_by: actorUserId(row.actor),
    notify_email: consent.email,
    notify_sms: consent.sms,
    kiosk_id: row.kioskId,
    service_version: row.serviceVersion,
    // Not columns of requests: read by the events insert below.
    actor: actorLabel(row.actor),
  };
}

// The column list is the same as insert.ts's single-row INSERT; jsonb_populate_recordset
// types each value by the table's own column types.
const INSERT_MANY = `
  WITH input AS (SELECT * FROM jsonb_populate_recordset(NULL::requests, $1::jsonb)),
  r AS (
    INSERT INTO requests (id, tracking, token_hash, source_event_id, service_code, status, channel, language,
      description, attributes, lat, long, accuracy_m, address_string, address_id, media_url,
      contact_name, contact_phone, contact_email, contact_consent, due, submitted_at, received_at, updated_at,
      created_by, notify_email, notify_sms, kiosk_id, service_version)
    SELECT id, tracking, token_hash, source_event_id, service_code, status, channel, language,
      description, attributes, lat, long, accuracy_m, address_string, address_id, media_url,
      contact_name, contact_phone, contact_email, contact_consent, due, submitted_at, received_at, updated_at,
      created_by, notify_email, notify_sms, kiosk_id, service_version
    FROM input ORDER BY id
    ON CONFLICT (tracking) DO NOTHING
    RETURNING id, channel, submitted_at, created_by
  ), e AS (
    INSERT INTO request_events (request_id, kind, actor, actor_user_id, at, public, status_to, data)
    SELECT r.id, 'created', a.actor, r.created_by, r.submitted_at, true, 'submitted',
      jsonb_build_object('channel', r.channel)
    FROM r JOIN jsonb_to_recordset($1::jsonb) AS a(id uuid, actor text) ON a.id = r.id
    ORDER BY r.id
  )
  SELECT id FROM r`;

const INSERT_PHOTOS = `
  INSERT INTO request_photos (request_id, sha256, type, size, event_id)
  SELECT x.request_id, p->>'sha256', p->>'type', (p->>'size')::int, x.event_id
  FROM jsonb_to_recordset($1::jsonb) AS x(request_id uuid, event_id uuid, photos jsonb),
    jsonb_array_elements(x.photos) AS p
  ON CONFLICT DO NOTHING`;

/** Inserts every prepared request; the created ones in the order given. Throws when it cannot. */
export async function createRequests(
  tx: Queryable,
  prepared: readonly PreparedRequest[],
  newTracking: () => string = () => newTrackingNumber(),
): Promise<CreatedRequest[]> {
  const tracking = new Map<string, string>();
  let pending = [...prepared];
  for (let attempt = 0; attempt < MAX_TRACKING_ATTEMPTS && pending.length > 0; attempt++) {
    const drawn = pending.map((p) => ({ p, candidate: newTracking() }));
    const rows = drawn.map(({ p, candidate }) => columns(p.row, candidate));
    const inserted = new Set(
      (await tx.query<{ id: string }>(INSERT_MANY, [JSON.stringify(rows)])).map((r) => r.id),
    );
    for (const { p, candidate } of drawn) if (inserted.has(p.row.id)) tracking.set(p.row.id, candidate);
    pending = pending.filter((p) => !inserted.has(p.row.id));
  }
  if (pending.length > 0) throw new Error('could not draw a free tracking number');
  const withPhotos = prepared
    .filter((p) => (p.row.fields.photos?.length ?? 0) > 0)
    .map((p) => ({ request_id: p.row.id, event_id: p.row.sourceEventId, photos: p.row.fields.photos }));
  if (withPhotos.length > 0) await tx.query(INSERT_PHOTOS, [JSON.stringify(withPhotos)]);
  return prepared.map((p) => ({
    id: p.row.id,
    receipt: { tracking: tracking.get(p.row.id) ?? '', ...p.receipt },
  }));
}
