/**
 * The one storage interface the server codes against. Two adapters implement
 * it (PGlite in a folder, node-postgres on a server); both speak PostgreSQL and
 * return the same JavaScript types: int8 as number, date as 'YYYY-MM-DD',
 * timestamptz as Date, jsonb parsed.
 */

export interface Queryable {
  /** Runs one parameterised statement and returns its rows. */
  query<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs one or more statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export type Tx = Queryable;

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PostgreSQL type ids whose parsing both adapters set the same way. */
export const TYPE_OIDS = { int8: 20, date: 1082 } as const;

/** The SQLSTATE of a database error, when it is one. */
export function sqlState(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string')
    return err.code;
  return undefined;
}

export const UNIQUE_VIOLATION = '23505';
