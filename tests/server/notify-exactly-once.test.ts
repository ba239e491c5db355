/**
 * Exactly once under load: two workers share one queue — on PostgreSQL each
 * with its own connection pool, as two server processes would — while the
 * fakes at the edge fail some first attempts. Every row must arrive once:
 * not lost, not twice. Prints the figures the closing note quotes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../server/db/postgres';
import type { Db } from '../../server/db/types';
import { runNotificationsOnce, type RunResult } from '../../server/notify/worker';
import { databases } from './helpers/databases';
import { startEdgeServer, type EdgeServer } from './helpers/edge-http';
import { createEvent } from './helpers/events';
import { startMailSink, type MailSink } from './helpers/mail';
import { makeSubscriber, type TestSubscriber } from './helpers/push-keys';
import { TestServer } from './helpers/server';

const REQUESTS = 12;
/** A load test on a shared machine: PGlite alone needs well over the default 30 s when the machine is busy. */
const TIMEOUT_MS = 120_000;

describe.each(databases)('two workers on one queue ($name)', (target) => {
  let s: TestServer;
  let edge: EdgeServer;
  let mail: MailSink;
  let second: Db | undefined;

  beforeAll(async () => {
    edge = await startEdgeServer();
    mail = await startMailSink();
    s = await TestServer.start(target, {
      notify: { smtpUrl: mail.url, smsWebhookUrl: `${edge.origin}/sms`, pushAllowPrivate: true },
    });
    if (s.db.kind === 'postgres') {
      const [row] = await s.db.query<{ schema: string }>('SELECT current_schema() AS schema');
      second = openPostgres({
        connectionString: process.env.DATABASE_URL ?? '',
        schema: row?.schema ?? '',
        max: 4,
      });
    }
  });
  afterAll(async () => {
    await second?.close();
    await s.close();
    await edge.close();
    await mail.close();
  });

  it(
    'delivers every row exactly once, retries included',
    async () => {
      const { cookie } = await s.staffSession('agent');
      const subscribers = new Map<string, TestSubscriber>();
      const requests = [];
      for (let i = 0; i < REQUESTS; i++) {
        const r = await s.submit(createEvent({ request: { language: i % 2 ? 'fr' : 'en' } }));
        const sub = makeSubscriber();
        const res = await s.post('/api/push/subscriptions', {
          tracking: r.tracking,
          token: r.token,
          language: 'en',
          subscription: { endpoint: `${edge.origin}/push/${r.tracking}`, keys: sub.keys },
        });
        expect(res.status).toBe(201);
        subscribers.set(r.tracking, sub);
        requests.push(r);
      }
      for (const r of requests) {
        expect((await s.post(`/api/staff/requests/${r.tracking}/acknowledge`, {}, { cookie })).status).toBe(
          200,
        );
        const res = await s.post(
          `/api/staff/requests/${r.tracking}/status`,
          { to: 'resolved', message: 'Done' },
          { cookie },
        );
        expect(res.status).toBe(200);
      }
      const rows = REQUESTS * 2 * 3;
      // Some first attempts fail at every edge: they must come back once, later.
      edge.answerNext('/sms', 503, 500, 429, 503);
      edge.answerNext('/push/', 500, 503, 500);
      mail.refuseNext(3, 421);

      const workers = [
        { name: 'server-a', db: s.db },
        { name: 'server-b', db: second ?? s.db },
      ];
      const totals: RunResult = { claimed: 0, delivered: 0, retried: 0, failed: 0 };
      const byWorker = new Map<string, number>();
      let clock = Date.now();
      for (let round = 0; round < 50; round++) {
        s.setNow(new Date(clock));
        const results = await Promise.all(
          workers.map((w) => runNotificationsOnce({ ...s.liveDeps, db: w.db }, { worker: w.name, limit: 7 })),
        );
        results.forEach((r, i) => {
          for (const k of ['claimed', 'delivered', 'retried', 'failed'] as const) totals[k] += r[k];
          const name = workers[i]!.name;
          byWorker.set(name, (byWorker.get(name) ?? 0) + r.delivered);
        });
        const [left] = await s.db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM notifications WHERE state IN ('pending', 'retry', 'sending')",
        );
        if (left?.n === 0) break;
        // Nothing due now: move the clock past the backoff.
        if (results.every((r) => r.claimed === 0)) clock += 10 * 60_000;
      }
      s.setNow(undefined);

      // What arrived at the edge, keyed by what it was about.
      const smsKeys = edge
        .callsTo('/sms')
        .map((c) => JSON.parse(c.body.toString()) as { request: string; text: string })
        .map((m) => `sms ${m.request} ${m.text.split('\n')[0]}`);
      const pushKeys = edge.callsTo('/push/').map((c) => {
        const tracking = c.path.slice('/push/'.length);
        const payload = JSON.parse(subscribers.get(tracking)?.decrypt(c.body) ?? '{}') as { title: string };
        return `push ${tracking} ${payload.title}`;
      });
      const mailKeys = mail.received.map((m) => `email ${m.headers.get('subject')}`);
      // The fakes answered the failed attempts with errors; everything else they took counts as delivered.
      const deliveredAtEdge = smsKeys.length - 4 + pushKeys.length - 3 + mailKeys.length;
      const distinct = new Set([...smsKeys, ...pushKeys, ...mailKeys]).size;
      const duplicates = deliveredAtEdge - rows;

      const states = await s.db.query<{ state: string; n: number }>(
        'SELECT state, count(*)::int AS n FROM notifications GROUP BY state',
      );
      expect(states).toEqual([{ state: 'delivered', n: rows }]);
      expect(totals.delivered).toBe(rows);
      expect(totals.retried).toBe(10);
      expect(distinct).toBe(rows);
      expect(duplicates).toBe(0);
      expect(mailKeys).toHaveLength(rows / 3);
      expect(new Set(mailKeys).size).toBe(rows / 3);
      // Both workers did part of the work: the rows were really shared.
      expect([...byWorker.values()].every((n) => n > 0)).toBe(true);
      console.log(
        `notifications (${target.name}, two workers${second ? ', two connection pools' : ''}): ` +
          `rows ${rows}, sent ${totals.delivered}, retried ${totals.retried}, failed ${totals.failed}, ` +
          `duplicates ${duplicates}; per worker ${[...byWorker].map(([k, v]) => `${k} ${v}`).join(', ')}`,
      );
    },
    TIMEOUT_MS,
  );
});
