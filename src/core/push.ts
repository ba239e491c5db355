/**
 * The contract for web push between the app and the server: where to get the
 * server's VAPID public key, and how a device that holds a request's access
 * token registers (or removes) a push subscription for that request. The
 * subscription is what PushSubscription.toJSON() gives in the browser.
 */
import { z } from 'zod/mini';
import { accessTokenSchema, trackingSchema } from './events';
import { langSchema } from './lang';

export const PUSH_KEY_PATH = '/api/push/key';
export const PUSH_SUBSCRIPTIONS_PATH = '/api/push/subscriptions';

/** base64url without padding, as browsers give the keys. */
const base64url = z.string().check(z.regex(/^[A-Za-z0-9_-]+$/));

export const pushSubscriptionSchema = z.object({
  endpoint: z.url().check(z.maxLength(2048)),
  expirationTime: z.optional(z.nullable(z.number())),
  keys: z.object({
    /** The browser's P-256 public key: 65 bytes, 87 characters. */
    p256dh: base64url.check(z.length(87)),
    /** The 16-byte auth secret: 22 characters. */
    auth: base64url.check(z.length(22)),
  }),
});
export type PushSubscriptionJson = z.infer<typeof pushSubscriptionSchema>;

export const pushSubscribeSchema = z.strictObject({
  tracking: trackingSchema,
  token: accessTokenSchema,
  /** The language the notifications on this device should be in. */
  language: langSchema,
  subscription: pushSubscriptionSchema,
});

export const pushUnsubscribeSchema = z.strictObject({
  tracking: trackingSchema,
  token: accessTokenSchema,
  endpoint: z.url().check(z.maxLength(2048)),
});

// The payload's schema has a module of its own so the service worker imports only it.
export { pushPayloadSchema, type PushPayloadJson } from './push-payload';
