/**
 * The full staff view of one request: everything stored, contact details and
 * internal history included, with who did what by name, the minutes staff
 * spent, and how many working days it is overdue. Only staff routes call this;
 * when it carries contact details, the view is recorded (contact-log).
 */
import { TRANSITIONS } from '../../src/core/lifecycle';
import { isOverdue, workingDaysOverdue } from '../../src/core/service-level';
import { getJurisdiction } from '../catalog/store';
import type { StaffUser } from '../auth/roles';
import type { Queryable } from '../db/types';
import { hasContact, recordContactViews } from './contact-log';
import { mediaLinks } from '../media-jobs/queue';
import { fullHistory } from './history';
import { FINISHED } from './list';
import { readContact } from './read';
import type { RequestRow } from './types';

interface Person {
  id: string;
  name: string | null;
  email: string;
  role: string;
}

async function people(db: Queryable, ids: readonly (string | null)[]): Promise<Map<string, Person>> {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.query<Person>('SELECT id, name, email, role FROM users WHERE id = ANY($1::uuid[])', [
    wanted,
  ]);
  return new Map(rows.map((p) => [p.id, p]));
}

export async function staffView(db: Queryable, r: RequestRow, now: Date, viewer: StaffUser) {
  const { calendar } = await getJurisdiction(db);
  const open = !FINISHED.includes(r.status);
  const held = await readContact(db, r.id);
  const contact = held && hasContact(held) ? held : undefined;
  if (contact)
    await recordContactViews(db, { userId: viewer.id, requestIds: [r.id], at: now, via: 'detail' });
  const events = await fullHistory(db, r.id);
  const photos = await db.query<{ sha256: string; type: string; size: number; uploaded: boolean }>(
    `SELECT p.sha256, p.type, p.size, (f.sha256 IS NOT NULL) AS uploaded
     FROM request_photos p LEFT JOIN files f ON f.sha256 = p.sha256
     WHERE p.request_id = $1 ORDER BY p.added_at, p.sha256`,
    [r.id],
  );
  const duplicateOf = r.duplicate_of
    ? (
        await db.query<{ tracking: string }>('SELECT tracking FROM requests WHERE id = $1', [r.duplicate_of])
      )[0]
    : undefined;
  const who = await people(db, [r.assigned_to, r.created_by, ...events.map((e) => e.actor_user_id)]);
  const links = await mediaLinks(db, r.id);
  const minutes = events.reduce((n, e) => n + (e.staff_minutes ?? 0), 0);
  return {
    tracking: r.tracking,
    service_code: r.service_code,
    status: r.status,
    /** What the lifecycle allows next, so the desk offers only those (and needs no copy of the rules). */
    next_statuses: TRANSITIONS[r.status],
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
    overdue: open && isOverdue(r.due, now, calendar),
    overdue_working_days: open ? workingDaysOverdue(r.due, now, calendar) : 0,
    submitted_at: r.submitted_at.toISOString(),
    received_at: r.received_at.toISOString(),
    updated_at: r.updated_at.toISOString(),
    acknowledged_at: r.acknowledged_at?.toISOString() ?? null,
    resolved_at: r.resolved_at?.toISOString() ?? null,
    closed_at: r.closed_at?.toISOString() ?? null,
    assigned_to: r.assigned_to,
    assignee: r.assigned_to ? (who.get(r.assigned_to) ?? null) : null,
    /** The staff member who took a phone, counter or in-person request. */
    taken_by: r.created_by ? (who.get(r.created_by) ?? null) : null,
    duplicate_of: duplicateOf?.tracking ?? null,
    feedback:
      r.rating === null
        ? null
        : { rating: r.rating, fixed: r.fixed, comment: r.rating_comment, at: r.rated_at?.toISOString() },
    staff_minutes: Math.round(minutes * 10) / 10,
    events: events.map((e) => ({
      seq: e.seq,
      kind: e.kind,
      actor: e.actor,
      actor_name: e.actor_user_id
        ? (who.get(e.actor_user_id)?.name ?? who.get(e.actor_user_id)?.email ?? null)
        : null,
      at: e.at.toISOString(),
      public: e.public,
      status_from: e.status_from,
      status_to: e.status_to,
      message: e.message,
      data: e.data,
      staff_minutes: e.staff_minutes ?? null,
      staff_time_source: e.staff_time_source ?? null,
    })),
  };
}

export type StaffView = Awaited<ReturnType<typeof staffView>>;
