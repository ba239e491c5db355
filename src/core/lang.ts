/**
 * The languages Civic Desk speaks: codes, names in themselves, and direction.
 * Shared by the app, the service worker and the server.
 */
import { z } from 'zod/mini';

export const LANGUAGE_CODES = ['en', 'fr', 'es', 'pt', 'ar', 'sw', 'yo', 'ha'] as const;
export type Lang = (typeof LANGUAGE_CODES)[number];
export const DEFAULT_LANG: Lang = 'en';

export const langSchema = z.enum(LANGUAGE_CODES);

export interface LanguageInfo {
  readonly code: Lang;
  /** The language's name written in itself, as its speakers would look for it. */
  readonly nativeName: string;
  readonly dir: 'ltr' | 'rtl';
}

export const LANGUAGES: readonly LanguageInfo[] = [
  { code: 'en', nativeName: 'English', dir: 'ltr' },
  { code: 'fr', nativeName: 'Français', dir: 'ltr' },
  { code: 'es', nativeName: 'Español', dir: 'ltr' },
  { code: 'pt', nativeName: 'Português', dir: 'ltr' },
  { code: 'ar', nativeName: 'العربية', dir: 'rtl' },
  { code: 'sw', nativeName: 'Kiswahili', dir: 'ltr' },
  { code: 'yo', nativeName: 'Yorùbá', dir: 'ltr' },
  { code: 'ha', nativeName: 'Hausa', dir: 'ltr' },
];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGE_CODES as readonly string[]).includes(value);
}

/** Picks the first supported language from a list such as navigator.languages or Accept-Language. */
export function matchLanguage(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const base = tag.trim().toLowerCase().split(/[-_;]/)[0];
    if (isLang(base)) return base;
  }
  return DEFAULT_LANG;
}

export function languageDir(lang: Lang): 'ltr' | 'rtl' {
  return LANGUAGES.find((l) => l.code === lang)?.dir ?? 'ltr';
}
