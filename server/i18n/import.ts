/**
 * `civic i18n import LANG FILE`: takes a reviewer's corrections back from the
 * CSV that `export` wrote. Each row is checked on its own; a row that would
 * break the app (an unknown key, a lost or renamed {{variable}}, a plural form
 * the language does not have, an empty text) or that was made against an
 * English that has changed since is refused with its row number and reason,
 * and the good rows are written: the language's locale file, its translations
 * in the catalog file, and the review file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../../src/core/lang';
import { PLURAL_RE, pluralForms, problemWith } from './checks';
import { CsvError, decodeUtf8, parseCsv } from './csv';
import { entries, type Entry } from './entries';
import { columns } from './export';
import { fingerprint, readReview, writeReview } from './review';
import { readJsonFile, setCatalogString, setLeaf, type CatalogFile, type Paths, type Tree } from './strings';

export interface Refusal {
  /** The row as a spreadsheet numbers it: the header is row 1. */
  readonly row: number;
  readonly key: string;
  readonly reason: string;
}

export interface ImportReport {
  readonly corrected: number;
  readonly markedReviewed: number;
  readonly unmarked: number;
  readonly refused: Refusal[];
}

const YES = new Set(['yes', 'y', 'true', '1', 'x']);
const NO = new Set(['', 'no', 'n', 'false', '0']);

/** Spreadsheets may turn line breaks in a cell into CRLF or LF; the strings use LF. */
const clean = (v: string | undefined) => (v ?? '').replace(/\r\n?/g, '\n');

function unknownKeyReason(lang: Lang, key: string): string {
  const form = PLURAL_RE.exec(key)?.[1];
  if (form && !pluralForms(lang).includes(form))
    return `${lang} has no plural form "${form}" (it uses ${pluralForms(lang).join(', ')})`;
  return 'unknown key: keys must stay exactly as exported';
}

/** Prettier's layout when the project has it (so the file stays as `format:check` wants), else plain JSON. */
async function formatJson(file: string, value: unknown): Promise<string> {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  try {
    const prettier = await import('prettier');
    return await prettier.format(text, { ...(await prettier.resolveConfig(file)), filepath: file });
  } catch {
    return text;
  }
}

export class ImportError extends Error {}

export async function importLanguage(paths: Paths, lang: Lang, file: string): Promise<ImportReport> {
  if (lang === 'en') throw new ImportError('English is the source: edit src/i18n/locales/en.json itself');
  let records: string[][];
  try {
    records = parseCsv(decodeUtf8(readFileSync(file)));
  } catch (err) {
    if (err instanceof CsvError) throw new ImportError(`${file}: ${err.message}`);
    throw err;
  }
  const header = (records[0] ?? []).map((h) => h.trim());
  const want = columns(lang);
  if (header[0] === 'key' && header[1] === 'english' && header[2] && header[2] !== lang)
    throw new ImportError(`${file} holds the language "${header[2]}", not "${lang}"`);
  if (want.some((c, i) => header[i] !== c))
    throw new ImportError(`${file}: the first row must be the columns ${want.join(', ')} as exported`);

  const known = new Map<string, Entry>(entries(paths, lang).map((e) => [e.key, e]));
  const review = readReview(paths.review, lang);
  const localeFile = path.join(paths.locales, `${lang}.json`);
  const locale = readJsonFile<Tree>(localeFile);
  const catalog = readJsonFile<CatalogFile>(paths.catalog);
  const refused: Refusal[] = [];
  const seen = new Set<string>();
  let corrected = 0;
  let markedReviewed = 0;
  let unmarked = 0;
  let localeChanged = false;
  let catalogChanged = false;
  let reviewChanged = false;

  records.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const key = clean(cells[0]).trim();
    const english = clean(cells[1]);
    const translation = clean(cells[2]);
    const mark = clean(cells[4]).trim().toLowerCase();
    const by = clean(cells[5]).trim();
    const refuse = (reason: string) => refused.push({ row, key, reason });
    const entry = known.get(key);
    if (key === '') return refuse('the key is empty');
    if (seen.has(key)) return refuse('the key appears twice in the file; only its first row is taken');
    seen.add(key);
    if (!entry) return refuse(unknownKeyReason(lang, key));
    if (english !== entry.english)
      return refuse('the English has changed since this file was exported: export again and redo this row');
    if (!YES.has(mark) && !NO.has(mark))
      return refuse(`"reviewed" must be yes or no, not "${cells[4] ?? ''}"`);
    const changed = translation !== entry.translation;
    if (changed || translation !== '') {
      const problem = problemWith(lang, key, entry.english, translation);
      if (problem) return refuse(problem);
    }
    if (changed) {
      const ok =
        entry.source === 'interface'
          ? setLeaf(locale, key, translation)
          : setCatalogString(catalog, lang, key, translation);
      if (!ok) return refuse(`the catalog has no ${lang} translation of this service to correct`);
      corrected++;
      if (entry.source === 'interface') localeChanged = true;
      else catalogChanged = true;
    }
    if (YES.has(mark) && translation === '') return refuse('an empty translation cannot be marked reviewed');
    const print = fingerprint(entry.english, translation);
    const before = review[key];
    if (YES.has(mark) && (before?.fingerprint !== print || before.by !== by)) {
      review[key] = { by, fingerprint: print };
      markedReviewed++;
      reviewChanged = true;
    } else if (NO.has(mark) && before) {
      // A review given for an older text was already void; dropping it is tidying, not news.
      if (before.fingerprint === fingerprint(entry.english, entry.translation)) unmarked++;
      delete review[key];
      reviewChanged = true;
    }
  });

  if (localeChanged) writeFileSync(localeFile, await formatJson(localeFile, locale));
  if (catalogChanged) writeFileSync(paths.catalog, await formatJson(paths.catalog, catalog));
  if (reviewChanged) writeReview(paths.review, lang, review);
  return { corrected, markedReviewed, unmarked, refused };
}
