/**
 * Reading text aloud with the Web Speech API. Voices load late on most
 * browsers (the list is empty until 'voiceschanged'), so the list is a
 * signal. A language without a voice on this device gets no Listen button:
 * an English voice reading Hausa would help nobody.
 */
import { createSignal } from 'solid-js';
import type { Lang } from '../core/lang';

const synth: SpeechSynthesis | undefined =
  typeof speechSynthesis === 'undefined' ? undefined : speechSynthesis;
const [voices, setVoices] = createSignal<SpeechSynthesisVoice[]>(synth?.getVoices() ?? []);
const [speaking, setSpeaking] = createSignal<string | undefined>(undefined);
synth?.addEventListener('voiceschanged', () => setVoices(synth.getVoices()));

/** speaking() is the text being read now, so the button that started it can offer Stop. */
export { speaking };

/** Two texts read one after the other, with a full stop between unless the first already ends a sentence. */
export function sentences(...parts: (string | null | undefined)[]): string {
  return parts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map((p) => p.trim())
    .reduce((all, p) => (all === '' ? p : /[.?!։。؟।]$/u.test(all) ? `${all} ${p}` : `${all}. ${p}`), '');
}

/** The best voice for a language: a local one first (works offline), then any. */
export function voiceFor(lang: Lang): SpeechSynthesisVoice | undefined {
  const matching = voices().filter((v) => v.lang.toLowerCase().split(/[-_]/)[0] === lang);
  return matching.find((v) => v.localService) ?? matching[0];
}

export function speak(text: string, lang: Lang): void {
  const voice = voiceFor(lang);
  if (!synth || !voice) return;
  synth.cancel();
  const u = new SpeechSynthesisUtterance(text);
  u.voice = voice;
  u.lang = voice.lang;
  u.rate = 0.9;
  const done = () => setSpeaking((s) => (s === text ? undefined : s));
  u.addEventListener('end', done);
  u.addEventListener('error', done);
  setSpeaking(text);
  synth.speak(u);
}

export function stopSpeaking(): void {
  synth?.cancel();
  setSpeaking(undefined);
}
