/**
 * Web push: web-push encrypts the payload for the subscription (RFC 8291,
 * aes128gcm) and signs the VAPID header (RFC 8292); the POST to the push
 * service goes through httpPost so its address is checked like any other a
 * device names. A push service saying the subscription is gone (404, 410)
 * is permanent: the subscription is removed by the caller.
 */
import webpush from 'web-push';
import type { NotifySettings } from '../settings';
import { httpPost } from './http-post';
import { SendError, isTemporaryStatus } from './errors';

export interface PushTarget {
  readonly endpoint: string;
  readonly p256dh: string;
  readonly auth: string;
}

export interface PushPayload {
  readonly title: string;
  readonly body: string;
  /** A path of this site: the request page the notification opens. */
  readonly url: string;
  readonly lang: string;
  readonly tracking: string;
}

export class GoneSubscriptionError extends SendError {
  constructor(status: number) {
    super(`push service answered HTTP ${status}: the subscription has expired or was removed`, true);
    this.name = 'GoneSubscriptionError';
  }
}

/** Hours the push service may hold a message for a device that is off. */
const TTL_SECONDS = 24 * 3600;

export function pushSender(settings: NotifySettings) {
  return async (target: PushTarget, payload: PushPayload): Promise<void> => {
    const details = webpush.generateRequestDetails(
      { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
      JSON.stringify(payload),
      {
        vapidDetails: {
          subject: settings.vapidSubject,
          publicKey: settings.vapid.publicKey,
          privateKey: settings.vapid.privateKey,
        },
        TTL: TTL_SECONDS,
        contentEncoding: 'aes128gcm',
        urgency: 'normal',
      },
    );
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(details.headers)) headers[k] = String(v);
    const res = await httpPost(details.endpoint, headers, details.body, {
      allowPrivate: settings.pushAllowPrivate,
      timeoutMs: 15_000,
    });
    if (res.status >= 200 && res.status < 300) return;
    if (res.status === 404 || res.status === 410) throw new GoneSubscriptionError(res.status);
    throw new SendError(
      `push service answered HTTP ${res.status} ${res.body}`.trim(),
      !isTemporaryStatus(res.status),
    );
  };
}
