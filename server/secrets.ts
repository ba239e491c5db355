/**
 * The server secret that access tokens are derived from. TOKEN_SECRET in the
 * environment wins (production: keep it out of the database and its backups);
 * otherwise one is generated on first start and kept in server_secrets, so
 * every server process on the same database derives the same tokens.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from './db/types';

const NAME = 'token_hmac';

export async function loadTokenSecret(db: Db, fromEnv: string | undefined): Promise<Buffer> {
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('TOKEN_SECRET must be at least 32 characters');
    return Buffer.from(fromEnv, 'utf8');
  }
  await db.query('INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
    NAME,
    randomBytes(32).toString('base64url'),
  ]);
  const [row] = await db.query<{ value: string }>('SELECT value FROM server_secrets WHERE name = $1', [NAME]);
  if (!row) throw new Error('server secret missing');
  return Buffer.from(row.value, 'base64url');
}
