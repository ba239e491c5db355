/**
 * Handlers for what a citizen's device (or a kiosk) sends: a new request, a
 * photo added to it, and feedback on a resolved request.
 */
import type { AttachmentAddedEvent, CreateRequestEvent, FeedbackEvent } from './event-types';
import {
  clampDeviceTime,
  prepareRequest,
  type CreatedRequest,
  type PreparedRequest,
} from '../requests/create';
import { createRequests } from '../requests/create-many';
import { recordFeedback } from '../requests/feedback';
import { receiptOf, findRequestById } from '../requests/read';
import { appendEvent } from '../requests/history';
import { rejected, type Applied, type Handler, type SyncContext } from './types';
import type { Queryable } from '../db/types';

/**
 * A kiosk request made after its kiosk was revoked is refused for good; one made
 * before (queued on the device while offline) still goes in, so revoking loses
 * nothing already filed. The device clock is clamped like everywhere else, so a
 * revoked kiosk cannot backdate requests for longer than the offline window.
 */
function revokedBeforeMade(ctx: SyncContext, e: CreateRequestEvent): boolean {
  const revoked = ctx.kiosk?.revoked_at;
  return !!revoked && clampDeviceTime(new Date(e.at), ctx.now) >= revoked;
}

/**
 * What a create_request event asks for, checked before any insert: a rejection, or
 * the request prepared to insert. Shared by the one-by-one handler and the batch path
 * (bulk-create.ts), so both refuse and accept exactly the same events.
 */
export async function planCreate(
  tx: Queryable,
  ctx: SyncContext,
  e: CreateRequestEvent,
): Promise<Applied | PreparedRequest> {
  const staff = ctx.staff;
  const kioskId = e.channel === 'kiosk' ? ctx.kiosk?.id : undefined;
  if (e.channel === 'kiosk') {
    if (!kioskId) return rejected(e, 'forbidden'); // mayApply lets no such event through
    if (revokedBeforeMade(ctx, e)) return rejected(e, 'kiosk_revoked');
  }
  const prepared = await prepareRequest(
    tx,
    {
      service: ctx.services.get(e.request.service_code),
      jurisdiction: ctx.jurisdiction,
      secret: ctx.secret,
      now: ctx.now,
    },
    {
      sourceEventId: e.id,
      channel: e.channel,
      ...(kioskId ? { kioskId } : {}),
      fields: e.request,
      submittedAt: new Date(e.at),
      actor:
        e.channel !== 'web' && e.channel !== 'kiosk' && staff
          ? { kind: 'staff', user: staff }
          : { kind: 'citizen' },
    },
  );
  if (!prepared.ok)
    return rejected(
      e,
      prepared.reason,
      prepared.errors.map((x) => x.field),
    );
  return prepared.prepared;
}

/** The stored result never holds the token or the short code: replays derive them again. */
export function acceptedCreate(e: CreateRequestEvent, created: CreatedRequest): Applied {
  const { token: _token, short_code: _code, ...receipt } = created.receipt;
  return { result: { id: e.id, outcome: 'accepted', receipt }, requestId: created.id };
}

export const handleCreate: Handler<CreateRequestEvent> = async (tx, ctx, e) => {
  const plan = await planCreate(tx, ctx, e);
  if ('result' in plan) return plan;
  const [created] = await createRequests(tx, [plan], ctx.newTracking);
  if (!created) throw new Error('request not created');
  return acceptedCreate(e, created);
};

export const handleFeedback: Handler<FeedbackEvent> = async (tx, ctx, e) => {
  const r = await recordFeedback(tx, {
    tracking: e.tracking,
    token: e.token,
    rating: e.rating,
    fixed: e.fixed,
    comment: e.comment,
    at: clampDeviceTime(new Date(e.at), ctx.now),
  });
  if (!r.ok) return rejected(e, r.error === 'not_found' ? 'unknown_request' : 'invalid_transition');
  return {
    result: { id: e.id, outcome: 'accepted', receipt: receiptOf(r.request) },
    requestId: r.request.id,
  };
};

export const handleAttachment: Handler<AttachmentAddedEvent> = async (tx, ctx, e) => {
  // By the creating event's id (it may be earlier in this very batch); Open311 requests,
  // whose source id is a token their client holds, take photos through media_url instead.
  const [source] = await tx.query<{ id: string }>(
    "SELECT id FROM requests WHERE source_event_id = $1 AND channel <> 'api'",
    [e.request_event_id],
  );
  const request = source ? await findRequestById(tx, source.id) : undefined;
  if (!request) return rejected(e, 'unknown_request', ['request_event_id']);
  const [file] = await tx.query<{ type: string; size: number }>(
    'SELECT type, size FROM files WHERE sha256 = $1',
    [e.photo.sha256],
  );
  if (!file) return rejected(e, 'unknown_photo', ['photo']);
  if (file.type !== e.photo.type || file.size !== e.photo.size) return rejected(e, 'invalid', ['photo']);
  const added = await tx.query(
    `INSERT INTO request_photos (request_id, sha256, type, size, event_id) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING RETURNING sha256`,
    [request.id, e.photo.sha256, file.type, file.size, e.id],
  );
  if (added.length > 0)
    await appendEvent(tx, {
      requestId: request.id,
      kind: 'attachment',
      actor: { kind: 'device' },
      at: clampDeviceTime(new Date(e.at), ctx.now),
      public: false,
      data: { sha256: e.photo.sha256 },
    });
  return { result: { id: e.id, outcome: 'accepted', receipt: receiptOf(request) }, requestId: request.id };
};
