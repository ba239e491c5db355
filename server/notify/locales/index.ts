/**
 * The server's own message texts in every language the app speaks, through
 * an i18next instance of its own (the app's instance lives in the browser).
 * English is the fallback for a key a translation lacks.
 */
import i18next from 'i18next';
import { DEFAULT_LANG, isLang, type Lang } from '../../../src/core/lang';
import ar from './ar.json';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';
import ha from './ha.json';
import pt from './pt.json';
import sw from './sw.json';
import yo from './yo.json';

const messages: Record<Lang, typeof en> = { en, fr, es, pt, ar, sw, yo, ha };

const instance = i18next.createInstance();
void instance.init({
  resources: Object.fromEntries(Object.entries(messages).map(([lang, m]) => [lang, { translation: m }])),
  lng: DEFAULT_LANG,
  fallbackLng: DEFAULT_LANG,
  // Values go into plain text, SMS and JSON as they are; the HTML builder escapes for itself.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<typeof en>;

export type Translate = (key: MessageKey, values?: Record<string, string>) => string;

/** A translate function fixed to one language (an unknown code falls back to English). */
export function messagesFor(lang: string): { lang: Lang; t: Translate } {
  const code = isLang(lang) ? lang : DEFAULT_LANG;
  // Untyped on purpose: the app declares i18next's key types for its own resources, not these.
  const fixed = instance.getFixedT(code) as unknown as (key: string, values: object) => unknown;
  return { lang: code, t: (key, values) => String(fixed(key, values ?? {})) };
}
