/**
 * Web push for one request, the page's side: asks the browser for permission
 * (only when the person pressed the button), subscribes this device's
 * service worker with the server's VAPID key (GET /api/push/key) and
 * registers the subscription for the request (POST /api/push/subscriptions);
 * turning off removes it there (DELETE). Answers plain outcome codes that the
 * page words; never throws for network or browser trouble.
 */
import { z } from 'zod/mini';
import type { Lang } from '../core/lang';
// Types only: importing the module would build its schemas, and their checks (z.url and
// the like, 2.5 KB) would be drawn into the shell chunk, where zod lives. The server checks
// both bodies with them (server/routes/push.ts); the paths are typed to match the core's.
import type { PUSH_KEY_PATH, PUSH_SUBSCRIPTIONS_PATH, PushSubscriptionJson } from '../core/push';

const KEY_PATH: typeof PUSH_KEY_PATH = '/api/push/key';
const SUBSCRIPTIONS_PATH: typeof PUSH_SUBSCRIPTIONS_PATH = '/api/push/subscriptions';

export type PushOutcome = 'on' | 'off' | 'offline' | 'not_allowed' | 'stopped' | 'too_many' | 'failed';

const keySchema = z.object({ publicKey: z.string().check(z.regex(/^[A-Za-z0-9_-]+$/)) });
const errorSchema = z.object({ error: z.string() });

class Offline extends Error {}

async function send(path: string, init: RequestInit = {}): Promise<Response> {
  if (!navigator.onLine) throw new Offline();
  try {
    return await fetch(path, { ...init, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    // fetch rejects only when no answer came.
    throw new Offline();
  }
}

function toBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function sameKey(a: ArrayBuffer | null | undefined, b: Uint8Array): boolean {
  const x = new Uint8Array(a ?? new ArrayBuffer(0));
  return x.length === b.length && x.every((v, i) => v === b[i]);
}

/** This device's subscription made with the server's key (a stale one, made with another key, is replaced). */
async function subscription(publicKey: string): Promise<PushSubscription | undefined> {
  const reg = await navigator.serviceWorker.getRegistration();
  if (!reg) return undefined;
  const key = toBytes(publicKey);
  const existing = await reg.pushManager.getSubscription();
  if (existing && sameKey(existing.options.applicationServerKey, key)) return existing;
  await existing?.unsubscribe();
  return reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
}

async function refusal(res: Response): Promise<PushOutcome> {
  if (res.status !== 409) return 'failed';
  const body = errorSchema.safeParse(await res.json().catch(() => null));
  if (body.success && body.data.error === 'stopped') return 'stopped';
  return body.success && body.data.error === 'too_many' ? 'too_many' : 'failed';
}

export interface PushRequest {
  readonly tracking: string;
  readonly token: string;
  readonly language: Lang;
}

/** Turns notifications on for a request; on 'on', `endpoint` is what turning off needs. */
export async function turnPushOn(r: PushRequest): Promise<{ outcome: PushOutcome; endpoint?: string }> {
  try {
    if (!navigator.onLine) return { outcome: 'offline' };
    if ((await Notification.requestPermission()) !== 'granted') return { outcome: 'not_allowed' };
    const keyRes = await send(KEY_PATH);
    const key = keySchema.safeParse(keyRes.ok ? await keyRes.json() : null);
    if (!key.success) return { outcome: 'failed' };
    const sub = await subscription(key.data.publicKey);
    if (!sub) return { outcome: 'failed' };
    const json = sub.toJSON() as PushSubscriptionJson;
    const res = await send(SUBSCRIPTIONS_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        tracking: r.tracking,
        token: r.token,
        language: r.language,
        subscription: json,
      }),
    });
    return res.ok ? { outcome: 'on', endpoint: sub.endpoint } : { outcome: await refusal(res) };
  } catch (e) {
    if (e instanceof Offline) return { outcome: 'offline' };
    // The browser refused to subscribe (no push service reachable, a private window).
    console.error('turning on notifications failed', e);
    return { outcome: 'failed' };
  }
}

/**
 * Turns them off for a request. The browser's subscription itself stays: one
 * subscription serves every request on this device that has them on.
 */
export async function turnPushOff(r: Omit<PushRequest, 'language'>, endpoint: string): Promise<PushOutcome> {
  try {
    const res = await send(SUBSCRIPTIONS_PATH, {
      method: 'DELETE',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ tracking: r.tracking, token: r.token, endpoint }),
    });
    // 404: the server no longer knows it (the request's token changed): off either way.
    return res.ok || res.status === 404 ? 'off' : 'failed';
  } catch (e) {
    if (e instanceof Offline) return 'offline';
    return 'failed';
  }
}
