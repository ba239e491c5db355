/**
 * Opens the database the configuration asks for: a PostgreSQL server when
 * DATABASE_URL is set, otherwise PGlite in DATA_DIR/pgdata. A lock file keeps
 * a second process (a CLI run while the server is up) from opening the same
 * PGlite folder, which would corrupt it.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import { acquireFolderLock } from './folder-lock';
import type { Db } from './types';

export interface OpenDbOptions {
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
}

export async function openDb(options: OpenDbOptions): Promise<Db> {
  if (options.databaseUrl) return openPostgres({ connectionString: options.databaseUrl });
  const dir = path.join(options.dataDir, 'pgdata');
  await mkdir(dir, { recursive: true });
  const release = await acquireFolderLock(path.join(options.dataDir, 'pgdata.lock'));
  try {
    const db = await openPglite({ dataDir: dir });
    return {
      ...db,
      async close() {
        await db.close();
        await release();
      },
    };
  } catch (err) {
    await release();
    throw err;
  }
}
