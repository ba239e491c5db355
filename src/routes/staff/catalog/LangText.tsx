/**
 * One text of the catalog in the language being edited: the English is
 * required; in another language the box starts empty (people then see the
 * English, shown under the label) and whatever is typed is that language's.
 */
import { Show } from 'solid-js';
import { DEFAULT_LANG, type Lang } from '../../../core/lang';
import { TextAreaField, TextField } from '../../../ui/Field';
import { st } from '../i18n';
import type { Texts } from './draft';

export function LangText(props: {
  id: string;
  label: string;
  hint?: string | undefined;
  texts: Texts;
  lang: Lang;
  long?: boolean;
  error?: string | undefined;
  onInput: (texts: Texts) => void;
}) {
  const english = () => props.texts[DEFAULT_LANG] ?? '';
  const hint = () => {
    const parts = [
      props.hint,
      props.lang !== DEFAULT_LANG && english() ? st('catalog.inEnglish', { text: english() }) : undefined,
    ].filter(Boolean);
    return parts.length > 0 ? parts.join(' ') : undefined;
  };
  const common = () => ({
    id: props.id,
    label: props.label,
    hint: hint(),
    error: props.error,
    optional: props.lang !== DEFAULT_LANG,
    value: props.texts[props.lang] ?? '',
    onInput: (v: string) => props.onInput({ ...props.texts, [props.lang]: v }),
  });
  return (
    <Show when={props.long} fallback={<TextField {...common()} />}>
      <TextAreaField {...common()} rows={3} />
    </Show>
  );
}
