/**
 * "Listen": reads a question or a status aloud in the person's language, for
 * people who find reading hard. Shown only when the device has a voice for
 * the current language. The visible word is "Listen"; the accessible name
 * adds what it reads, so a screen reader can tell the buttons apart.
 */
import { Show } from 'solid-js';
import { language, t } from '../i18n';
import { Icon } from './icons';
import { speak, speaking, stopSpeaking, voiceFor } from './speech';

export function ListenButton(props: { text: string }) {
  const active = () => speaking() === props.text;
  return (
    <Show when={voiceFor(language())}>
      <button
        type="button"
        class="listen-button"
        aria-label={t(active() ? 'listen.stopLabel' : 'listen.label', { text: props.text })}
        onClick={() => (active() ? stopSpeaking() : speak(props.text, language()))}
      >
        <Icon name="listen" />
        <span>{t(active() ? 'listen.stop' : 'listen.button')}</span>
      </button>
    </Show>
  );
}
