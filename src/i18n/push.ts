/**
 * The strings of the notification offer on the request page (locales/push/),
 * loaded with the offer's own chunk so they cost nothing on a first visit.
 * English (the fallback) and the current language are added to i18next's one
 * 'translation' bundle; `pushText` re-renders once they arrive.
 */
import i18next from 'i18next';
import { createEffect, createRoot, createSignal } from 'solid-js';
import type { Lang } from '../core/lang';
import { language, t, type MessageKey, type MessageOptions } from './index';

const loaders = import.meta.glob<{ default: Record<string, unknown> }>('./locales/push/*.json');
const loaded = new Set<Lang>();
const [version, setVersion] = createSignal(0);

async function load(lang: Lang): Promise<void> {
  const loader = loaders[`./locales/push/${lang}.json`];
  if (loaded.has(lang) || !loader) return;
  const mod = await loader();
  i18next.addResourceBundle(lang, 'translation', mod.default, true, false);
  loaded.add(lang);
  setVersion((n) => n + 1);
}

function failed(e: unknown): void {
  console.error('loading the notification strings failed', e);
}

let watching = false;

/** Loads English and the current language, then each language the person picks. */
export async function loadPushStrings(): Promise<void> {
  await load('en');
  await load(language());
  if (watching) return;
  watching = true;
  createRoot(() => createEffect(() => void load(language()).catch(failed)));
}

/** t() that runs again when this set's strings for the current language arrive. */
export function pushText(key: MessageKey, options?: MessageOptions): string {
  version();
  return t(key, options);
}
