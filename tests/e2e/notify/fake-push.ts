/**
 * The edge of the world for web push in a real Chromium. Headless Chromium
 * reaches no push service, so the test stands in for one: in the page only,
 * PushManager.prototype.subscribe answers a subscription whose endpoint is
 * the test's local push server and whose keys the test made (so it can
 * decrypt what the server sends, ../../server/helpers/push-keys.ts); what
 * arrives there is handed to the real service worker as Chromium's push
 * service would, with DevTools' ServiceWorker.deliverPushMessage. The
 * notifications the worker then shows are read back from its registration.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';

export interface FakeSubscription {
  readonly endpoint: string;
  readonly keys: { p256dh: string; auth: string };
}

/** What the page asked pushManager.subscribe for, as the fake saw it. */
export interface SubscribeCall {
  readonly userVisibleOnly: boolean;
  /** The applicationServerKey, base64url. */
  readonly applicationServerKey: string;
}

export const SUBSCRIBE_CALLS_KEY = 'test-push-subscribe-calls';

export async function fakePushSubscription(context: BrowserContext, sub: FakeSubscription): Promise<void> {
  await context.addInitScript(
    ({ sub, callsKey }) => {
      const b64 = (bytes: Uint8Array) =>
        btoa(String.fromCharCode(...bytes))
          .replace(/\+/g, '-')
          .replace(/\//g, '_')
          .replace(/=+$/, '');
      const bytesOf = (key: BufferSource | string | null | undefined): Uint8Array => {
        if (typeof key === 'string' || key == null) return new Uint8Array(0);
        return key instanceof ArrayBuffer ? new Uint8Array(key) : new Uint8Array(key.buffer);
      };
      PushManager.prototype.subscribe = function (options?: PushSubscriptionOptionsInit) {
        const key = bytesOf(options?.applicationServerKey);
        const calls = JSON.parse(sessionStorage.getItem(callsKey) ?? '[]') as unknown[];
        calls.push({ userVisibleOnly: options?.userVisibleOnly === true, applicationServerKey: b64(key) });
        sessionStorage.setItem(callsKey, JSON.stringify(calls));
        const json = { endpoint: sub.endpoint, expirationTime: null, keys: sub.keys };
        return Promise.resolve({
          endpoint: sub.endpoint,
          expirationTime: null,
          options: { userVisibleOnly: options?.userVisibleOnly === true, applicationServerKey: key.buffer },
          getKey: () => null,
          toJSON: () => json,
          unsubscribe: () => Promise.resolve(true),
        } as unknown as PushSubscription);
      };
    },
    { sub, callsKey: SUBSCRIBE_CALLS_KEY },
  );
}

export async function subscribeCalls(page: Page): Promise<SubscribeCall[]> {
  return page.evaluate(
    (key) => JSON.parse(sessionStorage.getItem(key) ?? '[]') as SubscribeCall[],
    SUBSCRIBE_CALLS_KEY,
  );
}

export interface PushDelivery {
  /** Hands a (decrypted) payload to the origin's service worker as a push event. */
  deliver(data: string): Promise<void>;
}

/** A DevTools session on the page that knows the service worker's registration. */
export async function pushDelivery(page: Page, origin: string): Promise<PushDelivery> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const registrationId = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const r = registrations.find((x) => !x.isDeleted && x.scopeURL === `${origin}/`);
      if (r) resolve(r.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  const id = await registrationId;
  return {
    async deliver(data) {
      await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId: id, data });
    },
  };
}

export interface ShownNotification {
  readonly title: string;
  readonly body: string;
  readonly tag: string;
  readonly lang: string;
}

/** The notifications the service worker shows now (registration.getNotifications()). */
export async function shownNotifications(page: Page): Promise<ShownNotification[]> {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    return (await reg.getNotifications()).map((n) => ({
      title: n.title,
      body: n.body,
      tag: n.tag,
      lang: n.lang,
    }));
  });
}
