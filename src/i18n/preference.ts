/**
 * The person's language choice, remembered on the device. The browser's
 * languages are the first guess.
 */
import { isLang, matchLanguage, type Lang } from '../core/lang';

const KEY = 'civic.lang';

export function initialLanguage(): Lang {
  try {
    const saved = localStorage.getItem(KEY);
    if (isLang(saved)) return saved;
  } catch {
    // Storage can be blocked (private mode, policies): fall back to the browser's languages.
  }
  return matchLanguage(navigator.languages);
}

export function rememberLanguage(lang: Lang): void {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // Not remembered, but the choice still applies to this visit.
  }
}
