/**
 * The chaos run's only source of chance: a seeded generator (mulberry32), so
 * a failing run can be repeated with CHAOS_SEED=<seed>. Fault decisions are
 * drawn per call from (seed, what the call carries, how many times it was
 * seen), not from one shared stream, so the interleaving of devices does not
 * change which attempt of which batch fails.
 */

import { seededRng, type Rng } from '../../../server/demo/random';

export type Random = Rng;

/** The demo data's generator (mulberry32), under the chaos run's name. */
export const mulberry32: (seed: number) => Random = seededRng;

/** FNV-1a of a string, to turn a call's key into a seed. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The seed from CHAOS_SEED, or a fresh one (printed by the run, to repeat it). */
export function chaosSeed(): number {
  const given = Number(process.env.CHAOS_SEED);
  return Number.isInteger(given) && given > 0 ? given : 1 + Math.floor(Math.random() * 2_000_000_000);
}

export function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** A UUIDv7 (time-ordered, as the app's own ids are) with its random part from `random`. */
export function uuidv7(random: Random, now = Date.now()): string {
  const hex = now.toString(16).padStart(12, '0');
  const rnd = Array.from({ length: 20 }, () => Math.floor(random() * 16).toString(16)).join('');
  const variant = ((parseInt(rnd[4] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${rnd.slice(0, 3)}-${variant}${rnd.slice(5, 8)}-${rnd.slice(8, 20)}`;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
