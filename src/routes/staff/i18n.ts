/**
 * The desk's strings: their own files (src/i18n/locales/staff/<lang>.json)
 * in an i18next namespace of their own, so not one staff word reaches a
 * citizen's first load. English comes with the desk's code; other languages
 * load when the staff member picks them in the header. Keys are typed from
 * the English file, like the citizen's.
 */
import i18next from 'i18next';
import { createSignal } from 'solid-js';
import type { Lang } from '../../core/lang';
import { language } from '../../i18n';
import en from '../../i18n/locales/staff/en.json';

const NS = 'staff';
const loaders = import.meta.glob<{ default: typeof en }>([
  '../../i18n/locales/staff/*.json',
  '!../../i18n/locales/staff/en.json',
]);

type Plural = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? K extends `${infer Base}_${Plural}`
      ? `${P}${Base}`
      : `${P}${K}`
    : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type StaffKey = Leaves<typeof en>;

i18next.addResourceBundle('en', NS, en, true, true);
const [loaded, setLoaded] = createSignal<ReadonlySet<Lang>>(new Set<Lang>(['en']));

/** True once the staff strings of `lang` are there (English always is). */
export const staffLocaleReady = (lang: Lang): boolean => loaded().has(lang);

export async function loadStaffLocale(lang: Lang): Promise<void> {
  if (loaded().has(lang)) return;
  const loader = loaders[`../../i18n/locales/staff/${lang}.json`];
  if (loader) i18next.addResourceBundle(lang, NS, (await loader()).default, true, true);
  setLoaded(new Set([...loaded(), lang]));
}

// i18next's own typing knows only the citizen namespace; the key is typed by StaffKey instead.
const translate = i18next.t.bind(i18next) as unknown as (key: string, options: object) => string;

/** Translates a desk string; re-runs in JSX when the language or the loaded strings change. */
export function st(key: StaffKey, options?: Record<string, string | number>): string {
  language();
  loaded();
  return translate(key, { ns: NS, ...options });
}
