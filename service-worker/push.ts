/**
 * Web push in the worker. 'push': the payload is checked with the core
 * schema and shown as a notification in the language the server wrote it in,
 * one per request (its tag), so a newer update replaces the older; then the
 * worker pulls changes, so the app already shows what the notification says.
 * 'notificationclick': closes it and brings up the request page — an open
 * window on it if there is one, else a new one (the request on this device
 * when it holds it, else the page the server named).
 */
import { pushPayloadSchema } from '../src/core/push-payload';
import { db } from '../src/db/database';
import { flushAndTell } from './sync';

declare let self: ServiceWorkerGlobalScope;

interface ShownData {
  readonly url: string;
  readonly tracking: string;
}

function readPayload(event: PushEvent) {
  try {
    const parsed = pushPayloadSchema.safeParse(event.data?.json());
    return parsed.success ? parsed.data : undefined;
  } catch {
    // Not JSON: not ours to show.
    return undefined;
  }
}

async function onPush(event: PushEvent): Promise<void> {
  const p = readPayload(event);
  if (!p) return;
  const data: ShownData = { url: p.url, tracking: p.tracking };
  await self.registration.showNotification(p.title, {
    body: p.body,
    tag: `request-${p.tracking}`,
    lang: p.lang,
    // From the text itself (Arabic right to left): the language list would cost the worker 0.3 KB.
    dir: 'auto',
    icon: '/icons/icon-192.png',
    data,
    // A replaced notification alerts again: each update is news.
    ...{ renotify: true },
  });
  await flushAndTell();
}

function shownData(value: unknown): ShownData | undefined {
  const d = value as Partial<ShownData> | null;
  return typeof d?.url === 'string' && d.url.startsWith('/') && typeof d.tracking === 'string'
    ? { url: d.url, tracking: d.tracking }
    : undefined;
}

async function openRequest(data: ShownData | undefined): Promise<void> {
  const named = new URL(data?.url ?? '/', self.location.origin);
  const mine = data && (await db.requests.where('tracking').equals(data.tracking).first());
  const target = mine ? new URL(`/requests/${mine.id}`, self.location.origin) : named;
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((w) => {
    const at = new URL(w.url);
    return [target.href, named.href].includes(at.origin + at.pathname + at.search);
  });
  if (open) await open.focus();
  else await self.clients.openWindow(target.href);
}

export function registerPush(): void {
  self.addEventListener('push', (event) => event.waitUntil(onPush(event)));
  self.addEventListener('notificationclick', (event) => {
    event.notification.close();
    event.waitUntil(openRequest(shownData(event.notification.data)));
  });
}
