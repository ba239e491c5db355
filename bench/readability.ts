/**
 * Plain words: the reading grade of the English interface strings
 * (src/i18n/locales/en.json) and the English catalog texts
 * (server/catalog/demo-catalog.json), overall and median, and the hardest 20.
 * The aim is a reading age of about 9 (grade 4). Labels of one or two words
 * are left out of the median and the list: the formula means little for them.
 */
import {
  CATALOG_PREFIX,
  catalogStrings,
  interfaceStrings,
  readJsonFile,
  repoPaths,
  type CatalogFile,
} from '../server/i18n/strings';
import { measure, median, overallGrade, type Measured } from './lib/reading';

const MIN_WORDS = 3;
const paths = repoPaths();
const ui = measure(interfaceStrings(paths, 'en'));
const catalog = measure(
  [...catalogStrings(readJsonFile<CatalogFile>(paths.catalog), 'en')].filter(
    ([k]) => !k.endsWith('.keywords'),
  ),
);

const fixed = (n: number) => n.toFixed(1);
function report(name: string, items: Measured[]): void {
  const texts = items.filter((m) => m.word >= MIN_WORDS);
  console.log(
    `${name}: ${items.length} strings, ${items.reduce((n, m) => n + m.word, 0)} words; ` +
      `grade overall ${fixed(overallGrade(items))}, median ${fixed(median(texts.map((m) => m.grade)))} ` +
      `(${texts.length} strings of ${MIN_WORDS}+ words), ${texts.filter((m) => m.grade > 6).length} above grade 6`,
  );
}

console.log('Reading grade (Flesch–Kincaid; reading age ≈ grade + 5; aim ≈ 4):');
report('Interface (en.json)', ui);
report('Catalog (demo-catalog.json, English)', catalog);
report('Both', [...ui, ...catalog]);
console.log(`Hardest 20 (of ${MIN_WORDS}+ words):`);
const hardest = [...ui, ...catalog]
  .filter((m) => m.word >= MIN_WORDS)
  .sort((a, b) => b.grade - a.grade)
  .slice(0, 20);
for (const m of hardest) {
  const key = m.key.startsWith(CATALOG_PREFIX) ? m.key : `ui:${m.key}`;
  console.log(`  ${fixed(m.grade).padStart(5)}  ${key}  “${m.text}”`);
}
