/**
 * The public message of an action, with a template to start from: picking
 * one fills the box with its text in the person's language (or the default
 * language, and then the agent is told); the agent may edit it before
 * sending.
 */
import { Show, createSignal } from 'solid-js';
import { LANGUAGES } from '../../../core/lang';
import type { RequestDetail, TemplateList } from '../../../sync/staff/schemas';
import { TextAreaField } from '../../../ui/Field';
import { st } from '../i18n';
import { SelectField } from '../shared/SelectField';
import { templatesFor, wordFor, type Worded } from '../shared/templates';

const nameOf = (code: string) => LANGUAGES.find((l) => l.code === code)?.nativeName ?? code;

export function MessageField(props: {
  id: string;
  status: string;
  request: RequestDetail;
  templates: TemplateList | undefined;
  value: string;
  onInput: (v: string) => void;
  error?: string | undefined;
}) {
  const [picked, setPicked] = createSignal('');
  const [worded, setWorded] = createSignal<Worded>();
  const choices = () => templatesFor(props.templates, props.status, [props.request.service_code]);
  const pick = (id: string) => {
    setPicked(id);
    const t = choices().find((x) => x.id === id);
    if (!t) return setWorded(undefined);
    const w = wordFor(t, props.request.language, props.templates?.default_language ?? 'en', props.request);
    setWorded(w);
    props.onInput(w.text);
  };
  return (
    <>
      <SelectField
        id={`${props.id}-template`}
        label={st('actions.template')}
        value={picked()}
        options={[
          { value: '', label: st('actions.noTemplate') },
          ...choices().map((t) => ({ value: t.id, label: t.name })),
        ]}
        onChange={pick}
        hint={choices().length === 0 ? st('actions.noTemplates') : undefined}
      />
      <Show when={worded()?.fallback}>
        <p class="warning" role="status">
          {st('actions.fallback', {
            language: nameOf(props.request.language),
            fallback: nameOf(worded()?.lang ?? 'en'),
          })}
        </p>
      </Show>
      <TextAreaField
        id={`${props.id}-message`}
        label={st('actions.message')}
        hint={st('actions.messageHint', { language: nameOf(props.request.language) })}
        optional
        rows={4}
        value={props.value}
        onInput={props.onInput}
        error={props.error}
      />
    </>
  );
}
