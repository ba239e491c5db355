/** How the scorecard writes its figures: percentages, averages, months (Intl, in the reader's language). */
import type { Lang } from '../../core/lang';

export function percent(share: number, lang: Lang): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

export function decimal(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(n);
}

export function whole(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(n);
}

/** '2026-04-01' as "Apr 2026"; formatted in UTC so the month never shifts. */
export function monthName(month: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}T00:00:00Z`),
  );
}

export function nameIn(names: Record<string, string>, lang: Lang): string {
  return names[lang] ?? names['en'] ?? '';
}
