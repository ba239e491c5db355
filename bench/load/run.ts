/**
 * One load run against running servers: `devices` simulated devices, each with
 * `eventsPerDevice` citizen requests in its outbox, flush them over HTTP in one
 * to three batches (at most `concurrency` devices at once), then pull their
 * changes with their tokens, as the app does after a flush. Meanwhile Open311
 * clients read services.json and requests.json, and staff read the queue and
 * acknowledge, then resolve, some of the new requests (which writes the
 * notifications the workers send). With more than one server, each call goes to
 * one at random; a share of batches is sent again to another server after its
 * answer (the answer was lost) or to two servers at the same moment (a device
 * that gave up waiting and retried), and every answer must name the same
 * tracking number for the same event.
 */
import type { EventResult, SyncEvent } from '../../src/core/events';
import { requestEvent } from './events';
import { get, postSync, pullChanges, signIn, staffAction } from './http';
import type { RunningServer } from './servers';
import { STAFF } from './servers';
import { Recorder } from './stats';

export interface LoadOptions {
  readonly devices: number;
  readonly eventsPerDevice: number;
  readonly concurrency: number;
  /** Share of batches sent again to another server after the answer, and at once to two. */
  readonly retryShare: number;
  readonly open311Readers: number;
  readonly staffReaders: number;
  /** How many of the new requests staff acknowledge; half of those they then resolve. */
  readonly staffActions: number;
}

export interface LoadResult {
  readonly recorder: Recorder;
  readonly seconds: number;
  /** Every event sent, with the tracking number its (first) receipt named. */
  readonly receipts: Map<string, string>;
  readonly sent: number;
  /** Events never answered with a receipt after every retry. */
  readonly unanswered: number;
  /** Answers for one event id naming different tracking numbers. */
  readonly conflicts: number;
  readonly retried: number;
  /** Requests acknowledged and resolved by staff. */
  readonly acknowledged: number;
  readonly resolved: number;
}

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;

function split<T>(xs: readonly T[]): T[][] {
  const parts = 1 + Math.floor(Math.random() * 3);
  const size = Math.ceil(xs.length / parts);
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

export async function runLoad(servers: readonly RunningServer[], o: LoadOptions): Promise<LoadResult> {
  const rec = new Recorder();
  const urls = servers.map((s) => s.url);
  const cookie = await signIn(pick(urls), STAFF.email, STAFF.password);
  const receipts = new Map<string, string>();
  const newRequests: string[] = [];
  let conflicts = 0;
  let unanswered = 0;
  let retried = 0;

  const note = (results: readonly EventResult[]): string[] => {
    const tokens: string[] = [];
    for (const r of results) {
      if (r.outcome !== 'accepted' || !r.receipt) continue;
      const before = receipts.get(r.id);
      if (before === undefined) {
        receipts.set(r.id, r.receipt.tracking);
        newRequests.push(r.receipt.tracking);
      } else if (before !== r.receipt.tracking) conflicts++;
      if (r.receipt.token) tokens.push(r.receipt.token);
    }
    return tokens;
  };
  const send = (url: string, batch: readonly SyncEvent[]) =>
    rec.time('sync', async () => {
      const a = await postSync(url, batch);
      return { status: a.status, value: a.value };
    });

  async function flush(batch: readonly SyncEvent[]): Promise<string[]> {
    const roll = Math.random();
    if (urls.length > 1 && roll < o.retryShare / 2) {
      // Sent to two servers at the same moment.
      retried++;
      const [a, b] = await Promise.all([send(urls[0] ?? '', batch), send(urls[1] ?? '', batch)]);
      note(b ?? []);
      if (a && a.length === batch.length) return note(a);
    }
    for (let attempt = 0; attempt < 5; attempt++) {
      const url = pick(urls);
      const results = await send(url, batch);
      if (results && results.length === batch.length) {
        if (urls.length > 1 && roll > 1 - o.retryShare / 2) {
          // The answer was lost on the way: the device sends the batch again, elsewhere.
          retried++;
          note((await send(pick(urls.filter((u) => u !== url)), batch)) ?? []);
        }
        return note(results);
      }
      await new Promise((r) => setTimeout(r, 100 * (attempt + 1)));
    }
    unanswered += batch.filter((e) => !receipts.has(e.id)).length;
    return [];
  }

  async function device(d: number): Promise<void> {
    const outbox = Array.from({ length: o.eventsPerDevice }, (_, n) => requestEvent(d, n));
    const tokens: string[] = [];
    for (const batch of split(outbox)) tokens.push(...(await flush(batch)));
    if (tokens.length > 0)
      await rec.time('changes', async () => {
        const a = await pullChanges(pick(urls), tokens);
        return { status: a.status, value: a.value };
      });
  }

  let done = false;
  const timed = (kind: string, path: string, withCookie = false) =>
    rec.time(kind, async () => get(pick(urls), path, withCookie ? cookie : undefined));
  async function open311Reader(): Promise<void> {
    while (!done) {
      await timed('services', '/open311/v2/services.json');
      await timed('requests', '/open311/v2/requests.json?page_size=100');
    }
  }
  let acknowledged = 0;
  let resolved = 0;
  // The acting reader goes on after the devices are done until it has acted on as many
  // requests as asked, so the notification counts do not depend on the machine's speed.
  const acting = (first: boolean) => first && acknowledged < o.staffActions && newRequests.length > 0;
  async function staffReader(first: boolean): Promise<void> {
    while (!done || acting(first)) {
      await timed('staff-queue', '/api/staff/requests?open=true&per_page=25', true);
      const tracking = first ? newRequests.shift() : undefined;
      if (tracking && acknowledged < o.staffActions) {
        const ack = await rec.time('staff-action', () =>
          staffAction(pick(urls), cookie, tracking, 'acknowledge', {}),
        );
        if (ack !== undefined) acknowledged++;
        if (ack !== undefined && acknowledged % 2 === 0) {
          const res = await rec.time('staff-action', () =>
            staffAction(pick(urls), cookie, tracking, 'status', {
              to: 'resolved',
              message: 'Fixed, thank you',
            }),
          );
          if (res !== undefined) resolved++;
        }
      }
    }
  }

  const readers = [
    ...Array.from({ length: o.open311Readers }, () => open311Reader()),
    ...Array.from({ length: o.staffReaders }, (_, i) => staffReader(i === 0)),
  ];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: o.concurrency }, async () => {
      while (next < o.devices) await device(next++);
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  done = true;
  await Promise.all(readers);
  return {
    recorder: rec,
    seconds,
    receipts,
    sent: o.devices * o.eventsPerDevice,
    unanswered,
    conflicts,
    retried,
    acknowledged,
    resolved,
  };
}
