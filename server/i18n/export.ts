/**
 * `civic i18n export LANG`: one language's strings beside the English and the
 * notes, with whether a native reader has reviewed each, as CSV for a
 * spreadsheet. The columns are the contract with `civic i18n import`.
 */
import type { Lang } from '../../src/core/lang';
import { writeCsv } from './csv';
import { entries } from './entries';
import { isReviewed, readReview } from './review';
import type { Paths } from './strings';

/** The third column is named by the language, so a file cannot be imported into the wrong one. */
export function columns(lang: Lang): string[] {
  return ['key', 'english', lang, 'note', 'reviewed', 'reviewer'];
}

export interface Exported {
  readonly csv: string;
  readonly rows: number;
  readonly reviewed: number;
}

export function exportLanguage(paths: Paths, lang: Lang): Exported {
  const review = readReview(paths.review, lang);
  const rows = entries(paths, lang).map((e) => {
    const done = isReviewed(review, e.key, e.english, e.translation);
    return [
      e.key,
      e.english,
      e.translation,
      e.note,
      done ? 'yes' : 'no',
      done ? (review[e.key]?.by ?? '') : '',
    ];
  });
  return {
    csv: writeCsv([columns(lang), ...rows]),
    rows: rows.length,
    reviewed: rows.filter((r) => r[4] === 'yes').length,
  };
}

/** The share of a language's strings that a native reader has reviewed (English is the source: all). */
export function reviewedShare(paths: Paths, lang: Lang): { reviewed: number; total: number } {
  const list = entries(paths, lang);
  if (lang === 'en') return { reviewed: list.length, total: list.length };
  const review = readReview(paths.review, lang);
  return {
    reviewed: list.filter((e) => e.translation !== '' && isReviewed(review, e.key, e.english, e.translation))
      .length,
    total: list.length,
  };
}
