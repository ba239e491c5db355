/**
 * `user groups <email> [group…]`: sets the service groups a staff member
 * works for (auth/scope). No group given: every group again. Each group must
 * be one the catalog has, so a typo cannot hide every request from someone.
 */
import { setGroups } from '../auth/groups';
import type { Db } from '../db/types';
import { UsageError } from './usage';

export const USER_GROUPS_USAGE = `  npm run civic -- user groups EMAIL [GROUP …]
      the service groups an agent or manager works for; none: every group`;

export async function userGroups(db: Db, args: string[]): Promise<string> {
  const [email, ...groups] = args;
  if (!email) throw new UsageError('user groups needs an EMAIL, then the groups (none: every group)');
  const [user] = await db.query<{ id: string; role: string }>(
    'SELECT id, role FROM users WHERE lower(email) = lower($1)',
    [email],
  );
  if (!user) throw new UsageError(`no staff member has the e-mail ${email}`);
  const known = new Set(
    (await db.query<{ group_code: string }>('SELECT DISTINCT group_code FROM services')).map(
      (r) => r.group_code,
    ),
  );
  const unknown = groups.filter((g) => !known.has(g));
  if (unknown.length > 0)
    throw new UsageError(
      `unknown group ${unknown.join(', ')}; the catalog has ${[...known].sort().join(', ')}`,
    );
  const wanted = [...new Set(groups)].sort();
  await db.transaction((tx) => setGroups(tx, user.id, wanted));
  const note =
    user.role === 'admin'
      ? ' (admins see every group whatever is set)'
      : user.role === 'officer'
        ? ' (officers see their assignments)'
        : '';
  return wanted.length > 0
    ? `${email} now works for: ${wanted.join(', ')}${note}`
    : `${email} now works for every group${note}`;
}
