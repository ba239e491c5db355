/**
 * `npm run civic -- kiosk …`: register a kiosk (prints its one-time enrolment
 * link), list, change settings, issue a new link, revoke.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  DEFAULT_KIOSK_SETTINGS,
  kioskNameSchema,
  kioskSettingsSchema,
  type KioskSettings,
} from '../../src/core/kiosk';
import type { Db } from '../db/types';
import { enrolLink as linkFor, kioskState, unknownServices } from '../kiosks/admin';
import {
  addKiosk,
  findKiosk,
  listKiosks,
  renameKiosk,
  renewEnrolCode,
  revokeKiosk,
  updateKioskSettings,
  type Kiosk,
} from '../kiosks/store';
import { UsageError } from './usage';

export const KIOSK_USAGE = `  npm run civic -- kiosk add --name N [settings] [--url BASE]
      registers a kiosk and prints its one-time enrolment link
  npm run civic -- kiosk list
  npm run civic -- kiosk set ID [--name N] [settings]
  npm run civic -- kiosk link ID [--url BASE]
      a new enrolment link (a replacement device, or an expired link)
  npm run civic -- kiosk revoke ID
      settings: --idle-warning SECONDS --idle-reset SECONDS --language CODE
                --services all|code,code,…`;

const OPTIONS = {
  name: { type: 'string' },
  url: { type: 'string' },
  'idle-warning': { type: 'string' },
  'idle-reset': { type: 'string' },
  language: { type: 'string' },
  services: { type: 'string' },
} as const;

type Values = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; strict: true; allowPositionals: true }>
>['values'];

function parse(args: string[]): { values: Values; positionals: string[] } {
  try {
    return parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

const seconds = (v: string | undefined) => (v === undefined ? undefined : Number(v));

async function settingsFrom(db: Db, values: Values, base: KioskSettings): Promise<KioskSettings> {
  const services =
    values.services === undefined
      ? base.services
      : values.services === 'all'
        ? null
        : values.services.split(',').map((s) => s.trim());
  const unknown = await unknownServices(db, services);
  if (unknown.length > 0) throw new UsageError(`unknown service code(s): ${unknown.join(', ')}`);
  const parsed = kioskSettingsSchema.safeParse({
    idle_warning_s: seconds(values['idle-warning']) ?? base.idle_warning_s,
    idle_reset_s: seconds(values['idle-reset']) ?? base.idle_reset_s,
    default_language: values.language ?? base.default_language,
    services,
  });
  if (!parsed.success)
    throw new UsageError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`).join('; '),
    );
  return parsed.data;
}

function nameFrom(value: string | undefined): string {
  const parsed = kioskNameSchema.safeParse(value ?? '');
  if (!parsed.success)
    throw new UsageError('--name must be 1 to 100 characters, with no NUL or broken emoji');
  return parsed.data;
}

const idSchema = z.uuid();
function oneId(positionals: string[], command: string): string {
  const [id, ...rest] = positionals;
  if (!id || rest.length > 0 || !idSchema.safeParse(id).success)
    throw new UsageError(`kiosk ${command} needs one kiosk ID (see kiosk list)`);
  return id.toLowerCase();
}

function enrolLink(values: Values, env: NodeJS.ProcessEnv, code: string): string {
  const base = values.url ?? env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 8080}`;
  try {
    return linkFor(base, code);
  } catch {
    throw new UsageError(`--url must be an address such as https://civic.example, got ${base}`);
  }
}

function describe(k: Kiosk): string {
  const state = {
    revoked: () => `revoked ${k.revoked_at?.toISOString()}`,
    enrolled: () => `enrolled ${k.enrolled_at?.toISOString()}`,
    waiting: () => 'waiting for its device',
  }[kioskState(k)]();
  const s = k.settings;
  const services = s.services ? s.services.join(',') : 'all services';
  return `${k.id}  ${k.name}  (${state}; idle ${s.idle_warning_s}/${s.idle_reset_s} s, ${s.default_language}, ${services})`;
}

export async function kioskCommand(
  db: Db,
  action: string | undefined,
  args: string[],
  env: NodeJS.ProcessEnv,
  now: Date = new Date(),
): Promise<string> {
  const { values, positionals } = parse(args);
  switch (action) {
    case 'add': {
      if (positionals.length > 0) throw new UsageError('kiosk add takes options only');
      const name = nameFrom(values.name);
      const settings = await settingsFrom(db, values, DEFAULT_KIOSK_SETTINGS);
      const { kiosk, code, expires } = await addKiosk(db, { name, settings }, now);
      return `Kiosk ${kiosk.name} (${kiosk.id}).
Open this link once on the kiosk device, before ${expires.toISOString()}:
${enrolLink(values, env, code)}`;
    }
    case 'list': {
      const kiosks = await listKiosks(db);
      return kiosks.length === 0 ? 'No kiosks.' : kiosks.map(describe).join('\n');
    }
    case 'set': {
      const id = oneId(positionals, 'set');
      const kiosk = await findKiosk(db, id);
      if (!kiosk) throw new UsageError(`no kiosk ${id}`);
      const settings = await settingsFrom(db, values, kiosk.settings);
      if (values.name !== undefined) await renameKiosk(db, id, nameFrom(values.name));
      const updated = await updateKioskSettings(db, id, settings);
      return updated ? describe(updated) : `no kiosk ${id}`;
    }
    case 'link': {
      const id = oneId(positionals, 'link');
      const renewed = await renewEnrolCode(db, id, now);
      if (!renewed) throw new UsageError(`no kiosk ${id} that is not revoked`);
      return `Open this link once on the kiosk device, before ${renewed.expires.toISOString()}:
${enrolLink(values, env, renewed.code)}`;
    }
    case 'revoke': {
      const id = oneId(positionals, 'revoke');
      const revoked = await revokeKiosk(db, id, now);
      if (!revoked) throw new UsageError(`no kiosk ${id}`);
      return `Revoked: ${describe(revoked)}
Requests it made before this time are still accepted when it sends them; later ones are refused.`;
    }
    default:
      throw new UsageError(`Usage:\n${KIOSK_USAGE}`);
  }
}
