/**
 * Form fields in the GOV.UK pattern: label (or legend), hint, error message,
 * control — with the hint and error tied to the control by aria-describedby
 * and aria-invalid set when there is an error. No asterisks: optional
 * questions say "(optional)". Each question can have a Listen button.
 */
import { For, Show, type JSX } from 'solid-js';
import { t } from '../i18n';
import { ListenButton } from './ListenButton';

export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter((x): x is string => typeof x === 'string' && x.length > 0);
  return list.length > 0 ? list.join(' ') : undefined;
}

export function ErrorMessage(props: { id: string; children: JSX.Element }) {
  return (
    <p id={props.id} class="error-message">
      <span class="visually-hidden">{t('errors.prefix')} </span>
      {props.children}
    </p>
  );
}

export function Hint(props: { id: string; children: JSX.Element }) {
  return (
    <p id={props.id} class="hint">
      {props.children}
    </p>
  );
}

interface Common {
  id: string;
  label: string;
  hint?: string | null | undefined;
  error?: string | undefined;
  optional?: boolean;
  /** Read aloud by the Listen button: usually the question and its hint. */
  listen?: string | undefined;
}

function LabelText(props: { label: string; optional?: boolean | undefined }) {
  return (
    <>
      {props.label}
      <Show when={props.optional}>
        <span class="optional"> {t('form.optional')}</span>
      </Show>
    </>
  );
}

/** The label with its Listen button beside it. */
function LabelRow(props: Common) {
  return (
    <div class="field__label-row">
      <label class="label" for={props.id}>
        <LabelText label={props.label} optional={props.optional} />
      </label>
      <Show when={props.listen}>{(text) => <ListenButton text={text()} />}</Show>
    </div>
  );
}

function Parts(props: Common) {
  return (
    <>
      <Show when={props.hint}>{(h) => <Hint id={`${props.id}-hint`}>{h()}</Hint>}</Show>
      <Show when={props.error}>{(e) => <ErrorMessage id={`${props.id}-error`}>{e()}</ErrorMessage>}</Show>
    </>
  );
}

/** Call inside JSX attributes so Solid tracks the error and re-renders the attribute. */
function describedByFor(props: Common, extra?: string): string | undefined {
  return describedBy(props.hint && `${props.id}-hint`, props.error && `${props.id}-error`, extra);
}

export function TextField(
  props: Common & {
    value: string;
    onInput: (value: string) => void;
    type?: 'text' | 'email' | 'tel' | 'datetime-local' | 'search';
    inputMode?: 'text' | 'decimal' | 'numeric' | 'tel' | 'email';
    autocomplete?: string;
    spellcheck?: boolean;
    width?: 'short' | 'medium' | 'full';
    /** 'ltr' for codes, emails and phone numbers, which read left to right in Arabic too. */
    dir?: 'ltr';
  },
) {
  return (
    <div class="field" classList={{ 'field--error': !!props.error }}>
      <LabelRow {...props} />
      <Parts {...props} />
      <input
        id={props.id}
        name={props.id}
        class={`input input--${props.width ?? 'full'}`}
        type={props.type ?? 'text'}
        inputMode={props.inputMode}
        autocomplete={props.autocomplete ?? 'off'}
        spellcheck={props.spellcheck}
        dir={props.dir}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        aria-describedby={describedByFor(props)}
        aria-invalid={props.error ? 'true' : undefined}
      />
    </div>
  );
}

export function TextAreaField(
  props: Common & {
    value: string;
    onInput: (value: string) => void;
    rows?: number;
    /** Extra text under the box (a character count), also tied to it. */
    footer?: JSX.Element;
    footerId?: string;
  },
) {
  return (
    <div class="field" classList={{ 'field--error': !!props.error }}>
      <LabelRow {...props} />
      <Parts {...props} />
      <textarea
        id={props.id}
        name={props.id}
        class="textarea"
        rows={props.rows ?? 5}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        aria-describedby={describedByFor(props, props.footerId)}
        aria-invalid={props.error ? 'true' : undefined}
      />
      {props.footer}
    </div>
  );
}

export interface ChoiceOption {
  value: string;
  label: string;
  hint?: string;
}

/** Radios (one answer) or checkboxes (any number) in a fieldset whose legend is the question. */
export function ChoiceGroup(
  props: Common & {
    type: 'radio' | 'checkbox';
    options: readonly ChoiceOption[];
    isChecked: (value: string) => boolean;
    onChange: (value: string, checked: boolean) => void;
    /** A page with one question makes the legend its heading. */
    legendClass?: string;
  },
) {
  const optionId = (i: number) => (i === 0 ? props.id : `${props.id}-${i + 1}`);
  return (
    <div class="field" classList={{ 'field--error': !!props.error }}>
      <fieldset class="fieldset" aria-describedby={describedByFor(props)}>
        <legend class={props.legendClass ?? 'legend'}>
          <LabelText label={props.label} optional={props.optional} />
        </legend>
        <Show when={props.listen}>{(text) => <ListenButton text={text()} />}</Show>
        <Parts {...props} />
        <div class={props.type === 'radio' ? 'choices choices--radio' : 'choices choices--checkbox'}>
          <For each={props.options}>
            {(o, i) => (
              <div class="choice">
                <input
                  class="choice__input"
                  id={optionId(i())}
                  name={props.id}
                  type={props.type}
                  value={o.value}
                  checked={props.isChecked(o.value)}
                  aria-describedby={o.hint ? `${optionId(i())}-hint` : undefined}
                  onChange={(e) => props.onChange(o.value, e.currentTarget.checked)}
                />
                <label class="choice__label" for={optionId(i())}>
                  {o.label}
                </label>
                <Show when={o.hint}>
                  {(h) => (
                    <p id={`${optionId(i())}-hint`} class="hint choice__hint">
                      {h()}
                    </p>
                  )}
                </Show>
              </div>
            )}
          </For>
        </div>
      </fieldset>
    </div>
  );
}

/** A single checkbox, for a yes/no agreement such as consent to updates. */
export function CheckboxField(props: {
  id: string;
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div class="field">
      <div class="choice">
        <input
          class="choice__input"
          id={props.id}
          name={props.id}
          type="checkbox"
          checked={props.checked}
          aria-describedby={props.hint ? `${props.id}-hint` : undefined}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
        />
        <label class="choice__label" for={props.id}>
          {props.label}
        </label>
        <Show when={props.hint}>
          {(h) => (
            <p id={`${props.id}-hint`} class="hint choice__hint">
              {h()}
            </p>
          )}
        </Show>
      </div>
    </div>
  );
}

export function InsetText(props: { children: JSX.Element; listen?: string | undefined }) {
  return (
    <div class="inset-text">
      <p>{props.children}</p>
      <Show when={props.listen}>{(text) => <ListenButton text={text()} />}</Show>
    </div>
  );
}
