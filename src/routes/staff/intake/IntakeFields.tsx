/**
 * The intake form's own fields: how the request came in, the person's
 * language, the place in their words (or coordinates), and their contact
 * details with their consent for updates, worded for the staff member
 * asking. The service's questions come from the form engine (AttributeField).
 */
import type { Lang } from '../../../core/lang';
import { LANGUAGES } from '../../../core/lang';
import type { DraftValues } from '../../../db/records';
import { CheckboxField, ChoiceGroup, TextField } from '../../../ui/Field';
import { BUILT_IN_IDS } from '../../../forms/field-ids';
import { st } from '../i18n';
import { SelectField } from '../shared/SelectField';

export type IntakeChannel = 'phone' | 'counter';

export function HowFields(props: {
  channel: IntakeChannel;
  onChannel: (c: IntakeChannel) => void;
  lang: Lang;
  onLang: (l: Lang) => void;
}) {
  return (
    <>
      <ChoiceGroup
        id="intake-channel"
        type="radio"
        label={st('intake.channel')}
        options={(['phone', 'counter'] as const).map((c) => ({ value: c, label: st(`channels.${c}`) }))}
        isChecked={(v) => v === props.channel}
        onChange={(v) => props.onChannel(v as IntakeChannel)}
      />
      <SelectField
        id="intake-language"
        label={st('intake.language')}
        hint={st('intake.languageHint')}
        value={props.lang}
        options={LANGUAGES.map((l) => ({ value: l.code, label: l.nativeName }))}
        onChange={(v) => props.onLang(v as Lang)}
      />
    </>
  );
}

export function PlaceFields(props: {
  value: DraftValues['location'];
  onChange: (l: DraftValues['location']) => void;
  error?: string | undefined;
}) {
  const coord = (v: string) => (v.trim() === '' ? undefined : Number(v));
  const { lat: _lat, long: _long, ...rest } = props.value;
  return (
    <>
      <TextField
        id={BUILT_IN_IDS.address}
        label={st('intake.address')}
        hint={st('intake.addressHint')}
        value={props.value.address_string}
        onInput={(v) => props.onChange({ ...props.value, address_string: v })}
        error={props.error}
      />
      <div class="intake-coords">
        <TextField
          id="intake-lat"
          label={st('intake.lat')}
          optional
          inputMode="decimal"
          width="short"
          dir="ltr"
          value={props.value.lat?.toString() ?? ''}
          onInput={(v) => {
            const lat = coord(v);
            props.onChange(
              lat === undefined || Number.isNaN(lat)
                ? { ...rest, ...(props.value.long !== undefined ? { long: props.value.long } : {}) }
                : { ...props.value, lat },
            );
          }}
        />
        <TextField
          id="intake-long"
          label={st('intake.long')}
          optional
          inputMode="decimal"
          width="short"
          dir="ltr"
          value={props.value.long?.toString() ?? ''}
          onInput={(v) => {
            const long = coord(v);
            props.onChange(
              long === undefined || Number.isNaN(long)
                ? { ...rest, ...(props.value.lat !== undefined ? { lat: props.value.lat } : {}) }
                : { ...props.value, long },
            );
          }}
        />
      </div>
    </>
  );
}

export function PersonFields(props: {
  value: DraftValues['contact'];
  onChange: (c: DraftValues['contact']) => void;
  errorFor: (field: string) => string | undefined;
}) {
  const set = (k: 'name' | 'phone' | 'email') => (v: string) => props.onChange({ ...props.value, [k]: v });
  return (
    <>
      <TextField
        id={BUILT_IN_IDS.name}
        label={st('intake.name')}
        optional
        value={props.value.name}
        onInput={set('name')}
        error={props.errorFor('contact.name')}
      />
      <TextField
        id={BUILT_IN_IDS.phone}
        label={st('intake.phone')}
        optional
        type="tel"
        dir="ltr"
        width="medium"
        value={props.value.phone}
        onInput={set('phone')}
        error={props.errorFor('contact.phone')}
      />
      <TextField
        id={BUILT_IN_IDS.email}
        label={st('intake.email')}
        optional
        type="email"
        dir="ltr"
        value={props.value.email}
        onInput={set('email')}
        error={props.errorFor('contact.email')}
      />
      <CheckboxField
        id={BUILT_IN_IDS.consent}
        label={st('intake.consent')}
        hint={st('intake.consentHint')}
        checked={props.value.consent_updates}
        onChange={(v) => props.onChange({ ...props.value, consent_updates: v })}
      />
    </>
  );
}
