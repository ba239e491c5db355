/**
 * "Track by number": asks the server about any request by its tracking
 * number and access code — the long token or the short code (GET /api/requests/{tracking}, the code in the
 * X-Access-Token header so it stays out of URLs and logs). The answer is
 * checked before it is shown; the outcome is a code the page words.
 */
import { z } from 'zod/mini';
import { dueDateSchema, instantSchema, trackingSchema } from '../core/events';
import type { Lang } from '../core/lang';
import { statusSchema } from '../core/status';
import { flushDeps, type FlushDeps } from './flush-deps';
import { getJson } from './http';

export const ACCESS_TOKEN_HEADER = 'X-Access-Token';

/** Loose objects: a newer server may add fields, which we ignore rather than refuse. */
export const trackedRequestSchema = z.object({
  tracking: trackingSchema,
  service_code: z.optional(z.string()),
  /** In the language asked for (?lang=), for when this phone's catalog lacks the service. */
  service_name: z.optional(z.string()),
  status: statusSchema,
  due: dueDateSchema,
  submitted_at: z.optional(instantSchema),
  history: z.array(
    z.object({
      at: instantSchema,
      status: z.optional(statusSchema),
      message: z.optional(z.string().check(z.maxLength(4000))),
    }),
  ),
});
export type TrackedRequest = z.infer<typeof trackedRequestSchema>;

/** 'tries': this client failed too many look-ups and must wait (the server's limit per client). */
export type TrackProblem = 'not_found' | 'offline' | 'tries' | 'busy' | 'server';
export type TrackResult = { ok: true; request: TrackedRequest } | { ok: false; problem: TrackProblem };

/** `tracking` must already be canonical (normalizeTracking); `accessCode` the token or the short code. */
export async function fetchTracked(
  tracking: string,
  accessToken: string,
  lang: Lang,
  deps: FlushDeps = flushDeps(),
): Promise<TrackResult> {
  const got = await getJson(
    deps,
    `/api/requests/${encodeURIComponent(tracking)}?lang=${lang}`,
    { [ACCESS_TOKEN_HEADER]: accessToken },
    trackedRequestSchema,
  );
  if (got.ok) return { ok: true, request: got.value };
  switch (got.error) {
    case 'offline':
      return { ok: false, problem: 'offline' };
    // The look-up limit is the only 429 on this path; an overloaded server says 503.
    case 'rate_limited':
      return { ok: false, problem: 'tries' };
    // 4xx: an unknown number and a wrong code look the same, so neither is confirmed to a guesser.
    case 'refused':
      return { ok: false, problem: 'not_found' };
    default:
      return { ok: false, problem: got.status === 503 ? 'busy' : 'server' };
  }
}
