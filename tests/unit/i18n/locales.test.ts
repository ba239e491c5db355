/**
 * Every language has every message of the English file, with the same
 * interpolation variables, and the plural forms its grammar needs: the
 * citizen's strings (locales/), the staff desk's (locales/staff/), the
 * kiosk's and scorecard's (locales/rooms/), the officer's (locales/officer/)
 * the request page's offer of notifications (locales/push/) and its removal
 * of contact details (locales/privacy/).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { LANGUAGE_CODES } from '../../../src/core/lang';

const root = path.resolve(import.meta.dirname, '../../../src/i18n/locales');
type Tree = { [key: string]: string | Tree };

function load(dir: string, lang: string): Tree {
  return JSON.parse(readFileSync(path.join(dir, `${lang}.json`), 'utf8')) as Tree;
}

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const variables = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1] ?? '').sort();

/** Keys without plural suffixes, each with the variables used by any of its forms. */
function messages(dir: string, lang: string): Map<string, { vars: string[]; forms: Set<string> }> {
  const out = new Map<string, { vars: string[]; forms: Set<string> }>();
  for (const [key, text] of flatten(load(dir, lang))) {
    const form = PLURAL.exec(key)?.[1];
    const base = form ? key.replace(PLURAL, '') : key;
    const entry = out.get(base) ?? { vars: [], forms: new Set<string>() };
    entry.vars = [...new Set([...entry.vars, ...variables(text)])].sort();
    if (form) entry.forms.add(form);
    out.set(base, entry);
  }
  return out;
}

describe.each([
  ['citizen', root],
  ['staff desk', path.join(root, 'staff')],
  ['kiosk and scorecard', path.join(root, 'rooms')],
  ['field officer', path.join(root, 'officer')],
  ['notifications offer', path.join(root, 'push')],
  ['contact details removal', path.join(root, 'privacy')],
])('%s locale files', (_name, dir) => {
  const english = messages(dir, 'en');

  it('exist for every language and nothing else', () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace('.json', ''))
      .sort();
    expect(files).toEqual([...LANGUAGE_CODES].sort());
  });

  for (const lang of LANGUAGE_CODES.filter((l) => l !== 'en')) {
    describe(lang, () => {
      const theirs = messages(dir, lang);
      it('has every English message and no extra ones', () => {
        expect([...theirs.keys()].sort()).toEqual([...english.keys()].sort());
      });
      it('uses the same interpolation variables', () => {
        const differing = [...english]
          .filter(([k, v]) => theirs.get(k)?.vars.join() !== v.vars.join())
          .map(([k]) => k);
        expect(differing).toEqual([]);
      });
      it('has the plural forms its grammar needs', () => {
        const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
        const missing = [...english]
          .filter(([, v]) => v.forms.size > 0)
          .flatMap(([k]) => needed.filter((f) => !theirs.get(k)?.forms.has(f)).map((f) => `${k}_${f}`));
        expect(missing).toEqual([]);
      });
      it('is translated, not left in English', () => {
        const flatEn = flatten(load(dir, 'en'));
        const same = [...flatten(load(dir, lang))].filter(
          ([k, v]) => v.length > 3 && flatEn.get(k) === v && !/^[\p{Lu}\d\s\-–:/.]+$/u.test(v),
        );
        // A few words are the same in many languages (names, "OK", French "Menu"): allow at most a handful.
        expect(same.length, same.map(([k]) => k).join(', ')).toBeLessThanOrEqual(4);
      });
    });
  }
});
