/**
 * A PostgreSQL server through a node-postgres pool (DATABASE_URL). Each
 * transaction holds one pooled connection from BEGIN to COMMIT.
 */
import pg from 'pg';
import { TYPE_OIDS, type Db, type Tx } from './types';

export interface PostgresOptions {
  readonly connectionString: string;
  /** Schema to use instead of public (tests give each file its own). */
  readonly schema?: string;
  readonly max?: number;
}

const typeParsers: Record<number, (v: string) => unknown> = {
  [TYPE_OIDS.int8]: (v) => Number(v),
  [TYPE_OIDS.date]: (v) => v,
};

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (v: string) => unknown {
    return typeParsers[oid] ?? (pg.types.getTypeParser(oid, format ?? 'text') as (v: string) => unknown);
  },
};

function wrap(client: pg.PoolClient): Tx {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      return (await client.query(sql, [...params])).rows as T[];
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  };
}

export function openPostgres(options: PostgresOptions): Db {
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.schema))
    throw new Error(`invalid schema name ${options.schema}`);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    types,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle connection that the server drops must not crash the process.
  pool.on('error', (err) => console.error('postgres pool error:', err.message));
  return {
    kind: 'postgres',
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      return (await pool.query(sql, [...params])).rows as T[];
    },
    async exec(sql: string): Promise<void> {
      await pool.query(sql);
    },
    async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      // Two writers on one request can deadlock in the triggers that keep the figures
      // (each holds a row the other's trigger wants): PostgreSQL then aborts one, and
      // running it again once the other has committed is the documented remedy.
      for (let attempt = 1; ; attempt++) {
        try {
          return await once(fn);
        } catch (err) {
          const code = (err as { code?: unknown }).code;
          if (attempt >= 4 || (code !== '40P01' && code !== '40001')) throw err;
          await new Promise((r) => setTimeout(r, 10 * attempt * Math.random()));
        }
      }
    },
    close: () => pool.end(),
  };

  async function once<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await fn(wrap(client));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      // A connection that cannot even roll back is dropped rather than reused.
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw err;
    } finally {
      client.release(broken);
    }
  }
}
