/**
 * A field visit an officer logged, perhaps hours earlier and offline: where
 * (a device fix with its accuracy, or a place typed in), who (only with the
 * person's recorded consent; the schema refuses a name without it), what they
 * asked, the outcome, and photos whose bytes may come before or after. A
 * visit about an assigned request also goes into that request's history, and
 * its photos onto the request; one filed in the same visit is linked by the
 * create_request event's id.
 */
import type { StaffUser } from '../auth/roles';
import { clampDeviceTime } from '../requests/create';
import { appendEvent } from '../requests/history';
import { receiptOf } from '../requests/read';
import type { RequestRow } from '../requests/types';
import type { Queryable } from '../db/types';
import type { LogVisitEvent } from './event-types';
import { staffOf } from './handle-staff';
import { accessRequest } from './request-access';
import { rejected, type Handler } from './types';

type Visit = LogVisitEvent['visit'];

async function insertVisit(
  tx: Queryable,
  id: string,
  officerId: string,
  v: Visit,
  at: Date,
  requestId: string | null,
) {
  const person = v.person;
  await tx.query(
    `INSERT INTO visits (id, officer_id, request_id, visited_at, place, lat, long, accuracy_m, asked, notes,
       outcome, minutes, language, request_event_id, person_consent, person_name, person_phone, person_email)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
    [
      id,
      officerId,
      requestId,
      at,
      v.place || null,
      v.location?.lat ?? null,
      v.location?.long ?? null,
      v.location?.accuracy_m ?? null,
      v.asked?.trim() || null,
      v.notes,
      v.outcome,
      v.minutes ?? null,
      v.language ?? null,
      v.request_event_id?.toLowerCase() ?? null,
      person !== undefined,
      person?.name || null,
      person?.phone || null,
      person?.email || null,
    ],
  );
  const photos = v.photos ?? [];
  if (photos.length > 0)
    await tx.query(
      `INSERT INTO visit_photos (visit_id, sha256, type, size, position)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::int[], $5::int[]) ON CONFLICT DO NOTHING`,
      [
        id,
        photos.map((p) => p.sha256),
        photos.map((p) => p.type),
        photos.map((p) => p.size),
        photos.map((_, i) => i),
      ],
    );
}

async function linkToRequest(
  tx: Queryable,
  e: LogVisitEvent,
  request: RequestRow,
  at: Date,
  officer: StaffUser,
) {
  const v = e.visit;
  for (const p of v.photos ?? [])
    await tx.query(
      `INSERT INTO request_photos (request_id, sha256, type, size, event_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [request.id, p.sha256, p.type, p.size, e.id],
    );
  await appendEvent(tx, {
    requestId: request.id,
    kind: 'visit',
    actor: { kind: 'staff', user: officer },
    at,
    public: false,
    message: v.notes || null,
    data: { visit_id: e.id, place: v.place ?? null, outcome: v.outcome, minutes: v.minutes ?? null },
  });
}

export const handleVisit: Handler<LogVisitEvent> = async (tx, ctx, e) => {
  const staff = staffOf(ctx);
  const v = e.visit;
  let request: RequestRow | undefined;
  if (v.tracking) {
    const access = await accessRequest(tx, staff, v.tracking);
    if (!access.ok) return rejected(e, access.reason, ['visit.tracking']);
    request = access.request;
  }
  const visitedAt = clampDeviceTime(new Date(v.visited_at), ctx.now);
  await insertVisit(tx, e.id, staff.id, v, visitedAt, request?.id ?? null);
  if (!request) return { result: { id: e.id, outcome: 'accepted' }, requestId: null };
  await linkToRequest(tx, e, request, visitedAt, staff);
  return { result: { id: e.id, outcome: 'accepted', receipt: receiptOf(request) }, requestId: request.id };
};
