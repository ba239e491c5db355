/**
 * The VAPID key pair that identifies this server to browsers' push services.
 * Generated on first start and kept in server_secrets as one row (so two
 * processes starting together cannot end up with halves of different pairs);
 * every process on the database signs with the same key, which is the key
 * devices subscribed with.
 */
import webpush from 'web-push';
import { z } from 'zod';
import type { Queryable } from '../db/types';
import type { VapidKeys } from './settings';

const NAME = 'vapid_keys';
const stored = z.object({ publicKey: z.string().min(80), privateKey: z.string().min(40) });

export async function loadVapidKeys(db: Queryable): Promise<VapidKeys> {
  const fresh = webpush.generateVAPIDKeys();
  await db.query('INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
    NAME,
    JSON.stringify({ publicKey: fresh.publicKey, privateKey: fresh.privateKey }),
  ]);
  const [row] = await db.query<{ value: string }>('SELECT value FROM server_secrets WHERE name = $1', [NAME]);
  if (!row) throw new Error('VAPID keys missing');
  return stored.parse(JSON.parse(row.value));
}
