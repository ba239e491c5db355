/**
 * Translations people can review: `civic i18n export` writes a CSV a
 * spreadsheet opens correctly; a reviewer's corrections and "reviewed" marks
 * come back through `civic i18n import`, which refuses — row by row, saying
 * why — anything that would break a variable, a plural form or a key. Runs on
 * a copy of the repository's locale, notes and catalog files.
 */
import fc from 'fast-check';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as prettier from 'prettier';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runI18n } from '../../../server/cli/i18n';
import { UsageError } from '../../../server/cli/commands';
import { parseCsv, writeCsv } from '../../../server/i18n/csv';
import { exportLanguage, reviewedShare } from '../../../server/i18n/export';
import { importLanguage } from '../../../server/i18n/import';
import { repoPaths, type Paths } from '../../../server/i18n/strings';
import { catalogSchema } from '../../../src/core/catalog';

const root = path.resolve(import.meta.dirname, '../../..');
let dir: string;
let paths: Paths;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'civic-i18n-'));
  for (const p of [
    'src/i18n/locales',
    'src/i18n/notes.json',
    'server/catalog/demo-catalog.json',
    '.prettierrc.json',
  ])
    cpSync(path.join(root, p), path.join(dir, p), { recursive: true, errorOnExist: false, force: true });
  paths = repoPaths(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

type Row = string[];
const exported = (lang: 'yo' | 'fr' | 'ar' | 'ha') => parseCsv(exportLanguage(paths, lang).csv);
const locale = (lang: string) =>
  JSON.parse(readFileSync(path.join(paths.locales, `${lang}.json`), 'utf8')) as Record<
    string,
    Record<string, unknown>
  >;

/** Writes the rows back as the reviewer's spreadsheet would, after `edit`. */
function edited(rows: Row[], edit: (byKey: Map<string, Row>, rows: Row[]) => void): string {
  const copy = rows.map((r) => [...r]);
  edit(new Map(copy.slice(1).map((r) => [r[0] ?? '', r])), copy);
  const file = path.join(dir, 'reviewed.csv');
  writeFileSync(file, writeCsv(copy));
  return file;
}

function row(byKey: Map<string, Row>, key: string): Row {
  const r = byKey.get(key);
  if (!r) throw new Error(`no row ${key}`);
  return r;
}

async function expectFormatted(file: string) {
  const options = { ...(await prettier.resolveConfig(file)), filepath: file };
  expect(await prettier.check(readFileSync(file, 'utf8'), options), file).toBe(true);
}

describe('CSV', () => {
  it('round-trips any text: quotes, commas, semicolons, line breaks, any script', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'ẹ́', 'ع', '"', ',', ';', '\n', '\r\n', ' ', '{', 'x'),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        (rows) => {
          const header = ['key', 'english'];
          expect(parseCsv(writeCsv([header, ...rows]))).toEqual([header, ...rows]);
        },
      ),
    );
  });

  it('starts with a UTF-8 byte-order mark and ends records with CRLF, as Excel needs', () => {
    const csv = exportLanguage(paths, 'yo').csv;
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFkey,english,yo,note,reviewed,reviewer');
    expect(csv).toContain('Béèrè ìrànlọ́wọ́');
  });
});

describe('i18n export', () => {
  it('puts every interface and catalog string beside its English, with the notes', () => {
    const rows = exported('yo');
    const byKey = new Map(rows.map((r) => [r[0], r]));
    expect(byKey.get('track.title')?.slice(1, 3)).toEqual([
      'Track a request',
      locale('yo')['track']?.['title'],
    ]);
    expect(byKey.get('form.stepCaption')?.[3]).toContain('{{service}} is the service name');
    expect(byKey.get('catalog:pothole.service_name')?.[1]).toBe('Pothole');
    expect(byKey.get('catalog:pothole.keywords')?.[3]).toContain('separated by commas');
    expect(rows.slice(1).every((r) => r.length === 6 && r[4] === 'no')).toBe(true);
  });

  it('gives a plural message one row per form of the language, beside the matching English', () => {
    const keys = exported('ar').map((r) => r[0]);
    for (const form of ['zero', 'one', 'two', 'few', 'many', 'other'])
      expect(keys).toContain(`services.found_${form}`);
    const few = exported('ar').find((r) => r[0] === 'services.found_few');
    expect(few?.[1]).toBe('{{count}} services found');
    expect(few?.[3]).toMatch(/^Plural form "few": used for counts such as 3, 4, 5, 6/);
    expect(exported('yo').map((r) => r[0])).toContain('services.found_other');
  });
});

