/**
 * The administration commands: `user add --email E --role R [--name N]`
 * (password from CIVIC_PASSWORD or a hidden prompt) and `api-key create NAME`
 * (prints a new Open311 key once; only its SHA-256 is stored), `user groups`
 * (user-groups.ts). The i18n
 * commands (cli/i18n.ts) need no database and are dispatched before it opens;
 * `kiosk …` is in kiosk.ts.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { uuidv7 } from '../../src/core/ids';
import { MIN_PASSWORD_LENGTH } from '../auth/password';
import { createUser, newUserSchema } from '../auth/users';
import type { Db } from '../db/types';
import { seedDemo } from '../demo/seed-demo';
import { sha256Hex } from '../requests/token';
import { kioskCommand, KIOSK_USAGE } from './kiosk';
import { askHidden } from './prompt';
import { userGroups, USER_GROUPS_USAGE } from './user-groups';
import { UsageError } from './usage';

export const USAGE = `Usage:
  npm run civic -- user add --email E --role agent|officer|manager|admin [--name N]
      password from CIVIC_PASSWORD, or asked for without echo
${USER_GROUPS_USAGE}
  npm run civic -- api-key create NAME
      prints a new Open311 API key once
  npm run civic -- demo-data [--requests N] [--seed S]
      fills a year of generated requests, feedback and staff actions (once per database)
  npm run civic -- i18n export LANG [--out FILE]
      writes LANG's strings beside the English, the notes and the review state to a CSV
  npm run civic -- i18n import LANG FILE
      takes corrections and reviews back from that CSV; lists the rows it refuses
${KIOSK_USAGE}`;

export { UsageError };

async function readPassword(env: NodeJS.ProcessEnv): Promise<string> {
  if (env.CIVIC_PASSWORD) return env.CIVIC_PASSWORD;
  const first = await askHidden(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `);
  const again = await askHidden('Password again: ');
  if (first !== again) throw new UsageError('the passwords differ');
  return first;
}

export async function userAdd(db: Db, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const { values } = parseArgs({
    args,
    options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
    strict: true,
  });
  if (!values.email || !values.role) throw new UsageError('user add needs --email and --role');
  const input = newUserSchema.safeParse({ ...values, password: await readPassword(env) });
  if (!input.success)
    throw new UsageError(
      input.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '),
    );
  const user = await createUser(db, input.data);
  if (!user) throw new UsageError(`a user with e-mail ${input.data.email} exists already`);
  return `Created ${user.role} ${user.email} (${user.id})`;
}

export async function apiKeyCreate(db: Db, args: string[]): Promise<string> {
  const [name, ...rest] = args;
  if (!name || rest.length > 0 || !/^[\w .@-]{1,100}$/.test(name))
    throw new UsageError('api-key create needs one NAME (letters, digits, space . @ _ -)');
  const key = `cdk_${randomBytes(32).toString('base64url')}`;
  const rows = await db.query(
    'INSERT INTO api_keys (id, name, key_hash) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING RETURNING id',
    [uuidv7(), name, sha256Hex(key)],
  );
  if (rows.length === 0) throw new UsageError(`an API key named ${name} exists already`);
  return `API key for ${name} (shown once, keep it safe):\n${key}`;
}

export async function demoData(db: Db, args: string[]): Promise<string> {
  const { values } = parseArgs({
    args,
    options: { requests: { type: 'string', default: '8000' }, seed: { type: 'string', default: '14' } },
    strict: true,
  });
  const requests = Number(values.requests);
  const seed = Number(values.seed);
  if (!Number.isInteger(requests) || requests < 1 || requests > 1_000_000 || !Number.isInteger(seed))
    throw new UsageError('demo-data needs --requests between 1 and 1000000 and a whole --seed');
  const r = await seedDemo(db, { requests, seed, end: new Date() });
  if (r === 'already') return 'Demo data is already in this database; nothing added.';
  return `Added ${r.requests} requests and ${r.events} events in ${(r.ms / 1000).toFixed(1)} s`;
}

export async function runCommand(db: Db, argv: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const [group, action, ...rest] = argv;
  if (group === 'user' && action === 'add') return userAdd(db, rest, env);
  if (group === 'user' && action === 'groups') return userGroups(db, rest);
  if (group === 'api-key' && action === 'create') return apiKeyCreate(db, rest);
  if (group === 'kiosk') return kioskCommand(db, action, rest, env);
  if (group === 'demo-data') return demoData(db, action === undefined ? rest : [action, ...rest]);
  throw new UsageError(USAGE);
}
