/**
 * draft_report: a device's anonymous counts of drafts started and abandoned
 * (src/core/events.ts), stored as rows of draft_counts under the local day of
 * the report. Counts for a service the catalog does not know are refused
 * whole, so a typo on a device cannot invent a service in the figures.
 */
import { localDate } from '../../src/core/service-level';
import type { Queryable } from '../db/types';
import type { DraftReportEvent } from './event-types';
import { rejected, type Applied, type SyncContext } from './types';

export async function handleDraftReport(
  tx: Queryable,
  ctx: SyncContext,
  e: DraftReportEvent,
): Promise<Applied> {
  const unknown = e.counts.filter((c) => !ctx.services.has(c.service_code)).map((c) => c.service_code);
  if (unknown.length > 0) return rejected(e, 'unknown_service', [...new Set(unknown)]);
  // A device clock ahead of ours must not put counts in the future.
  const at = Math.min(Date.parse(e.at), ctx.now.getTime());
  const day = localDate(new Date(at), ctx.jurisdiction.calendar.time_zone);
  await tx.query(
    `INSERT INTO draft_counts (event_id, day, service_code, language, kind, step, n)
     SELECT $1, $2::date, x.service_code, x.language, x.kind, coalesce(x.step, -1), x.n
     FROM jsonb_to_recordset($3::jsonb) AS x(service_code text, language text, kind text, step int, n int)`,
    [e.id, day, JSON.stringify(e.counts.map((c) => (c.kind === 'started' ? { ...c, step: -1 } : c)))],
  );
  return { result: { id: e.id, outcome: 'accepted' }, requestId: null };
}
