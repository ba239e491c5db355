/**
 * One question of a service in the editor: its code, its text and hint in
 * the language being edited, the type of answer (the six Open311 datatypes),
 * whether it must be answered or is only text to read, and for lists their
 * choices. Moved up or down and removed with buttons, so the keyboard does it all.
 */
import { For, Show } from 'solid-js';
import { DATATYPES, type Datatype } from '../../../core/catalog';
import type { Lang } from '../../../core/lang';
import { CheckboxField, TextField } from '../../../ui/Field';
import { st } from '../i18n';
import { SelectField } from '../shared/SelectField';
import { isList, type QuestionDraft, type ValueDraft } from './draft';
import type { FieldErrors } from './errors';
import { LangText } from './LangText';

export function QuestionEditor(props: {
  q: QuestionDraft;
  index: number;
  count: number;
  lang: Lang;
  errors: FieldErrors;
  onChange: (patch: Partial<QuestionDraft>) => void;
  onValue: (i: number, patch: Partial<ValueDraft>) => void;
  onAddValue: () => void;
  onRemoveValue: (i: number) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const id = (part: string) => `q${props.q.uid}-${part}`;
  const error = (part: string) => {
    const key = props.errors[id(part)];
    return key ? st(key) : undefined;
  };
  const n = () => props.index + 1;
  return (
    <fieldset class="fieldset catalog-question">
      <legend class="legend">{st('catalog.questionTitle', { n: n() })}</legend>
      <div class="catalog-grid">
        <TextField
          id={id('code')}
          label={st('catalog.questionCode')}
          hint={st('catalog.codeHint')}
          dir="ltr"
          value={props.q.code}
          onInput={(v) => props.onChange({ code: v })}
          error={error('code')}
        />
        <SelectField
          id={id('type')}
          label={st('catalog.answerType')}
          value={props.q.datatype}
          options={DATATYPES.map((d) => ({ value: d, label: st(`catalog.types.${d}`) }))}
          onChange={(v) => props.onChange({ datatype: v as Datatype })}
          error={error('type')}
        />
      </div>
      <LangText
        id={id('question')}
        label={st('catalog.questionText')}
        texts={props.q.question}
        lang={props.lang}
        error={error('question')}
        onInput={(question) => props.onChange({ question })}
      />
      <LangText
        id={id('hint')}
        label={st('catalog.questionHint')}
        texts={props.q.hint}
        lang={props.lang}
        error={error('hint')}
        onInput={(hint) => props.onChange({ hint })}
      />
      <CheckboxField
        id={id('display')}
        label={st('catalog.displayOnly')}
        checked={!props.q.variable}
        onChange={(on) => props.onChange({ variable: !on })}
      />
      <Show when={props.q.variable}>
        <CheckboxField
          id={id('required')}
          label={st('catalog.required')}
          checked={props.q.required}
          onChange={(required) => props.onChange({ required })}
        />
      </Show>
      <Show when={isList(props.q.datatype)}>
        <fieldset
          class="fieldset"
          id={id('values')}
          tabindex="-1"
          aria-describedby={error('values') ? `${id('values')}-error` : undefined}
        >
          <legend class="legend">{st('catalog.values')}</legend>
          <Show when={error('values')}>
            {(e) => (
              <p id={`${id('values')}-error`} class="error-message">
                {e()}
              </p>
            )}
          </Show>
          <For each={props.q.values}>
            {(v, i) => (
              <div class="catalog-grid catalog-value">
                <TextField
                  id={id(`v${i()}-key`)}
                  label={st('catalog.valueKey', { n: i() + 1 })}
                  dir="ltr"
                  value={v.key}
                  onInput={(key) => props.onValue(i(), { key })}
                  error={error(`v${i()}-key`)}
                />
                <LangText
                  id={id(`v${i()}-name`)}
                  label={st('catalog.valueName', { n: i() + 1 })}
                  texts={v.names}
                  lang={props.lang}
                  error={error(`v${i()}-name`)}
                  onInput={(names) => props.onValue(i(), { names })}
                />
                <div class="button-row">
                  <button
                    type="button"
                    class="button button--secondary"
                    onClick={() => props.onRemoveValue(i())}
                  >
                    {st('catalog.removeValue', { n: i() + 1 })}
                  </button>
                </div>
              </div>
            )}
          </For>
          <button type="button" class="button button--secondary" onClick={() => props.onAddValue()}>
            {st('catalog.addValue')}
          </button>
        </fieldset>
      </Show>
      <div class="button-row">
        <button
          type="button"
          class="button button--secondary"
          id={id('up')}
          aria-disabled={props.index === 0 ? 'true' : undefined}
          onClick={() => props.index > 0 && props.onMove(-1)}
        >
          {st('catalog.moveUp', { n: n() })}
        </button>
        <button
          type="button"
          class="button button--secondary"
          id={id('down')}
          aria-disabled={props.index === props.count - 1 ? 'true' : undefined}
          onClick={() => props.index < props.count - 1 && props.onMove(1)}
        >
          {st('catalog.moveDown', { n: n() })}
        </button>
        <button type="button" class="button button--secondary" onClick={() => props.onRemove()}>
          {st('catalog.removeQuestion', { n: n() })}
        </button>
      </div>
    </fieldset>
  );
}
