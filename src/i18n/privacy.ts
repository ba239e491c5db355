/**
 * The strings of "Remove my contact details" on the request page
 * (locales/privacy/), loaded with that part's own chunk so they cost nothing
 * on a first visit. English (the fallback) and the current language are
 * added to i18next's one 'translation' bundle; `privacyText` re-renders once
 * they arrive. The same pattern as the notification offer's (push.ts).
 */
import i18next from 'i18next';
import { createEffect, createRoot, createSignal } from 'solid-js';
import type { Lang } from '../core/lang';
import { language, t, type MessageKey, type MessageOptions } from './index';

const loaders = import.meta.glob<{ default: Record<string, unknown> }>('./locales/privacy/*.json');
const loaded = new Set<Lang>();
const [version, setVersion] = createSignal(0);

async function load(lang: Lang): Promise<void> {
  const loader = loaders[`./locales/privacy/${lang}.json`];
  if (loaded.has(lang) || !loader) return;
  const mod = await loader();
  i18next.addResourceBundle(lang, 'translation', mod.default, true, false);
  loaded.add(lang);
  setVersion((n) => n + 1);
}

let watching = false;

/** Loads English and the current language, then each language the person picks. */
export async function loadPrivacyStrings(): Promise<void> {
  await load('en');
  await load(language());
  if (watching) return;
  watching = true;
  createRoot(() =>
    createEffect(
      () =>
        void load(language()).catch((e: unknown) => console.error('loading the privacy strings failed', e)),
    ),
  );
}

/** t() that runs again when this set's strings for the current language arrive. */
export function privacyText(key: MessageKey, options?: MessageOptions): string {
  version();
  return t(key, options);
}
