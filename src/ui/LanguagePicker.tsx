/** A language picker where each language is named in itself. */
import { For } from 'solid-js';
import { LANGUAGES, isLang } from '../core/lang';
import { changeLanguage, language, t } from '../i18n';
import { rememberLanguage } from '../i18n/preference';

export function LanguagePicker(props: { id: string }) {
  const onChange = (value: string) => {
    if (!isLang(value)) return;
    rememberLanguage(value);
    void changeLanguage(value);
  };
  return (
    <div class="language-picker">
      <label for={props.id}>{t('language.label')}</label>
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
