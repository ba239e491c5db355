/**
 * After a load run: waits until the notification workers have sent everything
 * (the admin's counts by state over HTTP, so PGlite can be asked while its one
 * process holds the folder), then, with the servers stopped, counts in the
 * database by event id: requests stored twice, events answered but not stored,
 * stored under another tracking number than the receipt said, and notification
 * rows per request, kind and channel more than once; and at the fake SMTP and
 * SMS servers, messages received twice.
 */
import { openDb } from '../../server/db/open';
import type { MailSink } from '../../tests/server/helpers/mail';
import type { EdgeServer } from '../../tests/server/helpers/edge-http';
import { get } from './http';
import type { Target } from './servers';

export interface Delivery {
  readonly counts: Record<string, number>;
  readonly waitedS: number;
}

const UNSENT = ['pending', 'retry', 'sending'];

/** Polls GET /api/staff/notifications until nothing is waiting (or `timeoutMs`). */
export async function waitForNotifications(
  url: string,
  cookie: string,
  timeoutMs: number,
): Promise<Delivery> {
  const t0 = performance.now();
  let counts: Record<string, number> = {};
  while (performance.now() - t0 < timeoutMs) {
    const a = await get(url, '/api/staff/notifications?per_page=1', cookie);
    counts = (a.value as { counts?: Record<string, number> } | undefined)?.counts ?? {};
    if (a.status === 200 && UNSENT.every((s) => !counts[s])) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return { counts, waitedS: (performance.now() - t0) / 1000 };
}

export interface Integrity {
  readonly stored: number;
  readonly duplicates: number;
  readonly lost: number;
  readonly wrongTracking: number;
  readonly notificationRows: number;
  readonly notificationDuplicates: number;
  readonly delivered: number;
  readonly receivedMail: number;
  readonly receivedSms: number;
  readonly receivedTwice: number;
}

function twice(keys: readonly string[]): number {
  const seen = new Map<string, number>();
  for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  return [...seen.values()].filter((n) => n > 1).length;
}

/** Run with every server of the target stopped (PGlite's folder is then free). */
export async function checkIntegrity(
  target: Target,
  receipts: ReadonlyMap<string, string>,
  mail: MailSink,
  edge: EdgeServer,
): Promise<Integrity> {
  const db = await openDb({ dataDir: target.dataDir, databaseUrl: target.databaseUrl });
  try {
    const ids = [...receipts.keys()];
    const [all] = await db.query<{ n: number; distinct_ids: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT source_event_id)::int AS distinct_ids FROM requests',
    );
    const rows = await db.query<{ id: string; tracking: string }>(
      'SELECT source_event_id::text AS id, tracking FROM requests WHERE source_event_id = ANY($1::uuid[])',
      [ids],
    );
    const found = new Map(rows.map((r) => [r.id, r.tracking]));
    const [notes] = await db.query<{ n: number; delivered: number }>(
      "SELECT count(*)::int AS n, count(*) FILTER (WHERE state = 'delivered')::int AS delivered FROM notifications",
    );
    const [dups] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM notifications
         GROUP BY request_id, kind, channel, subscription_id HAVING count(*) > 1) d`,
    );
    const sms = edge.callsTo('/sms').map((c) => c.body.toString('utf8'));
    const mails = mail.received.map((m) => `${m.to.join(',')} ${m.headers.get('subject') ?? ''}`);
    return {
      stored: all?.n ?? 0,
      duplicates: (all?.n ?? 0) - (all?.distinct_ids ?? 0),
      lost: ids.filter((id) => !found.has(id)).length,
      wrongTracking: ids.filter((id) => found.has(id) && found.get(id) !== receipts.get(id)).length,
      notificationRows: notes?.n ?? 0,
      notificationDuplicates: dups?.n ?? 0,
      delivered: notes?.delivered ?? 0,
      receivedMail: mails.length,
      receivedSms: sms.length,
      receivedTwice: twice(mails) + twice(sms),
    };
  } finally {
    await db.close();
  }
}
