/**
 * "My work": the requests assigned to the officer, as downloaded for the
 * day, soonest due first (or nearest first, from the last known position;
 * the other order breaks ties), each marked when it changed on the server
 * or is no longer theirs.
 */
import { For, Show, createMemo, createResource, createSignal } from 'solid-js';
import { localizeService } from '../../core/catalog';
import { liveServices } from '../../db/catalog';
import { getMeta, savePosition } from '../../db/officer/meta';
import { liveWork, unseenChanges, type StoredWork } from '../../db/officer/work';
import { locate } from '../../forms/geolocation';
import { language } from '../../i18n';
import { ChoiceGroup } from '../../ui/Field';
import { formatDay, formatNumber } from '../../ui/format';
import { createLive, valueOr } from '../../ui/live';
import { PageHeading } from '../../ui/PageHeading';
import { StatusBadge } from '../../ui/StatusBadge';
import { kmBetween } from './distance';
import { Frame } from './Frame';
import { ot } from './i18n';

type Sort = 'due' | 'near';

function List() {
  const work = createLive(liveWork());
  const services = createLive(liveServices());
  const [position, { refetch }] = createResource(() => getMeta('position'));
  const [sort, setSort] = createSignal<Sort>('due');
  const name = (code: string) => {
    const s = valueOr(services(), []).find((x) => x.service_code === code);
    return s ? localizeService(s, language()).service_name : code;
  };
  const km = (w: StoredWork): number | undefined => {
    const p = position();
    return p && w.lat !== null && w.long !== null ? kmBetween(p, { lat: w.lat, long: w.long }) : undefined;
  };
  const sorted = createMemo(() => {
    const byDue = (a: StoredWork, b: StoredWork) => a.due.localeCompare(b.due);
    const byKm = (a: StoredWork, b: StoredWork) => (km(a) ?? Infinity) - (km(b) ?? Infinity);
    const [first, second] = sort() === 'due' ? [byDue, byKm] : [byKm, byDue];
    return [...valueOr(work(), [])].sort(
      (a, b) => first(a, b) || second(a, b) || a.tracking.localeCompare(b.tracking),
    );
  });
  const updatePosition = async () => {
    const r = await locate();
    if (r.ok) await savePosition({ lat: r.lat, long: r.long, accuracy_m: r.accuracy_m });
    await refetch();
  };
  return (
    <>
      <PageHeading>{ot('work.title')}</PageHeading>
      <ChoiceGroup
        id="work-sort"
        type="radio"
        label={ot('work.sort')}
        options={[
          { value: 'due', label: ot('work.sortDue') },
          { value: 'near', label: ot('work.sortNear') },
        ]}
        isChecked={(x) => sort() === x}
        onChange={(x) => setSort(x as Sort)}
      />
      <Show when={!position()}>
        <p class="hint">{ot('work.noPosition')}</p>
      </Show>
      <button type="button" class="button button--secondary" onClick={() => void updatePosition()}>
        {ot('work.updatePosition')}
      </button>
      <Show when={work().loaded && sorted().length === 0}>
        <p>{ot('work.empty')}</p>
      </Show>
      <ul class="card-list officer-work" aria-label={ot('work.title')}>
        <For each={sorted()}>
          {(w) => (
            <li class="card">
              <div class="card__body">
                <h2 class="card__title heading-s">
                  <a href={`/officer/work/${w.tracking}`}>
                    {name(w.service_code)} <span dir="ltr">{w.tracking}</span>
                  </a>
                </h2>
                <StatusBadge kind={w.status} />
                <p>
                  {ot('work.due', { date: formatDay(w.due, language()) })}
                  <Show when={w.overdue}> · {ot('work.overdue')}</Show>
                  <Show when={km(w)}>
                    {(d) => <> · {ot('work.distance', { km: formatNumber(d(), language(), 1) })}</>}
                  </Show>
                </p>
                <Show when={w.address_string}>{(a) => <p>{a()}</p>}</Show>
                <Show when={w.gone}>
                  <p class="warning-text">{ot('work.gone')}</p>
                </Show>
                <Show when={unseenChanges(w).length > 0}>
                  <p class="warning-text">{ot('work.changed')}</p>
                </Show>
              </div>
            </li>
          )}
        </For>
      </ul>
    </>
  );
}

export default function WorkPage() {
  return (
    <Frame>
      <List />
    </Frame>
  );
}
