/**
 * Watches (and, when asked, disturbs) the device's sync traffic at the
 * browser context, which sees the service worker's requests as well as the
 * page's. Real requests reach the real server; only scripted faults are
 * answered here. Records which events each POST /api/sync carried and what
 * the server answered, so a spec can prove each request went exactly once.
 */
import type { APIRequestContext, BrowserContext, Page, Route } from '@playwright/test';
import { createHash } from 'node:crypto';

interface PostedEvent {
  readonly id: string;
  readonly type: string;
}

export interface AnsweredResult {
  readonly id: string;
  readonly outcome: 'accepted' | 'rejected';
  readonly receipt?: { readonly tracking: string };
  readonly reason?: string;
}

export class SyncTraffic {
  /** Every POST /api/sync that reached the server, with its events and the answers. */
  readonly delivered: { events: PostedEvent[]; results: AnsweredResult[]; fromWorker: boolean }[] = [];
  /** Every photo upload: the hash in the address and the hash of the bytes that went. */
  readonly uploads: { urlHash: string; bodyHash: string; status: number; answer: unknown }[] = [];
  /** Statuses to answer the next POSTs with instead of the server (fault injection). */
  failNext: number[] = [];
  /** Rewrites a batch before it goes on (to make the real server refuse an event). */
  tamper: ((events: Record<string, unknown>[]) => void) | undefined;
  posts = 0;
  /** Calls made while the context was offline, answered as a lost network. */
  offlineAttempts = 0;
  private offline = false;

  static async attach(context: BrowserContext): Promise<SyncTraffic> {
    const traffic = new SyncTraffic();
    // Chromium 150 hands a request to the route even while the context is offline, and
    // route.fetch() then sends it from Node, which is online: the phone would have
    // reached the server with no network. So the route keeps the offline state and
    // answers as a lost network would.
    const setOffline = context.setOffline.bind(context);
    context.setOffline = async (offline: boolean) => {
      traffic.offline = offline;
      await setOffline(offline);
    };
    await context.route('**/api/sync', (route) => traffic.onSync(route));
    await context.route('**/api/attachments/**', (route) => traffic.onUpload(route));
    return traffic;
  }

  /** How many times the server accepted an event with this id (a replay is not a second delivery). */
  acceptedTrackings(id: string): string[] {
    const all = this.delivered
      .flatMap((d) => d.results)
      .filter((r) => r.id === id && r.outcome === 'accepted');
    return [...new Set(all.map((r) => r.receipt?.tracking ?? ''))];
  }

  /** How many POSTs carried this event id. */
  timesSent(id: string): number {
    return this.delivered.filter((d) => d.events.some((e) => e.id === id)).length;
  }

  private async onSync(route: Route): Promise<void> {
    if (this.offline) return this.lost(route);
    if (route.request().method() !== 'POST') return route.continue();
    this.posts++;
    const status = this.failNext.shift();
    if (status !== undefined) return route.fulfill({ status, json: { error: 'injected' } });
    const body = route.request().postDataJSON() as { events: Record<string, unknown>[] };
    this.tamper?.(body.events);
    const response = await route.fetch({ postData: JSON.stringify(body) });
    const answer = (await response.json()) as { results?: AnsweredResult[] };
    this.delivered.push({
      events: body.events.map((e) => ({ id: String(e['id']), type: String(e['type']) })),
      results: answer.results ?? [],
      fromWorker: route.request().serviceWorker() !== null,
    });
    await route.fulfill({ response, json: answer });
  }

  private async lost(route: Route): Promise<void> {
    this.offlineAttempts++;
    await route.abort('internetdisconnected');
  }

  private async onUpload(route: Route): Promise<void> {
    if (this.offline) return this.lost(route);
    const bytes = route.request().postDataBuffer() ?? Buffer.alloc(0);
    const response = await route.fetch();
    const answer: unknown = await response.json().catch(() => undefined);
    this.uploads.push({
      urlHash: route.request().url().split('/').pop() ?? '',
      bodyHash: createHash('sha256').update(bytes).digest('hex'),
      status: response.status(),
      answer,
    });
    await route.fulfill({ response });
  }
}

/** What the server says about a request, read as anyone with its number and access code would. */
export async function serverRequest(
  api: APIRequestContext,
  tracking: string,
  token: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await api.get(`/api/requests/${tracking}`, { headers: { 'X-Access-Token': token } });
  return { status: res.status(), body: res.ok() ? ((await res.json()) as Record<string, unknown>) : {} };
}

/** A value from the device's `meta` table (IndexedDB 'civic-desk'), read the way the app stores it. */
export async function deviceMeta(page: Page, key: string): Promise<unknown> {
  return page.evaluate(async (k) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('civic-desk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    try {
      return await new Promise<unknown>((resolve, reject) => {
        const get = db.transaction('meta').objectStore('meta').get(k);
        get.onsuccess = () => resolve((get.result as { value?: unknown } | undefined)?.value);
        get.onerror = () => reject(get.error ?? new Error('read failed'));
      });
    } finally {
      db.close();
    }
  }, key);
}
