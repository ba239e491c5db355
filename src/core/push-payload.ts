/**
 * What a web push notification carries from the server to the service
 * worker (the decrypted payload, JSON). Apart from the subscription schemas
 * (push.ts) so the worker, which checks every payload, carries only this.
 */
import { z } from 'zod/mini';
import { trackingSchema } from './events';
import { langSchema } from './lang';

/** What a notification carries to the service worker (the payload, JSON). */
export const pushPayloadSchema = z.object({
  title: z.string(),
  body: z.string(),
  /** A path of this site: the page to open when the notification is tapped. */
  url: z.string().check(z.startsWith('/')),
  lang: langSchema,
  tracking: trackingSchema,
});
export type PushPayloadJson = z.infer<typeof pushPayloadSchema>;
