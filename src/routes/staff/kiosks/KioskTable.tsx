/**
 * The kiosks as a table (cards on a phone, staff.css): name, state (with the
 * link's expiry or the revocation date), last contact, requests filed and
 * settings in words, and the actions that fit the state. The row's name
 * follows each action's label for screen readers ("Change Ikeja").
 */
import { For, Show } from 'solid-js';
import { language } from '../../../i18n';
import type { ListedKiosk } from '../../../sync/staff/kiosks';
import { formatDateTime } from '../../../ui/format';
import { st } from '../i18n';
import { languageName, offeredText } from './KioskForm';

const when = (iso: string | null) => (iso ? formatDateTime(iso, language()) : st('kiosks.never'));

function StateCell(props: { k: ListedKiosk }) {
  const k = () => props.k;
  return (
    <>
      <span class={`kiosk-state kiosk-state--${k().state}`}>{st(`kiosks.states.${k().state}`)}</span>
      <Show when={k().state === 'revoked' && k().revoked_at}>
        {(at) => (
          <span class="hint staff-table__summary">{st('kiosks.revokedOn', { date: when(at()) })}</span>
        )}
      </Show>
      <Show when={k().state !== 'revoked' && k().enrol_expires_at}>
        {(at) => (
          <span class="hint staff-table__summary">{st('kiosks.linkUntil', { date: when(at()) })}</span>
        )}
      </Show>
    </>
  );
}

export function KioskTable(props: {
  kiosks: readonly ListedKiosk[];
  onEdit: (k: ListedKiosk) => void;
  onLink: (k: ListedKiosk) => void;
  onRevoke: (k: ListedKiosk) => void;
}) {
  const label = (key: 'kiosks.edit' | 'kiosks.newLink' | 'kiosks.revoke', k: ListedKiosk) => (
    <>
      {st(key)}
      <span class="visually-hidden"> {k.name}</span>
    </>
  );
  return (
    <table class="staff-table">
      <caption class="visually-hidden">{st('kiosks.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{st('kiosks.name')}</th>
          <th scope="col">{st('kiosks.state')}</th>
          <th scope="col">{st('kiosks.lastSeen')}</th>
          <th scope="col">{st('kiosks.requests')}</th>
          <th scope="col">{st('kiosks.settings')}</th>
          <th scope="col">{st('kiosks.actions')}</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.kiosks}>
          {(k) => (
            <tr>
              <th scope="row">{k.name}</th>
              <td data-label={st('kiosks.state')}>
                <StateCell k={k} />
              </td>
              <td data-label={st('kiosks.lastSeen')}>{when(k.last_seen_at)}</td>
              <td data-label={st('kiosks.requests')}>
                {st('kiosks.requestCount', { count: k.requests })}
                <Show when={k.last_request_at}>
                  {(at) => <span class="hint"> {st('kiosks.lastRequest', { date: when(at()) })}</span>}
                </Show>
              </td>
              <td data-label={st('kiosks.settings')}>
                {st('kiosks.settingsText', {
                  warning: k.settings.idle_warning_s,
                  reset: k.settings.idle_reset_s,
                  language: languageName(k.settings.default_language),
                  services: offeredText(k.settings.services),
                })}
              </td>
              <td data-label={st('kiosks.actions')}>
                <Show when={k.state !== 'revoked'}>
                  <div class="button-row">
                    <button type="button" class="button button--secondary" onClick={() => props.onEdit(k)}>
                      {label('kiosks.edit', k)}
                    </button>
                    <button type="button" class="button button--secondary" onClick={() => props.onLink(k)}>
                      {label('kiosks.newLink', k)}
                    </button>
                    <button type="button" class="button button--warning" onClick={() => props.onRevoke(k)}>
                      {label('kiosks.revoke', k)}
                    </button>
                  </div>
                </Show>
              </td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
