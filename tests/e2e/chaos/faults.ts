/**
 * Network chaos at the browser context (the service worker's requests pass
 * through context routes too): a share of the sync calls — POST /api/sync,
 * PUT /api/attachments, GET /api/sync/changes — fail as a bad network or a
 * struggling server would make them fail: connection reset, 500, 502, 503,
 * a timeout, or the real answer cut halfway (the server did the work; the
 * device cannot read that it did). Everything else reaches the real server.
 *
 * Also the wire's ledger: which trackings the server handed out for each
 * event id (a second tracking for one event would be a duplicate), and a
 * hook that tells the run when a batch is on its way to the server, so the
 * process can be killed mid-flush.
 */
import type { BrowserContext, Request, Route } from '@playwright/test';
import { hash32, mulberry32, pick } from './random';

export type FaultKind = 'reset' | '500' | '502' | '503' | 'timeout' | 'half';
const KINDS: readonly FaultKind[] = ['reset', '500', '502', '503', 'timeout', 'half'];

interface SyncAnswer {
  results?: { id: string; outcome: string; receipt?: { tracking: string } }[];
}

export class NetworkChaos {
  /** Share of calls that fail while chaos is on (0 once the run stops injecting). */
  rate = 0;
  readonly injected: Record<FaultKind, number> = {
    reset: 0,
    '500': 0,
    '502': 0,
    '503': 0,
    timeout: 0,
    half: 0,
  };
  calls = 0;
  /** event id → every tracking the server answered it with (accepted), across all devices. */
  readonly trackings = new Map<string, Set<string>>();
  private readonly seen = new Map<string, number>();
  private inFlightWaiters: (() => void)[] = [];

  constructor(private readonly seed: number) {}

  async attach(context: BrowserContext): Promise<void> {
    await context.route('**/api/sync', (route) => this.onCall(route));
    await context.route('**/api/sync/changes*', (route) => this.onCall(route));
    await context.route('**/api/attachments/**', (route) => this.onCall(route));
  }

  get faults(): number {
    return Object.values(this.injected).reduce((a, b) => a + b, 0);
  }

  /** Resolves when the next batch is handed to the server (for a kill mid-flush). */
  nextBatchInFlight(): Promise<void> {
    return new Promise((resolve) => this.inFlightWaiters.push(resolve));
  }

  /** The same call (same batch, same photo, same pull) seen for the n-th time draws the same fate on a rerun. */
  private decide(request: Request): FaultKind | undefined {
    if (this.rate <= 0) return undefined;
    const path = new URL(request.url()).pathname;
    const body = request.method() === 'POST' ? eventIds(request).sort().join(',') : '';
    const key = `${request.method()} ${path} ${body}`;
    const n = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, n);
    const random = mulberry32(hash32(`${this.seed}|${key}|${n}`));
    return random() < this.rate ? pick(random, KINDS) : undefined;
  }

  private async onCall(route: Route): Promise<void> {
    const request = route.request();
    const method = request.method();
    if (!['POST', 'PUT', 'GET'].includes(method)) return route.continue();
    this.calls++;
    const fault = this.decide(request);
    if (fault) this.injected[fault]++;
    try {
      if (fault === 'reset') return await route.abort('connectionreset');
      if (fault === 'timeout') return await route.abort('timedout');
      if (fault === '500' || fault === '502' || fault === '503')
        return await route.fulfill({ status: Number(fault), json: { error: 'injected' } });
      if (method === 'POST') {
        const waiters = this.inFlightWaiters;
        this.inFlightWaiters = [];
        waiters.forEach((w) => w());
      }
      const response = await route.fetch().catch(() => undefined);
      // The server went away under the call (killed): the device sees the connection drop.
      if (!response) return await route.abort('connectionrefused');
      const body = await response.body();
      if (method === 'POST' && response.ok()) this.note(body, createIds(request));
      if (fault === 'half') {
        const headers = { ...response.headers() };
        delete headers['content-length'];
        delete headers['content-encoding'];
        return await route.fulfill({
          status: response.status(),
          headers,
          body: body.subarray(0, Math.floor(body.length / 2)),
        });
      }
      return await route.fulfill({ response, body });
    } catch {
      // The page went away (a reload for the update, a closed tab): nothing left to answer.
    }
  }

  /** Only create_request answers: a photo link's answer carries its request's tracking too. */
  private note(body: Buffer, creates: ReadonlySet<string>): void {
    let answer: SyncAnswer;
    try {
      answer = JSON.parse(body.toString('utf8')) as SyncAnswer;
    } catch {
      return;
    }
    for (const r of answer.results ?? []) {
      if (r.outcome !== 'accepted' || !r.receipt || !creates.has(r.id)) continue;
      const set = this.trackings.get(r.id) ?? new Set<string>();
      set.add(r.receipt.tracking);
      this.trackings.set(r.id, set);
    }
  }
}

function events(request: Request): { id?: unknown; type?: unknown }[] {
  try {
    const body = request.postDataJSON() as { events?: { id?: unknown; type?: unknown }[] } | null;
    return body?.events ?? [];
  } catch {
    return [];
  }
}

function eventIds(request: Request): string[] {
  return events(request).map((e) => String(e.id));
}

function createIds(request: Request): Set<string> {
  return new Set(
    events(request)
      .filter((e) => e.type === 'create_request')
      .map((e) => String(e.id)),
  );
}
