/**
 * A Db that counts the statements sent through it (and inside its transactions,
 * BEGIN and COMMIT included), so a benchmark can say how many round trips a
 * batch costs: where the time goes when the database is the bottleneck.
 */
import type { Db, Queryable, Tx } from '../../server/db/types';

export interface CountingDb extends Db {
  /** Statements since the last reset. */
  readonly count: () => number;
  readonly reset: () => void;
}

export function countingDb(db: Db): CountingDb {
  let n = 0;
  const wrap = (q: Queryable) => ({
    query: <T>(sql: string, params?: readonly unknown[]) => {
      n++;
      return q.query<T>(sql, params);
    },
    exec: (sql: string) => {
      n++;
      return q.exec(sql);
    },
  });
  const top = wrap(db);
  return {
    kind: db.kind,
    query: <T>(sql: string, params?: readonly unknown[]) => top.query<T>(sql, params),
    exec: (sql: string) => top.exec(sql),
    transaction: <T>(fn: (tx: Tx) => Promise<T>) => {
      n += 2; // BEGIN, COMMIT
      return db.transaction((tx) => fn(wrap(tx)));
    },
    close: () => db.close(),
    count: () => n,
    reset: () => {
      n = 0;
    },
  };
}
