import { describe, expect, it } from 'vitest';
import {
  LANGUAGES,
  LANGUAGE_CODES,
  isLang,
  langSchema,
  languageDir,
  matchLanguage,
} from '../../../src/core/lang';

describe('matchLanguage', () => {
  it.each<[string[], string]>([
    [['fr-CA', 'en'], 'fr'],
    [['de-DE', 'pt_BR'], 'pt'],
    [['EN-gb'], 'en'],
    [[' sw;q=0.8'], 'sw'],
    [['zh-Hant', 'ar-EG'], 'ar'],
    [['yo'], 'yo'],
    [['de', '*'], 'en'],
    [[], 'en'],
  ])('%j → %s', (preferred, expected) => expect(matchLanguage(preferred)).toBe(expected));
});

describe('isLang and langSchema', () => {
  it('accept exactly the supported codes', () => {
    for (const code of LANGUAGE_CODES) {
      expect(isLang(code)).toBe(true);
      expect(langSchema.safeParse(code).success).toBe(true);
    }
    for (const other of ['EN', 'de', '', 'en-GB', 1, null]) {
      expect(isLang(other)).toBe(false);
      expect(langSchema.safeParse(other).success).toBe(false);
    }
  });
});

describe('LANGUAGES and languageDir', () => {
  it('describes every language once', () => {
    expect(LANGUAGES.map((l) => l.code)).toEqual([...LANGUAGE_CODES]);
    for (const l of LANGUAGES) expect(l.nativeName.length).toBeGreaterThan(0);
  });

  it('knows Arabic is written right to left', () => {
    expect(languageDir('ar')).toBe('rtl');
    expect(LANGUAGE_CODES.filter((c) => languageDir(c) === 'rtl')).toEqual(['ar']);
  });
});
