/**
 * Contact details, all optional: name, phone, email, and whether the person
 * wants updates on them. Updates come in the language they are using now.
 * On a shared device (`autofill` false, a kiosk) the browser is told neither
 * to offer nor to remember what is typed, so the next person is never offered
 * the last one's name or phone.
 */
import { LANGUAGES } from '../../core/lang';
import type { DraftValues } from '../../db/records';
import { language, t } from '../../i18n';
import { CheckboxField, InsetText, TextField } from '../../ui/Field';
import { BUILT_IN_IDS } from '../field-ids';

type Contact = DraftValues['contact'];

export function ContactFields(props: {
  value: Contact;
  onChange: (change: (c: Contact) => void) => void;
  errorFor: (field: string) => string | undefined;
  /** Let the browser fill these in from, and remember them for, the device's owner. */
  autofill: boolean;
}) {
  const purpose = (token: string) => (props.autofill ? token : 'off');
  const languageName = () => LANGUAGES.find((l) => l.code === language())?.nativeName ?? language();
  return (
    <>
      <p>{t('field.contact.intro')}</p>
      <TextField
        id={BUILT_IN_IDS.name}
        label={t('field.contact.name')}
        optional
        autocomplete={purpose('name')}
        error={props.errorFor('contact.name')}
        value={props.value.name}
        onInput={(v) => props.onChange((c) => (c.name = v))}
      />
      <TextField
        id={BUILT_IN_IDS.phone}
        label={t('field.contact.phone')}
        hint={t('field.contact.phoneHint')}
        optional
        type="tel"
        dir="ltr"
        autocomplete={purpose('tel')}
        width="medium"
        error={props.errorFor('contact.phone')}
        value={props.value.phone}
        onInput={(v) => props.onChange((c) => (c.phone = v))}
      />
      <TextField
        id={BUILT_IN_IDS.email}
        label={t('field.contact.email')}
        optional
        type="email"
        dir="ltr"
        autocomplete={purpose('email')}
        spellcheck={false}
        error={props.errorFor('contact.email')}
        value={props.value.email}
        onInput={(v) => props.onChange((c) => (c.email = v))}
      />
      <CheckboxField
        id={BUILT_IN_IDS.consent}
        label={t('field.contact.consent')}
        hint={t('field.contact.consentHint')}
        checked={props.value.consent_updates}
        onChange={(v) => props.onChange((c) => (c.consent_updates = v))}
      />
      <InsetText>{t('field.contact.languageNote', { language: languageName() })}</InsetText>
    </>
  );
}
