/**
 * "Check your answers": every answer in a summary list, grouped by step, each
 * with a Change link back to the step that asks it (which then returns here).
 */
import { For, Show, type JSX } from 'solid-js';
import type { Attribute, Service } from '../core/catalog';
import type { DraftValues, PhotoRecord } from '../db/records';
import { language, t } from '../i18n';
import { formatDateTime, formatNumber } from '../ui/format';
import { A } from '../ui/page-navigation';
import { attributeInputId, BUILT_IN_IDS } from './field-ids';
import type { StepId } from './steps';

interface Row {
  key: string;
  value: JSX.Element;
  step: StepId;
  /** The input the Change link should bring into view. */
  target: string;
}

function answerOf(attr: Attribute, raw: string | string[] | undefined): JSX.Element | undefined {
  const name = (key: string) => attr.values?.find((v) => v.key === key)?.name ?? key;
  if (Array.isArray(raw)) {
    if (raw.length === 0) return undefined;
    return (
      <ul class="plain-list">
        <For each={raw}>{(k) => <li>{name(k)}</li>}</For>
      </ul>
    );
  }
  const text = (raw ?? '').trim();
  if (text === '') return undefined;
  if (attr.datatype === 'singlevaluelist') return name(text);
  if (attr.datatype === 'datetime') return formatDateTime(text, language());
  return text;
}

function SummaryList(props: { rows: Row[]; base: string }) {
  return (
    <dl class="summary-list">
      <For each={props.rows}>
        {(row) => (
          <div class="summary-list__row">
            <dt class="summary-list__key">{row.key}</dt>
            <dd class="summary-list__value">{row.value}</dd>
            <dd class="summary-list__actions">
              <A
                href={`${props.base}/${row.step}?from=check#${row.target}`}
                aria-label={t('check.changeLabel', { question: row.key })}
              >
                {t('check.change')}
              </A>
            </dd>
          </div>
        )}
      </For>
    </dl>
  );
}

export function CheckAnswers(props: {
  service: Service;
  values: DraftValues;
  photos: readonly PhotoRecord[];
  base: string;
}) {
  const none = () => <span class="muted">{t('check.notAnswered')}</span>;
  const text = (s: string) => (s.trim() === '' ? none() : s.trim());

  const questionRows = (): Row[] =>
    [...props.service.attributes]
      .filter((a) => a.variable)
      .sort((a, b) => a.order - b.order)
      .map((a) => ({
        key: a.description,
        value: answerOf(a, props.values.attributes[a.code]) ?? none(),
        step: 'questions',
        target: attributeInputId(a.code),
      }));

  const place = () => {
    const l = props.values.location;
    const parts: string[] = [];
    if (l.address_string.trim() !== '') parts.push(l.address_string.trim());
    if (l.lat !== undefined && l.long !== undefined)
      parts.push(t('check.yourLocation', { metres: formatNumber(l.accuracy_m ?? 0, language()) }));
    return parts.length > 0 ? parts.join('. ') : none();
  };

  const c = () => props.values.contact;
  return (
    <>
      <Show when={questionRows().length > 0}>
        <h2 class="heading-m">{t('check.sections.questions')}</h2>
        <SummaryList rows={questionRows()} base={props.base} />
      </Show>
      <h2 class="heading-m">{t('check.sections.details')}</h2>
      <SummaryList
        base={props.base}
        rows={[
          {
            key: t('check.rows.description'),
            value: <span class="pre-line">{text(props.values.description)}</span>,
            step: 'details',
            target: BUILT_IN_IDS.description,
          },
          {
            key: t('check.rows.photos'),
            value: props.photos.length > 0 ? t('check.photoCount', { count: props.photos.length }) : none(),
            step: 'details',
            target: BUILT_IN_IDS.photosCamera,
          },
        ]}
      />
      <h2 class="heading-m">{t('check.sections.location')}</h2>
      <SummaryList
        base={props.base}
        rows={[
          { key: t('check.rows.place'), value: place(), step: 'location', target: BUILT_IN_IDS.address },
        ]}
      />
      <h2 class="heading-m">{t('check.sections.contact')}</h2>
      <SummaryList
        base={props.base}
        rows={[
          { key: t('check.rows.name'), value: text(c().name), step: 'contact', target: BUILT_IN_IDS.name },
          { key: t('check.rows.phone'), value: text(c().phone), step: 'contact', target: BUILT_IN_IDS.phone },
          { key: t('check.rows.email'), value: text(c().email), step: 'contact', target: BUILT_IN_IDS.email },
          {
            key: t('check.rows.updates'),
            value: t(c().consent_updates ? 'check.yes' : 'check.no'),
            step: 'contact',
            target: BUILT_IN_IDS.consent,
          },
        ]}
      />
    </>
  );
}
