/**
 * The officer room's words: their own i18next namespace, 'officer', so a
 * citizen's first download never carries them. English comes with the
 * room's chunk; other languages load when chosen. `ot` is `t` for this
 * namespace, with keys typed from the English file.
 */
import i18next from 'i18next';
import { createEffect, createSignal } from 'solid-js';
import { language } from '../../i18n';
import type { Lang } from '../../core/lang';
import en from '../../i18n/locales/officer/en.json';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${P}${K extends `${infer B}_${'one' | 'other'}` ? B : K}`
    : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type OfficerKey = Leaves<typeof en>;

const NS = 'officer';
const loaders = import.meta.glob<{ default: typeof en }>([
  '../../i18n/locales/officer/*.json',
  '!../../i18n/locales/officer/en.json',
]);
const [loaded, setLoaded] = createSignal(0);

async function load(lang: Lang): Promise<void> {
  if (!i18next.hasResourceBundle('en', NS)) i18next.addResourceBundle('en', NS, en);
  if (lang === 'en' || i18next.hasResourceBundle(lang, NS)) return;
  const loader = loaders[`../../i18n/locales/officer/${lang}.json`];
  if (!loader) return;
  i18next.addResourceBundle(lang, NS, (await loader()).default);
  setLoaded((n) => n + 1);
}

/** Call once in the room's frame: keeps the namespace loaded for the language on screen. */
export function useOfficerWords(): void {
  createEffect(() => {
    void load(language());
  });
}

export function ot(key: OfficerKey, options?: Record<string, string | number>): string {
  language();
  loaded();
  if (!i18next.hasResourceBundle('en', NS)) i18next.addResourceBundle('en', NS, en);
  // i18next's types know only the default namespace; OfficerKey is the check for this one.
  const translate = i18next.t.bind(i18next) as (k: string, o: object) => string;
  return translate(key, { ns: NS, ...options });
}