describe('i18n import', () => {
  it('takes a corrected interface string and a review mark, and the next export shows both', async () => {
    const file = edited(exported('yo'), (byKey) => {
      const r = row(byKey, 'track.title');
      r[2] = 'Wá ìbéèrè rẹ';
      r[4] = 'yes';
      r[5] = 'Adé';
      row(byKey, 'nav.home')[4] = 'yes';
    });
    const report = await importLanguage(paths, 'yo', file);
    expect(report).toEqual({ corrected: 1, markedReviewed: 2, unmarked: 0, refused: [] });
    expect(locale('yo')['track']?.['title']).toBe('Wá ìbéèrè rẹ');
    await expectFormatted(path.join(paths.locales, 'yo.json'));
    const again = new Map(exported('yo').map((r) => [r[0], r]));
    expect(again.get('track.title')?.slice(2)).toEqual([
      'Wá ìbéèrè rẹ',
      again.get('track.title')?.[3],
      'yes',
      'Adé',
    ]);
    expect(again.get('nav.home')?.[4]).toBe('yes');
    const share = reviewedShare(paths, 'yo');
    expect(share.reviewed).toBe(2);
    expect(share.total).toBe(exported('yo').length - 1);
    const review = JSON.parse(readFileSync(path.join(paths.review, 'yo.json'), 'utf8')) as Record<
      string,
      { by: string }
    >;
    expect(review['track.title']?.by).toBe('Adé');
  });

  it('takes a corrected catalog string and keywords, and the catalog stays valid and formatted', async () => {
    const file = edited(exported('ha'), (byKey) => {
      row(byKey, 'catalog:pothole.service_name')[2] = 'Rami a hanya';
      row(byKey, 'catalog:pothole.keywords')[2] = 'rami, hanya,  kwalta ';
    });
    expect((await importLanguage(paths, 'ha', file)).corrected).toBe(2);
    const catalog = catalogSchema.parse(JSON.parse(readFileSync(paths.catalog, 'utf8')));
    const pothole = catalog.services.find((s) => s.service_code === 'pothole');
    expect(pothole?.i18n.ha?.service_name).toBe('Rami a hanya');
    expect(pothole?.i18n.ha?.keywords).toEqual(['rami', 'hanya', 'kwalta']);
    expect(pothole?.service_name).toBe('Pothole');
    await expectFormatted(paths.catalog);
  });

  it('forgets a review when the text changes afterwards, and when the reviewer says no', async () => {
    const marked = edited(exported('fr'), (byKey) => {
      row(byKey, 'nav.home')[4] = 'yes';
      row(byKey, 'nav.track')[4] = 'yes';
    });
    await importLanguage(paths, 'fr', marked);
    expect(reviewedShare(paths, 'fr').reviewed).toBe(2);
    // Someone edits the JSON by hand: that text has not been reviewed.
    const fr = locale('fr');
    (fr['nav'] as Record<string, string>)['home'] = 'Maison';
    writeFileSync(path.join(paths.locales, 'fr.json'), JSON.stringify(fr, null, 2));
    expect(reviewedShare(paths, 'fr').reviewed).toBe(1);
    const unmarked = edited(exported('fr'), (byKey) => {
      row(byKey, 'nav.track')[4] = 'no';
    });
    expect((await importLanguage(paths, 'fr', unmarked)).unmarked).toBe(1);
    expect(reviewedShare(paths, 'fr').reviewed).toBe(0);
  });

  it('refuses each row that would break the app, says which and why, and takes the rest', async () => {
    const before = readFileSync(path.join(paths.locales, 'fr.json'), 'utf8');
    const file = edited(exported('fr'), (byKey, rows) => {
      row(byKey, 'services.found_one')[2] = '{{count} service trouvé'; // broken braces
      row(byKey, 'services.found_other')[2] = 'Services trouvés'; // variable dropped
      row(byKey, 'form.stepCaption')[2] = '{{servic}} – étape {{step}} sur {{total}}'; // renamed
      row(byKey, 'track.title')[2] = 'Suivre {{tracking}}'; // added
      row(byKey, 'nav.home')[2] = '   '; // empty
      row(byKey, 'nav.settings')[1] = 'Preferences'; // the English was edited
      row(byKey, 'nav.track')[4] = 'maybe';
      row(byKey, 'home.title')[2] = 'De quoi avez-vous besoin ?'; // fine: taken
      rows.push(['services.found_two', '{{count}} services found', '{{count}} services', '', 'no', '']); // no such form in fr
      rows.push(['nav.homee', 'Home', 'Accueil', '', 'no', '']); // a key changed by hand
      rows.push(['home.title', 'What do you need help with?', 'Autre', '', 'no', '']); // twice
    });
    const report = await importLanguage(paths, 'fr', file);
    const rows = parseCsv(readFileSync(file, 'utf8'));
    const rowOf = (key: string) => rows.findIndex((r) => r[0] === key) + 1;
    const reasons = new Map(report.refused.map((r) => [`${r.row} ${r.key}`, r.reason]));
    const expectRefused = (key: string, reason: RegExp, at = rowOf(key)) =>
      expect(reasons.get(`${at} ${key}`), key).toMatch(reason);
    expectRefused('services.found_one', /variable is broken/);
    expectRefused('services.found_other', /\{\{count\}\} is missing/);
    expectRefused('form.stepCaption', /\{\{service\}\} is missing/);
    expectRefused('track.title', /\{\{tracking\}\} is not in the English/);
    expectRefused('nav.home', /empty/);
    expectRefused('nav.settings', /English has changed/);
    expectRefused('nav.track', /"reviewed" must be yes or no/);
    expectRefused('services.found_two', /fr has no plural form "two" \(it uses one, many, other\)/);
    expectRefused('nav.homee', /unknown key/);
    expectRefused('home.title', /twice/, rows.length);
    expect(report.refused).toHaveLength(10);
    expect(report.corrected).toBe(1);
    const fr = locale('fr');
    expect(fr['home']?.['title']).toBe('De quoi avez-vous besoin ?');
    // Nothing from a refused row was taken.
    const was = JSON.parse(before) as typeof fr;
    for (const [group, key] of [
      ['services', 'found_one'],
      ['form', 'stepCaption'],
      ['track', 'title'],
      ['nav', 'home'],
    ] as const)
      expect(fr[group]?.[key]).toEqual(was[group]?.[key]);
    expect(fr['services']).not.toHaveProperty('found_two');
  });

  it('refuses a file of another language, one not in UTF-8, and one whose columns were changed', async () => {
    const yo = edited(exported('yo'), () => undefined);
    await expect(importLanguage(paths, 'ha', yo)).rejects.toThrow('holds the language "yo", not "ha"');
    const latin1 = path.join(dir, 'latin1.csv');
    writeFileSync(
      latin1,
      Buffer.from('key,english,fr,note,reviewed,reviewer\r\nnav.home,Home,Accueil é,,no,\r\n', 'latin1'),
    );
    await expect(importLanguage(paths, 'fr', latin1)).rejects.toThrow('save it as "CSV UTF-8"');
    const shuffled = edited(exported('fr'), (_byKey, rows) => {
      rows[0] = ['key', 'fr', 'english', 'note', 'reviewed', 'reviewer'];
    });
    await expect(importLanguage(paths, 'fr', shuffled)).rejects.toThrow('the first row must be the columns');
  });

  it('reads the file Excel saves with semicolons where commas are decimals', async () => {
    const rows = exported('fr');
    const target = rows.find((r) => r[0] === 'nav.home') ?? [];
    target[4] = 'yes';
    const semicolons = rows
      .map((r) => r.map((v) => (/[";\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(';'))
      .join('\r\n');
    const file = path.join(dir, 'excel-fr.csv');
    writeFileSync(file, `\uFEFF${semicolons}\r\n`);
    expect(await importLanguage(paths, 'fr', file)).toMatchObject({ markedReviewed: 1, refused: [] });
  });
});

describe('npm run civic -- i18n', () => {
  it('exports next to where npm was run, imports, and exits 1 listing refused rows', async () => {
    const env = { INIT_CWD: dir };
    const out = await runI18n(['export', 'sw', '--out', 'sw.csv'], env, paths);
    expect(out.output).toMatch(/^Wrote \d+ sw strings to .*sw\.csv \(0 reviewed by a native reader\)$/);
    const rows = parseCsv(readFileSync(path.join(dir, 'sw.csv'), 'utf8'));
    const r = rows.find((x) => x[0] === 'services.found_other') ?? [];
    r[2] = 'Huduma zimepatikana';
    writeFileSync(path.join(dir, 'sw.csv'), writeCsv(rows));
    const back = await runI18n(['import', 'sw', 'sw.csv'], env, paths);
    expect(back.code).toBe(1);
    expect(back.output).toContain(
      `row ${rows.indexOf(r) + 1} (services.found_other): the variable {{count}} is missing`,
    );
    await expect(runI18n(['export', 'xx'], env, paths)).rejects.toThrow(UsageError);
    await expect(runI18n(['import', 'en', 'sw.csv'], env, paths)).rejects.toThrow('English is the source');
  });
});
