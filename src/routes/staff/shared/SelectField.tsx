/**
 * A labelled drop-down in the pattern of src/ui/Field (label, hint, error
 * tied to the control). The citizen forms use radios; the desk has long
 * lists (services, staff) where a select is the usual control.
 */
import { For, Show } from 'solid-js';
import { describedBy, ErrorMessage, Hint } from '../../../ui/Field';

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

export function SelectField(props: {
  id: string;
  label: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
}) {
  return (
    <div class="field" classList={{ 'field--error': !!props.error }}>
      <label class="label" for={props.id}>
        {props.label}
      </label>
      <Show when={props.hint}>{(h) => <Hint id={`${props.id}-hint`}>{h()}</Hint>}</Show>
      <Show when={props.error}>{(e) => <ErrorMessage id={`${props.id}-error`}>{e()}</ErrorMessage>}</Show>
      <select
        id={props.id}
        name={props.id}
        class="select"
        onChange={(e) => props.onChange(e.currentTarget.value)}
        aria-describedby={describedBy(props.hint && `${props.id}-hint`, props.error && `${props.id}-error`)}
        aria-invalid={props.error ? 'true' : undefined}
      >
        <For each={props.options}>
          {(o) => (
            <option value={o.value} selected={o.value === props.value}>
              {o.label}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}
