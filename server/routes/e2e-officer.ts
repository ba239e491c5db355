/**
 * Test-only (E2E=1): what the server holds of one officer's day, for the
 * browser tests to check each item arrived exactly once and in order — the
 * visits, the requests they filed and their status changes, by insertion
 * order, with the SHA-256 of each photo's stored bytes recomputed from the
 * file store (not read from the database), so a photo is checked end to end.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/types';
import type { FileStore } from '../attachments/file-store';

async function hashesOf(files: FileStore, shas: readonly string[]): Promise<(string | null)[]> {
  return Promise.all(
    shas.map(async (s) => {
      const bytes = await files.get(s);
      return bytes ? createHash('sha256').update(bytes).digest('hex') : null;
    }),
  );
}

export async function officerRecord(db: Db, files: FileStore, email: string) {
  const visits = await db.query<{
    id: string;
    place: string | null;
    asked: string | null;
    photos: string[] | null;
  }>(
    `SELECT v.id, v.place, v.asked,
       (SELECT array_agg(p.sha256 ORDER BY p.position) FROM visit_photos p WHERE p.visit_id = v.id) AS photos
     FROM visits v JOIN users u ON u.id = v.officer_id WHERE lower(u.email) = lower($1) ORDER BY v.seq`,
    [email],
  );
  const requests = await db.query<{
    source_event_id: string;
    tracking: string;
    channel: string;
    language: string;
  }>(
    `SELECT r.source_event_id, r.tracking, r.channel, r.language FROM requests r JOIN users u ON u.id = r.created_by
     JOIN request_events e ON e.request_id = r.id AND e.kind = 'created'
     WHERE lower(u.email) = lower($1) ORDER BY e.seq`,
    [email],
  );
  const statuses = await db.query<{ tracking: string; status_from: string; status_to: string }>(
    `SELECT r.tracking, e.status_from, e.status_to FROM request_events e JOIN requests r ON r.id = e.request_id
     JOIN users u ON u.id = e.actor_user_id
     WHERE lower(u.email) = lower($1) AND e.kind = 'status_changed' ORDER BY e.seq`,
    [email],
  );
  return {
    visits: await Promise.all(
      visits.map(async (v) => ({
        ...v,
        photos: v.photos ?? [],
        stored: await hashesOf(files, v.photos ?? []),
      })),
    ),
    requests,
    statuses,
  };
}
