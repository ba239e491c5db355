/**
 * Which strings a native reader has reviewed, per language, in
 * src/i18n/review/<lang>.json (in the repository, so a review is part of the
 * history like the text). Each entry remembers a fingerprint of the English
 * and the translation it was given for: when either changes later, the string
 * counts as not reviewed again until someone reads it anew.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../../src/core/lang';

export interface ReviewEntry {
  /** Who reviewed it: a name or initials, as the reviewer wrote it. */
  readonly by: string;
  readonly fingerprint: string;
}
export type ReviewFile = Record<string, ReviewEntry>;

export function fingerprint(english: string, translation: string): string {
  return createHash('sha256').update(`${english}\u0000${translation}`, 'utf8').digest('hex').slice(0, 16);
}

export function reviewPath(dir: string, lang: Lang): string {
  return path.join(dir, `${lang}.json`);
}

export function readReview(dir: string, lang: Lang): ReviewFile {
  const file = reviewPath(dir, lang);
  if (!existsSync(file)) return {};
  const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new Error(`${file}: not an object`);
  const out: ReviewFile = {};
  for (const [key, v] of Object.entries(raw as Record<string, unknown>)) {
    const e = v as Partial<ReviewEntry> | null;
    if (typeof e?.by === 'string' && typeof e.fingerprint === 'string')
      out[key] = { by: e.by, fingerprint: e.fingerprint };
  }
  return out;
}

/** Sorted by key, so each import changes only the lines of the strings it touched. */
export function writeReview(dir: string, lang: Lang, review: ReviewFile): void {
  mkdirSync(dir, { recursive: true });
  const sorted = Object.fromEntries(Object.entries(review).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeFileSync(reviewPath(dir, lang), `${JSON.stringify(sorted, null, 2)}\n`);
}

/** True when the entry was given for exactly this English and this translation. */
export function isReviewed(review: ReviewFile, key: string, english: string, translation: string): boolean {
  return review[key]?.fingerprint === fingerprint(english, translation);
}
