/**
 * i18next set-up. English is bundled with the app shell (it is the default and
 * the fallback); every other language is its own chunk, loaded on demand and
 * cached by the service worker once used. Keys are typed from en.json.
 */
import i18next, { type ParseKeys } from 'i18next';
import { createSignal } from 'solid-js';
import en from './locales/en.json';
import { DEFAULT_LANG, languageDir, type Lang } from '../core/lang';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

const loaders = import.meta.glob<{ default: typeof en }>(['./locales/*.json', '!./locales/en.json']);

const [language, setLanguage] = createSignal<Lang>(DEFAULT_LANG);
/** The current language, as a Solid signal: reading it inside JSX re-renders on change. */
export { language };

export async function initI18n(lang: Lang): Promise<void> {
  await i18next.init({
    lng: DEFAULT_LANG,
    fallbackLng: DEFAULT_LANG,
    resources: { en: { translation: en } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await changeLanguage(lang);
}

export async function loadLocale(lang: Lang): Promise<void> {
  if (i18next.hasResourceBundle(lang, 'translation')) return;
  const loader = loaders[`./locales/${lang}.json`];
  if (!loader) return;
  const mod = await loader();
  i18next.addResourceBundle(lang, 'translation', mod.default);
}

export async function changeLanguage(lang: Lang): Promise<void> {
  await loadLocale(lang);
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
  document.documentElement.dir = languageDir(lang);
  setLanguage(lang);
}

export type MessageKey = ParseKeys;
export type MessageOptions = Record<string, string | number>;

/**
 * Translates a key. Reads the language signal so that Solid re-runs any JSX
 * expression that uses it when the language changes.
 */
export function t(key: MessageKey, options?: MessageOptions): string {
  language();
  return i18next.t(key, options ?? {});
}
