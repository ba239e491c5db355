/**
 * What registering and keeping kiosks needs beyond the table itself, shared
 * by the CLI (`npm run civic -- kiosk …`) and the staff desk's kiosk routes so
 * both check and say the same: services must be the catalog's, the enrolment
 * link is PUBLIC_URL + /kiosk/enrol#CODE, a kiosk is waiting, enrolled or
 * revoked, and what each kiosk has filed.
 */
import { KIOSK_ENROL_PATH } from '../../src/core/kiosk';
import { listServices } from '../catalog/store';
import type { Queryable } from '../db/types';
import type { Kiosk } from './store';

/** The codes in `services` the catalog does not have (none for "every service"). */
export async function unknownServices(db: Queryable, services: readonly string[] | null): Promise<string[]> {
  if (!services) return [];
  const known = new Set((await listServices(db)).map((s) => s.service_code));
  return services.filter((s) => !known.has(s));
}

/** The link to open once on the device; the code goes after '#', so it reaches no server log. Throws on a bad base. */
export function enrolLink(base: string, code: string): string {
  return `${new URL(KIOSK_ENROL_PATH, base).href}#${code}`;
}

export type KioskState = 'waiting' | 'enrolled' | 'revoked';

export function kioskState(k: Pick<Kiosk, 'revoked_at' | 'enrolled_at'>): KioskState {
  return k.revoked_at ? 'revoked' : k.enrolled_at ? 'enrolled' : 'waiting';
}

export interface KioskActivity {
  /** Requests filed at the kiosk that reached the server. */
  readonly requests: number;
  /** When the newest of them reached the server (its last sync that filed something). */
  readonly last_request_at: Date | null;
  /** Until when an unused enrolment link works; null when there is none. */
  readonly enrol_expires_at: Date | null;
}

/** Each kiosk's activity, by id, in one statement. */
export async function kioskActivity(db: Queryable): Promise<Map<string, KioskActivity>> {
  const rows = await db.query<KioskActivity & { id: string }>(
    `SELECT k.id, k.enrol_expires_at, count(r.id)::int AS requests, max(r.received_at) AS last_request_at
     FROM kiosks k LEFT JOIN requests r ON r.kiosk_id = k.id
     GROUP BY k.id, k.enrol_expires_at`,
  );
  return new Map(rows.map(({ id, ...a }) => [id, a]));
}
