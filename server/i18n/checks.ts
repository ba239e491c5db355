/**
 * What a corrected string must keep so the app still works: the same
 * {{variables}} as the English (i18next fills them; a missing or renamed one
 * shows as a hole or as raw braces), no stray brace, and only the plural forms
 * the language's grammar has (Intl.PluralRules, as i18next uses).
 */
import type { Lang } from '../../src/core/lang';

export const PLURAL_RE = /_(zero|one|two|few|many|other)$/;
const VARIABLE_RE = /\{\{\s*([\w.]+)[^{}]*\}\}/g;

export function variables(text: string): string[] {
  return [...new Set([...text.matchAll(VARIABLE_RE)].map((m) => m[1] ?? ''))].sort();
}

const FORM_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** The plural forms of a language, smallest first, as i18next names its keys' suffixes. */
export function pluralForms(lang: Lang): string[] {
  const forms: string[] = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  return FORM_ORDER.filter((f) => forms.includes(f));
}

/** Why a translation cannot be taken for the English beside it, or null when it can. */
export function problemWith(lang: Lang, key: string, english: string, translation: string): string | null {
  if (translation.trim() === '') return 'the translation is empty';
  if (/[{}]/.test(translation.replace(VARIABLE_RE, '')))
    return 'a variable is broken: write it exactly as in the English, with two braces each side, e.g. {{name}}';
  const want = variables(english);
  const got = variables(translation);
  const missing = want.filter((v) => !got.includes(v));
  const extra = got.filter((v) => !want.includes(v));
  if (missing.length > 0) return `the variable ${missing.map((v) => `{{${v}}}`).join(', ')} is missing`;
  if (extra.length > 0)
    return `${extra.map((v) => `{{${v}}}`).join(', ')} is not in the English (variables must not be translated or added)`;
  const form = PLURAL_RE.exec(key)?.[1];
  if (form && !pluralForms(lang).includes(form))
    return `${lang} has no plural form "${form}" (it uses ${pluralForms(lang).join(', ')})`;
  return null;
}
