/**
 * Creating a request: the one path used by sync (web, kiosk, in person) and by
 * the Open311 layer (channel 'api'). Validates the answers against the service,
 * assigns a tracking number and an access token, computes the due date from
 * the service level and the jurisdiction calendar, and records the first event
 * (insert.ts).
 * Runs inside the caller's transaction; service and jurisdiction are read
 * before it (PGlite has one connection).
 */
import type { Jurisdiction, Service } from '../../src/core/catalog';
import type { Receipt, ReasonCode } from '../../src/core/events';
import type { Channel } from '../../src/core/status';
import { uuidv7 } from '../../src/core/ids';
import { dueDate } from '../../src/core/service-level';
import { newTrackingNumber } from '../../src/core/tracking';
import { validateRequest, type FieldError } from '../../src/core/validate';
import type { Actor } from '../auth/roles';
import type { Queryable } from '../db/types';
import { keepEarlierAnswers } from '../catalog/earlier-answers';
import { insertRequest, type NewRequestRow } from './insert';
import { deriveShortCode, deriveToken, hashToken } from './token';

export interface CreateContext {
  readonly service: Service | undefined;
  readonly jurisdiction: Jurisdiction;
  readonly secret: Buffer;
  readonly now: Date;
  /** Injectable for tests that force a tracking-number collision. */
  readonly newTracking?: () => string;
}

export interface CreateInput {
  /** The device event id (or a server-made UUIDv7 for Open311): the token derives from it. */
  readonly sourceEventId: string;
  readonly channel: Channel;
  /** The enrolled kiosk a kiosk request was filed at. */
  readonly kioskId?: string;
  /** Request fields as sent (RequestFields shape); validated here. */
  readonly fields: unknown;
  /** When the person submitted, by the sending device's clock; clamped to a sane window. */
  readonly submittedAt: Date;
  readonly actor: Actor;
  /** A photo hosted elsewhere (Open311 media_url), already checked by the caller. */
  readonly mediaUrl?: string;
}

export interface CreatedRequest {
  readonly id: string;
  readonly receipt: Receipt & { token: string; short_code: string };
}

export type CreateResult = { ok: true; request: CreatedRequest } | Rejection;

/** Offline devices may send days later; a clock far off cannot move the due date. */
const MAX_OFFLINE_MS = 14 * 24 * 3600 * 1000;
export const MAX_TRACKING_ATTEMPTS = 8;

export function clampDeviceTime(at: Date, now: Date): Date {
  const t = Math.min(Math.max(at.getTime(), now.getTime() - MAX_OFFLINE_MS), now.getTime());
  return Number.isFinite(t) ? new Date(t) : now;
}

type Rejection = { ok: false; reason: ReasonCode; errors: FieldError[] };

function rejection(errors: FieldError[]): Rejection {
  const missing = errors.some((e) => e.code === 'required' && e.field.startsWith('attributes.'));
  return { ok: false, reason: missing ? 'missing_attribute' : 'invalid', errors };
}

/** A request checked and computed, ready to insert once it has a tracking number. */
export interface PreparedRequest {
  readonly row: NewRequestRow;
  readonly receipt: Omit<CreatedRequest['receipt'], 'tracking'>;
}

export type PrepareResult = { ok: true; prepared: PreparedRequest } | Rejection;

/**
 * Everything about a new request before it is inserted: the answers checked against
 * the service, the due date, the token. Only a form begun on an older version with
 * answers to removed questions reads the database (their wording, earlier-answers.ts). A sync batch prepares all its requests first and
 * inserts the valid ones together (create-many.ts).
 */
export async function prepareRequest(
  tx: Queryable,
  ctx: CreateContext,
  input: CreateInput,
): Promise<PrepareResult> {
  const { service } = ctx;
  if (!service)
    return { ok: false, reason: 'unknown_service', errors: [{ field: 'service_code', code: 'invalid' }] };
  const checked = validateRequest(service, input.fields);
  if (!checked.ok) return rejection(checked.errors);
  // A form begun on an older version: answers to questions removed since go into the description.
  const f = await keepEarlierAnswers(tx, service, checked.value);
  const current = service.version ?? 1;
  const submittedAt = clampDeviceTime(input.submittedAt, ctx.now);
  const due = dueDate(submittedAt, service.service_level_days, ctx.jurisdiction.calendar);
  const token = deriveToken(ctx.secret, input.sourceEventId);
  const row: NewRequestRow = {
    id: uuidv7(),
    tokenHash: hashToken(token),
    sourceEventId: input.sourceEventId,
    serviceCode: service.service_code,
    channel: input.channel,
    kioskId: input.kioskId ?? null,
    fields: f,
    // A version the service never had (a confused client) is recorded as the current one.
    serviceVersion: Math.min(f.service_version ?? current, current),
    mediaUrl: input.mediaUrl ?? null,
    due,
    submittedAt,
    receivedAt: ctx.now,
    actor: input.actor,
  };
  const receipt = {
    token,
    short_code: deriveShortCode(ctx.secret, input.sourceEventId),
    status: 'submitted' as const,
    due,
    service_code: service.service_code,
    submitted_at: submittedAt.toISOString(),
    language: f.language,
  };
  return { ok: true, prepared: { row, receipt } };
}

export async function createRequest(
  tx: Queryable,
  ctx: CreateContext,
  input: CreateInput,
): Promise<CreateResult> {
  const p = await prepareRequest(tx, ctx, input);
  if (!p.ok) return p;
  const { row, receipt } = p.prepared;
  const draw = ctx.newTracking ?? (() => newTrackingNumber());
  let tracking: string | undefined;
  for (let attempt = 0; attempt < MAX_TRACKING_ATTEMPTS && !tracking; attempt++) {
    const candidate = draw();
    if (await insertRequest(tx, row, candidate)) tracking = candidate;
  }
  if (!tracking) throw new Error('could not draw a free tracking number');
  const { id } = row;
  const photos = row.fields.photos;
  if (photos && photos.length > 0) {
    await tx.query(
      `INSERT INTO request_photos (request_id, sha256, type, size, event_id)
       SELECT $1, p->>'sha256', p->>'type', (p->>'size')::int, $2 FROM jsonb_array_elements($3::jsonb) AS p
       ON CONFLICT DO NOTHING`,
      [id, input.sourceEventId, JSON.stringify(photos)],
    );
  }
  return { ok: true, request: { id, receipt: { tracking, ...receipt } } };
}
