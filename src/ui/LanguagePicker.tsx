/**
 * The language picker, once per page in the header. Its box shows the
 * current language named in itself ("Hausa", "العربية"), so a person who
 * cannot read the page's language still finds their own; a globe marks it.
 * The label is for screen readers: the box and the globe say it to the eye.
 */
import { For } from 'solid-js';
import { LANGUAGES, isLang } from '../core/lang';
import { changeLanguage, language, t } from '../i18n';
import { rememberLanguage } from '../i18n/preference';
import { Icon } from './icons';

export function LanguagePicker(props: { id: string }) {
  const onChange = (value: string) => {
    if (!isLang(value)) return;
    rememberLanguage(value);
    void changeLanguage(value);
  };
  return (
    <div class="language-picker">
      <label for={props.id} class="visually-hidden">
        {t('language.label')}
      </label>
      <Icon name="language" class="language-picker__icon" />
      <select id={props.id} value={language()} onChange={(e) => onChange(e.currentTarget.value)}>
        <For each={LANGUAGES}>
          {(l) => (
            <option value={l.code} lang={l.code} dir={l.dir}>
              {l.nativeName}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}
