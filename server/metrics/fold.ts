/**
 * The figures' pending rows folded in (migration 0018): every write to a
 * request appends signed rows to the *_pending tables, which the figures'
 * views add to the folded tables. Folding keeps what the views sum small; it
 * changes no answer. One fold runs at a time, across processes (an advisory
 * lock in figures_fold()); a second one returns at once.
 */
import type { Queryable } from '../db/types';
import { startLoop, type Loop } from '../loop';

/** Folds what is pending; answers the number of rows moved. */
export async function foldFigures(db: Queryable): Promise<number> {
  const [row] = await db.query<{ moved: number }>('SELECT figures_fold() AS moved');
  return Number(row?.moved ?? 0);
}

/** Folds at start and then every `intervalMs` until stopped. */
export function startFigureFold(deps: { db: Queryable }, intervalMs = 5_000): Loop {
  return startLoop(
    async () => {
      await foldFigures(deps.db);
    },
    intervalMs,
    'folding the figures failed',
  );
}
