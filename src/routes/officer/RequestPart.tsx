/**
 * The "file a request for this person" part of the visit form: any service
 * of the catalog (read from the device, so it works offline), its questions
 * rendered by the citizen form's AttributeField, in the person's language.
 */
import { For, Show, createMemo } from 'solid-js';
import { localizeService, type Service } from '../../core/catalog';
import type { Lang } from '../../core/lang';
import { liveServices } from '../../db/catalog';
import { AttributeField, type RawAnswer } from '../../forms/AttributeField';
import { language } from '../../i18n';
import { TextAreaField } from '../../ui/Field';
import { createLive, valueOr } from '../../ui/live';
import { ot } from './i18n';

export function RequestPart(props: {
  service: string;
  onService: (code: string) => void;
  personLanguage: Lang;
  description: string;
  onDescription: (v: string) => void;
  answers: Record<string, RawAnswer>;
  onAnswer: (code: string, v: RawAnswer) => void;
  errorFor: (field: string) => string | undefined;
}) {
  const services = createLive(liveServices());
  const list = () => valueOr(services(), []).map((s) => localizeService(s, language()));
  const chosen = createMemo<Service | undefined>(() => {
    const s = valueOr(services(), []).find((x) => x.service_code === props.service);
    return s ? localizeService(s, language()) : undefined;
  });
  return (
    <fieldset class="fieldset section">
      <legend class="legend heading-m">{ot('request.title')}</legend>
      <div class="field" classList={{ 'field--error': !!props.errorFor('visit-service') }}>
        <label class="label" for="visit-service">
          {ot('request.service')}
        </label>
        <Show when={props.errorFor('visit-service')}>
          {(m) => (
            <p class="error-message" id="visit-service-error">
              {m()}
            </p>
          )}
        </Show>
        <select
          id="visit-service"
          class="input input--full"
          value={props.service}
          aria-describedby={props.errorFor('visit-service') ? 'visit-service-error' : undefined}
          onChange={(e) => props.onService(e.currentTarget.value)}
        >
          <option value="">{ot('request.choose')}</option>
          <For each={list()}>{(s) => <option value={s.service_code}>{s.service_name}</option>}</For>
        </select>
      </div>
      <Show when={chosen()}>
        {(s) => (
          <>
            <For each={[...s().attributes].sort((a, b) => a.order - b.order)}>
              {(attr) => (
                <AttributeField
                  attr={attr}
                  value={props.answers[attr.code]}
                  onChange={(v) => props.onAnswer(attr.code, v)}
                  error={props.errorFor(`attributes.${attr.code}`)}
                />
              )}
            </For>
            <TextAreaField
              id="visit-description"
              label={ot('request.description')}
              optional
              value={props.description}
              onInput={props.onDescription}
              error={props.errorFor('description')}
              rows={3}
            />
          </>
        )}
      </Show>
    </fieldset>
  );
}
