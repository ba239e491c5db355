/** Staff accounts: creating them (CLI, admin API) and finding them to sign in. */
import { z } from 'zod';
import { uuidv7 } from '../../src/core/ids';
import type { Queryable } from '../db/types';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password';
import { roleSchema, type StaffUser } from './roles';

export const newUserSchema = z.strictObject({
  email: z.email().max(254),
  role: roleSchema,
  name: z.string().trim().min(1).max(200).optional(),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(1000),
});
export type NewUser = z.infer<typeof newUserSchema>;

export interface UserRow extends StaffUser {
  readonly password_hash: string;
  readonly disabled: boolean;
}

const COLUMNS = 'id, email, name, role, password_hash, disabled';

/** Creates an account; undefined when the e-mail is taken. */
export async function createUser(db: Queryable, input: NewUser): Promise<StaffUser | undefined> {
  const rows = await db.query<StaffUser>(
    `INSERT INTO users (id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING RETURNING id, email, name, role`,
    [uuidv7(), input.email.trim(), input.name ?? null, input.role, await hashPassword(input.password)],
  );
  return rows[0];
}

export async function findUserByEmail(db: Queryable, email: string): Promise<UserRow | undefined> {
  const [row] = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE lower(email) = lower($1)`, [
    email.trim(),
  ]);
  return row;
}

export async function listUsers(db: Queryable): Promise<StaffUser[]> {
  return db.query<StaffUser>('SELECT id, email, name, role FROM users WHERE NOT disabled ORDER BY email');
}
