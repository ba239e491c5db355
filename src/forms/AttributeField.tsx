/**
 * One question of a service, rendered by its Open311 datatype: string → text
 * input, number → decimal input, datetime → date-and-time input, text →
 * text area, singlevaluelist → radios, multivaluelist → checkboxes.
 * Display-only attributes (variable: false) are shown as inset text.
 */
import { Match, Switch } from 'solid-js';
import type { Attribute } from '../core/catalog';
import { ChoiceGroup, InsetText, TextAreaField, TextField } from '../ui/Field';
import { sentences } from '../ui/speech';
import { attributeInputId } from './field-ids';

export type RawAnswer = string | string[];

function asText(v: RawAnswer | undefined): string {
  return typeof v === 'string' ? v : '';
}

function asList(v: RawAnswer | undefined): string[] {
  return Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : [];
}

/** What the Listen button reads: the question, then its hint. */
export function spokenQuestion(attr: Attribute): string {
  return sentences(attr.description, attr.datatype_description);
}

export function AttributeField(props: {
  attr: Attribute;
  value: RawAnswer | undefined;
  onChange: (value: RawAnswer) => void;
  error?: string | undefined;
}) {
  // Getters, so the fields re-render when the error (or the language) changes.
  const common = {
    get id() {
      return attributeInputId(props.attr.code);
    },
    get label() {
      return props.attr.description;
    },
    get hint() {
      return props.attr.datatype_description;
    },
    get error() {
      return props.error;
    },
    get optional() {
      return !props.attr.required;
    },
    get listen() {
      return spokenQuestion(props.attr);
    },
  };
  const options = () => (props.attr.values ?? []).map((v) => ({ value: v.key, label: v.name }));
  return (
    <Switch>
      <Match when={!props.attr.variable}>
        <InsetText listen={props.attr.description}>{props.attr.description}</InsetText>
      </Match>
      <Match when={props.attr.datatype === 'string'}>
        <TextField {...common} value={asText(props.value)} onInput={props.onChange} />
      </Match>
      <Match when={props.attr.datatype === 'number'}>
        <TextField
          {...common}
          inputMode="decimal"
          width="short"
          value={asText(props.value)}
          onInput={props.onChange}
        />
      </Match>
      <Match when={props.attr.datatype === 'datetime'}>
        <TextField
          {...common}
          type="datetime-local"
          width="medium"
          value={asText(props.value)}
          onInput={props.onChange}
        />
      </Match>
      <Match when={props.attr.datatype === 'text'}>
        <TextAreaField {...common} rows={4} value={asText(props.value)} onInput={props.onChange} />
      </Match>
      <Match when={props.attr.datatype === 'singlevaluelist'}>
        <ChoiceGroup
          {...common}
          type="radio"
          options={options()}
          isChecked={(key) => asText(props.value) === key}
          onChange={(key, checked) => checked && props.onChange(key)}
        />
      </Match>
      <Match when={props.attr.datatype === 'multivaluelist'}>
        <ChoiceGroup
          {...common}
          type="checkbox"
          options={options()}
          isChecked={(key) => asList(props.value).includes(key)}
          onChange={(key, checked) => {
            const current = asList(props.value).filter((k) => k !== key);
            // Keep the catalog's order, whatever order the boxes were ticked in.
            const order = (props.attr.values ?? []).map((v) => v.key);
            const next = checked ? [...current, key] : current;
            props.onChange(order.filter((k) => next.includes(k)));
          }}
        />
      </Match>
    </Switch>
  );
}
