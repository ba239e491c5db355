/**
 * Every example a person is shown in a locale file is one the app itself
 * accepts: a person who copies the pattern of "for example CD-…" must not be
 * told to check their number. Examples are found by their shape (tracking
 * numbers, e-mail addresses, phone numbers, dates, access codes, numbers
 * after "for example" in number messages) and checked with the validators
 * the app uses on them.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isShortCode } from '../../../src/core/access-code';
import { coerceAnswer } from '../../../src/core/answers';
import type { Attribute } from '../../../src/core/catalog';
import { dueDateSchema } from '../../../src/core/events';
import { LANGUAGE_CODES } from '../../../src/core/lang';
import { contactSchema } from '../../../src/core/request';
import { normalizeTracking } from '../../../src/core/tracking';

const dir = path.resolve(import.meta.dirname, '../../../src/i18n/locales');
type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k;
    return typeof v === 'string' ? [[key, v] as [string, string]] : flatten(v, key);
  });
}

interface Example {
  kind: string;
  text: string;
  ok: boolean;
}

const realDate = (s: string): boolean => {
  if (!dueDateSchema.safeParse(s).success) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

const NUMBER_ATTRIBUTE: Attribute = {
  variable: true,
  code: 'count',
  datatype: 'number',
  required: true,
  datatype_description: null,
  order: 1,
  description: 'How many?',
};

interface Finder {
  kind: string;
  pattern: RegExp;
  /** Only strings whose key matches: where such an example is meant. */
  keys?: RegExp;
  accepts: (s: string) => boolean;
}

/** The shapes we look for, each with the check the app applies to that kind of input. */
const finders: Finder[] = [
  // Anything that starts like a tracking number, right or wrong, so a bad one cannot hide.
  { kind: 'tracking', pattern: /\bCD[-\s]?[0-9A-Z]{4,12}\b/g, accepts: (s) => normalizeTracking(s) === s },
  {
    kind: 'email',
    pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu,
    accepts: (s) => contactSchema.safeParse({ email: s, consent_updates: false }).success,
  },
  {
    // Digits in groups, Western or Arabic-Indic, not part of a date or a tracking number.
    kind: 'phone',
    pattern: /(?<![\w-])\+?[0-9\u0660-\u0669][0-9\u0660-\u0669 ()-]{4,}[0-9\u0660-\u0669](?![\w-])/g,
    accepts: (s) => contactSchema.safeParse({ phone: s, consent_updates: false }).success,
  },
  { kind: 'date', pattern: /\b\d{4}-\d{2}-\d{2}\b/g, accepts: realDate },
  {
    // A short access code, shown as two groups of four.
    kind: 'access code',
    pattern: /(?<![\w-])[0-9A-Z]{4}[ -]?[0-9A-Z]{4}(?![\w-])/g,
    keys: /code/i,
    accepts: isShortCode,
  },
  {
    // "for example 2" closing a message about a number answer.
    kind: 'number',
    pattern: /[+-]?[0-9\u0660-\u0669]+(?:[.,][0-9\u0660-\u0669]+)?$/g,
    keys: /Number$/,
    accepts: (s) => typeof coerceAnswer(NUMBER_ATTRIBUTE, s) === 'number',
  },
];

function examples(lang: string): Map<string, Example[]> {
  const tree = JSON.parse(readFileSync(path.join(dir, `${lang}.json`), 'utf8')) as Tree;
  const out = new Map<string, Example[]>();
  for (const [key, text] of flatten(tree)) {
    const found: Example[] = [];
    for (const f of finders.filter((x) => !x.keys || x.keys.test(key)))
      for (const m of text.matchAll(f.pattern)) found.push({ kind: f.kind, text: m[0], ok: f.accepts(m[0]) });
    if (found.length > 0) out.set(key, found);
  }
  return out;
}

describe('examples in the locale files', () => {
  it('finds the examples the English file is known to show', () => {
    const en = [...examples('en').values()].flat();
    for (const kind of ['tracking', 'email', 'phone', 'number', 'access code'])
      expect(
        en.some((e) => e.kind === kind),
        kind,
      ).toBe(true);
  });

  it('refuses the kinds of wrong example it is there to catch', () => {
    const check = (kind: string, s: string) => finders.find((f) => f.kind === kind)?.accepts(s);
    expect(check('tracking', 'CD-7K3M9QX4')).toBe(false); // the old Track hint: wrong check character
    expect(check('email', 'name@example')).toBe(false);
    expect(check('phone', '0801 234 5678 9012 3456')).toBe(false);
    expect(check('date', '2026-02-30')).toBe(false);
    expect(check('access code', '4HXP 7RT8')).toBe(false);
    expect(check('number', '٢')).toBe(false);
  });

  for (const lang of LANGUAGE_CODES) {
    it(`${lang}: every example is accepted by the app's own checks`, () => {
      const refused = [...examples(lang)].flatMap(([key, list]) =>
        list.filter((e) => !e.ok).map((e) => `${key}: ${e.kind} "${e.text}"`),
      );
      expect(refused).toEqual([]);
    });
  }
});
