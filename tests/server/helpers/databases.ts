/**
 * The databases the server suite runs on: PGlite always (from the run's
 * snapshot), and PostgreSQL when DATABASE_URL is set, each test file in a
 * schema of its own that is dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { prepareDb } from '../../../server/bootstrap';
import { openPglite } from '../../../server/db/pglite';
import { openPostgres } from '../../../server/db/postgres';
import type { Db } from '../../../server/db/types';

export interface OpenedDb {
  readonly db: Db;
  /** Closes the database and removes what the test made. */
  dispose(): Promise<void>;
}

export interface TestDatabase {
  readonly name: 'pglite' | 'postgres';
  open(): Promise<OpenedDb>;
}

const pglite: TestDatabase = {
  name: 'pglite',
  async open() {
    const snapshot = await readFile(inject('pgliteSnapshot'));
    const db = await openPglite({ snapshot: new Blob([new Uint8Array(snapshot)]) });
    return { db, dispose: () => db.close() };
  },
};

async function admin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function postgres(url: string): TestDatabase {
  return {
    name: 'postgres',
    async open() {
      const schema = `test_${randomBytes(6).toString('hex')}`;
      await admin(url, (c) => c.query(`CREATE SCHEMA ${schema}`));
      const db = openPostgres({ connectionString: url, schema, max: 6 });
      await prepareDb(db);
      return {
        db,
        async dispose() {
          await db.close();
          await admin(url, (c) => c.query(`DROP SCHEMA ${schema} CASCADE`));
        },
      };
    },
  };
}

const url = process.env.DATABASE_URL;
export const databases: readonly TestDatabase[] = url ? [pglite, postgres(url)] : [pglite];
