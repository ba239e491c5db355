/**
 * i18next set-up. English is bundled with the app shell (it is the default and
 * the fallback); every other language is its own chunk, loaded on demand and
 * cached by the service worker once used. Keys are typed from en.json.
 */
import i18next, { type ParseKeys } from 'i18next';
import { createSignal } from 'solid-js';
import en from './locales/en.json';
import type enRooms from './locales/rooms/en.json';
import type enPush from './locales/push/en.json';
import type enPrivacy from './locales/privacy/en.json';
import { DEFAULT_LANG, languageDir, type Lang } from '../core/lang';

/** The kiosk's and the scorecard's strings: loaded only by those rooms (locales/rooms/). */
type RoomStrings = typeof enRooms;
/** The request page's offer of notifications: loaded with it (locales/push/, see push.ts). */
type PushStrings = typeof enPush;
/** "Remove my contact details" on the request page: loaded with it (locales/privacy/, see privacy.ts). */
type PrivacyStrings = typeof enPrivacy;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en & RoomStrings & PushStrings & PrivacyStrings };
  }
}

const loaders = import.meta.glob<{ default: typeof en }>(['./locales/*.json', '!./locales/en.json']);
const roomLoaders = import.meta.glob<{ default: RoomStrings }>('./locales/rooms/*.json');
/** Main locale files and room files loaded, by language (both add to the one 'translation' bundle). */
const loadedLocales = new Set<Lang>([DEFAULT_LANG]);
const loadedRooms = new Set<Lang>();
let roomsWanted = false;

const [language, setLanguage] = createSignal<Lang>(DEFAULT_LANG);
/** Bumped when strings arrive for the current language (a room's), so t() runs again. */
const [stringsVersion, setStringsVersion] = createSignal(0);
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
  if (loadedLocales.has(lang)) return;
  const loader = loaders[`./locales/${lang}.json`];
  if (!loader) return;
  const mod = await loader();
  i18next.addResourceBundle(lang, 'translation', mod.default, true, false);
  loadedLocales.add(lang);
}

async function loadRoomLocale(lang: Lang): Promise<void> {
  if (loadedRooms.has(lang)) return;
  const loader = roomLoaders[`./locales/rooms/${lang}.json`];
  if (!loader) return;
  const mod = await loader();
  i18next.addResourceBundle(lang, 'translation', mod.default, true, false);
  loadedRooms.add(lang);
}

/**
 * Called by the kiosk and the scorecard before they render: their strings stay
 * out of the citizen's first visit. Loads English (the fallback) and the
 * current language, and every language picked from then on.
 */
export async function loadRoomStrings(): Promise<void> {
  roomsWanted = true;
  await loadRoomLocale(DEFAULT_LANG);
  await loadRoomLocale(language());
  setStringsVersion((n) => n + 1);
}

export async function changeLanguage(lang: Lang): Promise<void> {
  await loadLocale(lang);
  if (roomsWanted) await loadRoomLocale(lang);
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
  stringsVersion();
  return i18next.t(key, options ?? {});
}
