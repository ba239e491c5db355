/**
 * "Continue where you left off": each saved form with Continue and Discard.
 * Discard asks first, in place, because a discarded form cannot come back.
 */
import { A } from '../../router';
import { For, Show, createSignal } from 'solid-js';
import type { Service } from '../../../core/catalog';
import { discardDraft } from '../../../db/drafts';
import type { DraftRecord } from '../../../db/records';
import { language, t } from '../../../i18n';
import { formatDateTime } from '../../../ui/format';
import { Icon } from '../../../ui/icons';

export function DraftList(props: { drafts: readonly DraftRecord[]; services: ReadonlyMap<string, Service> }) {
  const [confirming, setConfirming] = createSignal<string | undefined>();
  const [announce, setAnnounce] = createSignal('');
  let heading: HTMLHeadingElement | undefined;
  const name = (d: DraftRecord) =>
    props.services.get(d.service_code)?.service_name ?? t('requests.unknownService');

  const ask = (id: string) => {
    setAnnounce('');
    setConfirming(id);
    document.getElementById(`confirm-${id}`)?.focus();
  };
  const keep = (id: string) => {
    setConfirming(undefined);
    document.getElementById(`discard-${id}`)?.focus();
  };
  const discard = async (id: string) => {
    await discardDraft(id);
    setConfirming(undefined);
    setAnnounce(t('form.drafts.discarded'));
    (heading ?? document.querySelector<HTMLElement>('h1'))?.focus();
  };

  return (
    <>
      <p class="visually-hidden" role="status">
        {announce()}
      </p>
      <Show when={props.drafts.length > 0}>
        <section class="section" aria-labelledby="drafts-title">
          <h2 id="drafts-title" class="heading-m" tabIndex={-1} ref={heading}>
            {t('form.drafts.title')}
          </h2>
          <ul class="card-list">
            <For each={props.drafts}>
              {(d) => (
                <li class="card">
                  <Show when={props.services.get(d.service_code)}>
                    {(s) => <Icon name={s().icon} class="card__icon" />}
                  </Show>
                  <div class="card__body">
                    <p class="card__title">{name(d)}</p>
                    <p class="muted">
                      {t('form.drafts.changed', { date: formatDateTime(d.updated_at, language()) })}
                    </p>
                    <Show
                      when={confirming() === d.id}
                      fallback={
                        <div class="button-row">
                          <A
                            class="button"
                            href={`/drafts/${d.id}`}
                            aria-label={t('form.drafts.continueLabel', { service: name(d) })}
                          >
                            {t('form.drafts.continue')}
                          </A>
                          <button
                            type="button"
                            id={`discard-${d.id}`}
                            class="button button--secondary"
                            aria-label={t('form.drafts.discardLabel', { service: name(d) })}
                            onClick={() => ask(d.id)}
                          >
                            {t('form.drafts.discard')}
                          </button>
                        </div>
                      }
                    >
                      <div class="confirm" role="group" aria-labelledby={`confirm-${d.id}`}>
                        <p id={`confirm-${d.id}`} tabIndex={-1} class="confirm__question">
                          {t('form.drafts.confirm', { service: name(d) })}
                        </p>
                        <div class="button-row">
                          <button
                            type="button"
                            class="button button--warning"
                            onClick={() => void discard(d.id)}
                          >
                            {t('form.drafts.confirmYes')}
                          </button>
                          <button type="button" class="button button--secondary" onClick={() => keep(d.id)}>
                            {t('form.drafts.confirmNo')}
                          </button>
                        </div>
                      </div>
                    </Show>
                  </div>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </>
  );
}
