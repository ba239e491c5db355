/**
 * Everything the server needs before it answers: the database opened,
 * migrated and seeded, the token secret loaded, the photo store ready.
 * Shared by main.ts, the CLI, tests and benchmarks.
 */
import type { FailureLimit } from './auth/rate-limit';
import path from 'node:path';
import { localFileStore } from './attachments/file-store';
import { seedCatalog } from './catalog/seed';
import type { Config } from './config';
import { migrate } from './db/migrate';
import { refreshWorkCalendar } from './metrics/calendar';
import { openDb } from './db/open';
import type { Db } from './db/types';
import type { ServerDeps } from './http/env';
import { notifySettings, type NotifyConfig } from './notify/settings';
import { loadVapidKeys } from './notify/vapid';
import { loadTokenSecret } from './secrets';

/** Migrates and seeds an open database; safe to call on every start. */
export async function prepareDb(db: Db): Promise<{ migrations: string[]; seeded: boolean }> {
  const migrations = await migrate(db);
  const seeded = await seedCatalog(db);
  await refreshWorkCalendar(db);
  return { migrations, seeded };
}

export async function depsFor(
  db: Db,
  options: {
    dataDir: string;
    tokenSecret?: string | undefined;
    trustProxy?: boolean;
    now?: () => Date;
    notify?: Partial<NotifyConfig>;
    submitLimit?: FailureLimit | null;
  },
): Promise<ServerDeps> {
  const notify: NotifyConfig = {
    publicUrl: 'http://localhost:8080',
    smtpUrl: undefined,
    mailFrom: undefined,
    smsWebhookUrl: undefined,
    vapidSubject: undefined,
    pushAllowPrivate: false,
    ...options.notify,
  };
  return {
    db,
    files: localFileStore(path.join(options.dataDir, 'files')),
    secret: await loadTokenSecret(db, options.tokenSecret),
    now: options.now ?? (() => new Date()),
    trustProxy: options.trustProxy ?? false,
    notify: notifySettings(notify, await loadVapidKeys(db)),
    ...(options.submitLimit !== undefined ? { submitLimit: options.submitLimit } : {}),
  };
}

export interface Started {
  readonly deps: ServerDeps;
  readonly openMs: number;
  readonly migrations: string[];
  readonly seeded: boolean;
}

export async function startStorage(config: Config): Promise<Started> {
  const t0 = performance.now();
  const db = await openDb({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const openMs = performance.now() - t0;
  try {
    const prepared = await prepareDb(db);
    const deps = await depsFor(db, config);
    return { deps, openMs, ...prepared };
  } catch (err) {
    await db.close();
    throw err;
  }
}
