/**
 * The service groups a staff member works for (user_groups). None listed:
 * every group — a council with one desk need not set any.
 */
import type { Queryable } from '../db/types';

export async function groupsOf(db: Queryable, userId: string): Promise<string[] | undefined> {
  const rows = await db.query<{ group_code: string }>(
    'SELECT group_code FROM user_groups WHERE user_id = $1 ORDER BY group_code',
    [userId],
  );
  return rows.length > 0 ? rows.map((r) => r.group_code) : undefined;
}

export async function setGroups(db: Queryable, userId: string, groups: readonly string[]): Promise<void> {
  await db.query('DELETE FROM user_groups WHERE user_id = $1', [userId]);
  if (groups.length > 0)
    await db.query('INSERT INTO user_groups (user_id, group_code) SELECT $1, unnest($2::text[])', [
      userId,
      groups,
    ]);
}
