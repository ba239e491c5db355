/**
 * The strings of one language as review rows: key, the English beside it, the
 * translation, the translator's note. Interface first (in the order of
 * en.json), then the catalog. A plural message gets one row per form the
 * language's grammar has, each beside the English form it corresponds to
 * (English "other" where English has no such form).
 */
import type { Lang } from '../../src/core/lang';
import { PLURAL_RE, pluralForms } from './checks';
import {
  catalogStrings,
  interfaceStrings,
  noteFor,
  readJsonFile,
  type CatalogFile,
  type Paths,
} from './strings';

export interface Entry {
  readonly key: string;
  readonly english: string;
  /** '' where the language has no text yet. */
  readonly translation: string;
  readonly note: string;
  readonly source: 'interface' | 'catalog';
}

/** A few numbers that take this plural form, so the translator knows which form it is. */
function pluralExamples(lang: Lang, form: string): string {
  const rules = new Intl.PluralRules(lang);
  const found: number[] = [];
  for (let n = 0; n <= 200 && found.length < 4; n++) if (rules.select(n) === form) found.push(n);
  return found.length > 0 ? `${found.join(', ')}…` : 'numbers with decimals';
}

function withPluralNote(note: string, lang: Lang, form: string): string {
  const line = `Plural form "${form}": used for counts such as ${pluralExamples(lang, form)}`;
  return note ? `${line}. ${note}` : `${line}.`;
}

export function entries(paths: Paths, lang: Lang): Entry[] {
  const notes = readJsonFile<Record<string, string>>(paths.notes);
  const en = interfaceStrings(paths, 'en');
  const theirs = interfaceStrings(paths, lang);
  const out: Entry[] = [];
  const seenPlural = new Set<string>();
  for (const [key, english] of en) {
    const form = PLURAL_RE.exec(key)?.[1];
    if (!form) {
      out.push({
        key,
        english,
        translation: theirs.get(key) ?? '',
        note: noteFor(notes, key),
        source: 'interface',
      });
      continue;
    }
    const base = key.replace(PLURAL_RE, '');
    if (seenPlural.has(base)) continue;
    seenPlural.add(base);
    for (const f of pluralForms(lang)) {
      const k = `${base}_${f}`;
      out.push({
        key: k,
        english: en.get(k) ?? en.get(`${base}_other`) ?? english,
        translation: theirs.get(k) ?? '',
        note: withPluralNote(noteFor(notes, base), lang, f),
        source: 'interface',
      });
    }
  }
  const catalog = readJsonFile<CatalogFile>(paths.catalog);
  const enCatalog = catalogStrings(catalog, 'en');
  const theirCatalog = catalogStrings(catalog, lang);
  for (const [key, english] of enCatalog)
    out.push({
      key,
      english,
      translation: theirCatalog.get(key) ?? '',
      note: noteFor(notes, key),
      source: 'catalog',
    });
  return out;
}
