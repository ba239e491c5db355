/**
 * The embedded database: PostgreSQL in WebAssembly (PGlite), data in a folder
 * (or in memory, or loaded from a snapshot for tests). One connection, so
 * transactions run one after another.
 */
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { TYPE_OIDS, type Db, type Tx } from './types';

export interface PgliteOptions {
  /** Folder for the data; in memory when absent. */
  readonly dataDir?: string;
  /** A dumpDataDir() tarball to start from (tests). */
  readonly snapshot?: Blob;
}

const parsers = {
  [TYPE_OIDS.int8]: (v: string): number => Number(v),
  [TYPE_OIDS.date]: (v: string): string => v,
};

function wrapTx(tx: Transaction): Tx {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      return (await tx.query<T>(sql, [...params])).rows;
    },
    async exec(sql: string): Promise<void> {
      await tx.exec(sql);
    },
  };
}

/** A PGlite database that can also be dumped to a snapshot (tests, benchmarks). */
export interface PgliteDb extends Db {
  dump(): Promise<Blob>;
}

export async function openPglite(options: PgliteOptions = {}): Promise<PgliteDb> {
  const pg = await PGlite.create({
    ...(options.dataDir !== undefined ? { dataDir: options.dataDir } : {}),
    ...(options.snapshot !== undefined ? { loadDataDir: options.snapshot } : {}),
    parsers,
  });
  return {
    kind: 'pglite',
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      return (await pg.query<T>(sql, [...params])).rows;
    },
    async exec(sql: string): Promise<void> {
      await pg.exec(sql);
    },
    transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      return pg.transaction((tx) => fn(wrapTx(tx)));
    },
    close: () => pg.close(),
    dump: () => pg.dumpDataDir('none'),
  };
}
