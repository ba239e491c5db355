/**
 * A fingerprint of the whole database for "nothing changed" checks: every
 * table of the current schema with its row count and an md5 of its rows in
 * primary-key order, read through SQL so it means the same on PGlite and
 * PostgreSQL. Columns (or whole tables) that legitimately change on rejected
 * input are left out by name; the caller says which and why.
 */
import type { Db } from '../../../server/db/types';

export interface TableFingerprint {
  readonly rows: number;
  readonly md5: string;
}

/** table → columns to leave out ('*': the whole table). */
export type Ignored = Readonly<Record<string, readonly string[]>>;

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export async function fingerprint(db: Db, ignored: Ignored = {}): Promise<Record<string, TableFingerprint>> {
  const tables = await db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
  );
  const out: Record<string, TableFingerprint> = {};
  for (const { name } of tables) {
    const skip = ignored[name] ?? [];
    if (skip.includes('*')) continue;
    const keys = await db.query<{ col: string }>(
      `SELECT a.attname AS col FROM pg_index i
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
        WHERE i.indrelid = $1::regclass AND i.indisprimary
        ORDER BY array_position(i.indkey, a.attnum)`,
      [ident(name)],
    );
    // Without a primary key the row's own text orders it: still deterministic.
    const order = keys.length > 0 ? keys.map((k) => `t.${ident(k.col)}`).join(', ') : 't::text';
    const row = skip.length > 0 ? `(to_jsonb(t) - $1::text[])::text` : `to_jsonb(t)::text`;
    const [r] = await db.query<{ rows: string | number; md5: string }>(
      `SELECT count(*) AS rows, md5(coalesce(string_agg(${row}, E'\\n' ORDER BY ${order}), '')) AS md5
         FROM ${ident(name)} t`,
      skip.length > 0 ? [skip] : [],
    );
    out[name] = { rows: Number(r?.rows ?? 0), md5: r?.md5 ?? '' };
  }
  return out;
}
