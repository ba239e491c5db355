/**
 * Which requests this device gets web push notifications for: one row in the
 * `meta` table per request, `push:<request id>` → the push subscription's
 * endpoint (needed to turn it off again) and when it was turned on. Kept out
 * of meta.ts's list so only the notification offer's chunk carries it; read
 * back through its schema like every meta value.
 */
import { liveQuery } from 'dexie';
import { z } from 'zod/mini';
import { db, nowIso } from './database';

const pushStateSchema = z.object({ endpoint: z.string(), at: z.string() });
export type PushState = z.infer<typeof pushStateSchema>;

const key = (requestId: string) => `push:${requestId}`;

function parse(value: unknown): PushState | undefined {
  const parsed = pushStateSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The request's notification state on this device, live: undefined when off. */
export function livePushState(requestId: string) {
  return liveQuery(async () => parse((await db.meta.get(key(requestId)))?.value));
}

export async function setPushOn(requestId: string, endpoint: string): Promise<void> {
  await db.meta.put({ key: key(requestId), value: { endpoint, at: nowIso() } satisfies PushState });
}

export async function setPushOff(requestId: string): Promise<void> {
  await db.meta.delete(key(requestId));
}
