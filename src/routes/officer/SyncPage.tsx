/**
 * The sync summary: how much waits, was sent and was refused (and why, in
 * the officer's language), the last successful sync, photos sent out of
 * all, storage used; the requests that changed on the server meanwhile;
 * and "Send now".
 */
import { For, Show, createResource } from 'solid-js';
import type { SyncEvent } from '../../core/events';
import { storageEstimate } from '../../db/storage';
import { getMeta } from '../../db/officer/meta';
import { liveOutbox } from '../../db/officer/outbox';
import { livePhotoProgress } from '../../db/officer/photos';
import type { OutboxEntry } from '../../db/officer/records';
import { liveWork, unseenChanges } from '../../db/officer/work';
import { language } from '../../i18n';
import { formatBytes, formatDateTime, formatNumber } from '../../ui/format';
import { createLive, valueOr } from '../../ui/live';
import { PageHeading } from '../../ui/PageHeading';
import { statusName } from '../../ui/StatusBadge';
import { Frame } from './Frame';
import { HistoryList } from './HistoryList';
import { ot, type OfficerKey } from './i18n';
import { lastSync, syncNow, syncRunning } from './sync-state';

const REASONS = new Set([
  'invalid',
  'unknown_service',
  'unknown_request',
  'missing_attribute',
  'invalid_transition',
  'forbidden',
  'event_id_reused',
  'unknown_photo',
  'not_signed_in',
  'reassigned',
  'status_changed',
]);

export function describeEvent(e: SyncEvent): string {
  switch (e.type) {
    case 'create_request':
      return ot('sync.events.create_request', { service: e.request.service_code });
    case 'log_visit':
      return ot('sync.events.log_visit', {
        place: e.visit.place ?? `${e.visit.location?.lat ?? ''}, ${e.visit.location?.long ?? ''}`,
      });
    case 'status_change':
      return ot('sync.events.status_change', { tracking: e.tracking, status: statusName(e.to) });
    case 'note':
      return ot('sync.events.note', { tracking: e.tracking });
    case 'photo_added':
      return ot('sync.events.photo_added', { tracking: e.tracking });
    default:
      return ot('sync.events.other');
  }
}

function Refused(props: { entry: OutboxEntry }) {
  const reason = () => props.entry.reason ?? 'other';
  return (
    <li>
      <p>
        <strong>{describeEvent(props.entry.event)}</strong>
      </p>
      <p>{ot(`sync.reasons.${REASONS.has(reason()) ? reason() : 'other'}` as OfficerKey)}</p>
      <Show when={props.entry.status}>
        {(s) => <p>{ot('sync.statusNow', { status: statusName(s()) })}</p>}
      </Show>
    </li>
  );
}

function Summary() {
  const outbox = createLive(liveOutbox());
  const photos = createLive(livePhotoProgress());
  const work = createLive(liveWork());
  const [lastAt, { refetch }] = createResource(() => getMeta('last_sync_at'));
  const [storage] = createResource(storageEstimate);
  const entries = () => valueOr(outbox(), []);
  const count = (state: OutboxEntry['state']) => entries().filter((e) => e.state === state).length;
  const changed = () => valueOr(work(), []).filter((w) => unseenChanges(w).length > 0);
  const send = async () => {
    await syncNow();
    await refetch();
  };
  const n = (x: number) => formatNumber(x, language());
  return (
    <>
      <PageHeading>{ot('sync.title')}</PageHeading>
      <dl class="officer-figures">
        <div>
          <dt>{ot('sync.waiting')}</dt>
          <dd data-figure="waiting">{n(count('waiting'))}</dd>
        </div>
        <div>
          <dt>{ot('sync.sent')}</dt>
          <dd data-figure="sent">{n(count('sent'))}</dd>
        </div>
        <div>
          <dt>{ot('sync.refused')}</dt>
          <dd data-figure="refused">{n(count('refused'))}</dd>
        </div>
      </dl>
      <p role="status">
        {ot('sync.photos', {
          sent: n(valueOr(photos(), { sent: 0, total: 0 }).sent),
          total: n(valueOr(photos(), { sent: 0, total: 0 }).total),
        })}
      </p>
      <p>
        {ot('sync.lastSync')}: {lastAt() ? formatDateTime(lastAt() ?? '', language()) : ot('sync.never')}
      </p>
      <p>
        {ot('sync.storage')}:{' '}
        {storage() ? formatBytes(storage()?.usage ?? 0, language()) : ot('sync.unknown')}
      </p>
      <button type="button" class="button" disabled={syncRunning()} onClick={() => void send()}>
        {syncRunning() ? ot('sync.sending') : ot('sync.sendNow')}
      </button>
      <p role="status">
        <Show when={!syncRunning() && lastSync()}>
          {(s) => (s().error ? ot(`sync.errors.${s().error ?? 'server'}` as OfficerKey) : ot('sync.done'))}
        </Show>
      </p>
      <section class="section" aria-labelledby="sync-refused-title">
        <h2 id="sync-refused-title" class="heading-m">
          {ot('sync.refusedTitle')}
        </h2>
        <Show when={count('refused') > 0} fallback={<p>{ot('sync.nothingRefused')}</p>}>
          <ul>
            <For each={entries().filter((e) => e.state === 'refused')}>{(e) => <Refused entry={e} />}</For>
          </ul>
        </Show>
      </section>
      <Show when={changed().length > 0}>
        <section class="section" aria-labelledby="sync-changed-title">
          <h2 id="sync-changed-title" class="heading-m">
            {ot('sync.changedTitle')}
          </h2>
          <For each={changed()}>
            {(w) => (
              <>
                <h3 class="heading-s">
                  <a href={`/officer/work/${w.tracking}`} dir="ltr">
                    {w.tracking}
                  </a>
                </h3>
                <HistoryList entries={unseenChanges(w)} />
              </>
            )}
          </For>
        </section>
      </Show>
    </>
  );
}

export default function SyncPage() {
  return (
    <Frame>
      <Summary />
    </Frame>
  );
}
