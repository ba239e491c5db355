/** The description: a text area with a character count (read with the box, not announced per key). */
import { MAX_DESCRIPTION } from '../../core/limits';
import { language, t } from '../../i18n';
import { TextAreaField } from '../../ui/Field';
import { formatNumber } from '../../ui/format';
import { sentences } from '../../ui/speech';
import { BUILT_IN_IDS } from '../field-ids';

export function DescriptionField(props: {
  value: string;
  onInput: (v: string) => void;
  error?: string | undefined;
}) {
  const id = BUILT_IN_IDS.description;
  const left = () => MAX_DESCRIPTION - props.value.length;
  const countText = () =>
    left() >= 0
      ? t('field.description.count', { count: left(), formatted: formatNumber(left(), language()) })
      : t('field.description.over', { count: -left(), formatted: formatNumber(-left(), language()) });
  return (
    <TextAreaField
      id={id}
      label={t('field.description.label')}
      hint={t('field.description.hint')}
      optional
      listen={sentences(t('field.description.label'), t('field.description.hint'))}
      error={props.error}
      rows={6}
      value={props.value}
      onInput={props.onInput}
      footerId={`${id}-count`}
      footer={
        <p
          id={`${id}-count`}
          class="hint character-count"
          classList={{ 'character-count--over': left() < 0 }}
        >
          {countText()}
        </p>
      }
    />
  );
}
