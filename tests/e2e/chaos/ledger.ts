/**
 * The end of a chaos run, held to what was filed: read as the council's
 * manager would (staff list and request pages, photos from
 * GET /api/attachments/{sha256}), every item must be on the server exactly
 * once with its description, service and answers, its photos byte-for-byte
 * (sha-256 of what the server serves = what the device attached), and the
 * status the desk last gave it.
 */
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { createHash } from 'node:crypto';
import type { Item } from './device';
import type { NetworkChaos } from './faults';
import { MANAGER } from './server';

export interface ServerCopy {
  readonly tracking: string;
  readonly status: string;
}

export interface Tally {
  readonly submitted: number;
  readonly delivered: number;
  readonly lost: number;
  readonly duplicated: number;
  /** Items on the server once but with wrong content, photos or status, each said in words. */
  readonly wrong: string[];
  /** id → what the server holds, for the devices' check. */
  readonly copies: Map<string, ServerCopy>;
}

export async function managerApi(origin: string): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL: origin });
  const res = await api.post('/api/auth/login', { data: MANAGER });
  if (!res.ok()) throw new Error(`manager sign-in: ${res.status()} ${await res.text()}`);
  return api;
}

async function json<T>(api: APIRequestContext, url: string): Promise<T> {
  const res = await api.get(url);
  if (!res.ok()) throw new Error(`GET ${url}: ${res.status()}`);
  return (await res.json()) as T;
}

interface ListItem {
  tracking: string;
  summary: string | null;
}

interface Detail {
  tracking: string;
  service_code: string;
  status: string;
  description: string | null;
  attributes: Record<string, unknown>;
  photos: { sha256: string; uploaded: boolean }[];
}

async function allRequests(api: APIRequestContext): Promise<ListItem[]> {
  const out: ListItem[] = [];
  for (let page = 1; ; page++) {
    const got = await json<{ items: ListItem[]; total: number }>(
      api,
      `/api/staff/requests?per_page=100&page=${page}&sort=due`,
    );
    out.push(...got.items);
    if (got.items.length === 0 || out.length >= got.total) return out;
  }
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * `statuses`: what the desk may have left each item at (by id): the status it
 * set, or either of two when the server died before answering; others must
 * still be 'submitted'.
 */
export async function tally(
  api: APIRequestContext,
  items: readonly Item[],
  chaos: NetworkChaos,
  statuses: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<Tally> {
  const listed = await allRequests(api);
  const byDescription = new Map<string, string[]>();
  for (const l of listed) {
    const list = byDescription.get(l.summary ?? '') ?? [];
    list.push(l.tracking);
    byDescription.set(l.summary ?? '', list);
  }
  const wrong: string[] = [];
  const copies = new Map<string, ServerCopy>();
  let delivered = 0;
  let lost = 0;
  let duplicated = 0;
  for (const item of items) {
    const found = byDescription.get(item.description) ?? [];
    // One event answered with two trackings would be a duplicate even if one row were later merged.
    const wire = chaos.trackings.get(item.id) ?? new Set<string>();
    if (found.length === 0) {
      lost++;
      continue;
    }
    delivered++;
    if (found.length > 1 || wire.size > 1) duplicated++;
    const tracking = found[0] ?? '';
    if (wire.size === 1 && !wire.has(tracking))
      wrong.push(`${item.description}: the server answered ${[...wire].join()} but holds ${tracking}`);
    const d = await json<Detail>(api, `/api/staff/requests/${tracking}`);
    copies.set(item.id, { tracking, status: d.status });
    const problems: string[] = [];
    if (d.description !== item.description) problems.push(`description ${JSON.stringify(d.description)}`);
    if (d.service_code !== 'pothole') problems.push(`service ${d.service_code}`);
    if (JSON.stringify(sorted(d.attributes)) !== JSON.stringify(sorted(item.attributes)))
      problems.push(`answers ${JSON.stringify(d.attributes)}`);
    const want = statuses.get(item.id) ?? new Set(['submitted']);
    if (!want.has(d.status)) problems.push(`status ${d.status}, the desk set ${[...want].join(' or ')}`);
    const held = d.photos.map((p) => p.sha256);
    if (JSON.stringify(held) !== JSON.stringify(item.photos)) problems.push(`photos ${held.join()}`);
    for (const sha of item.photos) {
      const res = await api.get(`/api/attachments/${sha}`);
      if (!res.ok()) problems.push(`photo ${sha.slice(0, 8)} answers ${res.status()}`);
      else if (sha256(await res.body()) !== sha) problems.push(`photo ${sha.slice(0, 8)} has other bytes`);
    }
    if (problems.length) wrong.push(`${item.description} (${tracking}): ${problems.join('; ')}`);
  }
  const mine = new Set(items.map((i) => i.description));
  const strays = listed.filter((l) => !mine.has(l.summary ?? ''));
  for (const s of strays) wrong.push(`a request nobody filed: ${s.tracking} ${JSON.stringify(s.summary)}`);
  return { submitted: items.length, delivered, lost, duplicated, wrong, copies };
}

function sorted(o: Record<string, unknown>): [string, unknown][] {
  return Object.entries(o).sort(([a], [b]) => a.localeCompare(b));
}
