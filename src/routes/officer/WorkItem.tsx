/**
 * One assigned request, offline: details, contact, photos and the full
 * history as downloaded, what changed on the server since the officer last
 * looked, and forms for a note, a status change and photos, each saved as
 * an event in the outbox.
 */
import { For, Show, createResource, onCleanup } from 'solid-js';
import { localizeService } from '../../core/catalog';
import { getService } from '../../db/catalog';
import { getPicture, liveWorkItem, markSeen, unseenChanges } from '../../db/officer/work';
import { language } from '../../i18n';
import { formatDateTime, formatDay } from '../../ui/format';
import { createLive, valueOr } from '../../ui/live';
import { PageHeading } from '../../ui/PageHeading';
import { StatusBadge } from '../../ui/StatusBadge';
import { useParams } from '../router';
import { Frame } from './Frame';
import { HistoryList } from './HistoryList';
import { ot } from './i18n';
import { ItemForms } from './ItemForms';
import type { StoredWork } from '../../db/officer/work';

function Picture(props: { sha256: string; n: number }) {
  const [blob] = createResource(() => props.sha256, getPicture);
  const url = () => {
    const b = blob();
    return b ? URL.createObjectURL(b) : undefined;
  };
  onCleanup(() => {
    const u = url();
    if (u) URL.revokeObjectURL(u);
  });
  return (
    <li>
      <Show when={url()} fallback={<p class="hint">{ot('item.noPhoto')}</p>}>
        {(u) => <img src={u()} alt={ot('photos.alt', { n: props.n })} />}
      </Show>
    </li>
  );
}

function Details(props: { w: StoredWork }) {
  const [service] = createResource(() => props.w.service_code, getService);
  const name = () => {
    const s = service();
    return s ? localizeService(s, language()).service_name : props.w.service_code;
  };
  const changes = () => unseenChanges(props.w);
  return (
    <>
      <PageHeading>
        {name()} <span dir="ltr">{props.w.tracking}</span>
      </PageHeading>
      <StatusBadge kind={props.w.status} />
      <p>{ot('work.due', { date: formatDay(props.w.due, language()) })}</p>
      <Show when={props.w.gone}>
        <p class="warning-text">{ot('work.gone')}</p>
      </Show>
      <Show when={changes().length > 0}>
        <section class="section officer-banner" aria-labelledby="item-changes-title">
          <h2 id="item-changes-title" class="heading-m">
            {ot('item.changesTitle')}
          </h2>
          <HistoryList entries={changes()} />
          <button
            type="button"
            class="button button--secondary"
            onClick={() => void markSeen(props.w.tracking)}
          >
            {ot('item.markSeen')}
          </button>
        </section>
      </Show>
      <section class="section" aria-labelledby="item-details-title">
        <h2 id="item-details-title" class="heading-m">
          {ot('item.details')}
        </h2>
        <Show when={props.w.description}>{(d) => <p>{d()}</p>}</Show>
        <Show when={props.w.address_string}>{(a) => <p>{a()}</p>}</Show>
        <Show when={props.w.contact}>
          {(c) => (
            <>
              <h3 class="heading-s">{ot('item.contact')}</h3>
              <p>
                {c().name}
                <Show when={c().phone}>
                  {(p) => (
                    <>
                      {' '}
                      <a href={`tel:${p().replace(/[^+0-9]/g, '')}`} dir="ltr">
                        {p()}
                      </a>
                    </>
                  )}
                </Show>
              </p>
            </>
          )}
        </Show>
        <Show when={props.w.photos.length > 0}>
          <h3 class="heading-s">{ot('item.photos')}</h3>
          <ul class="officer-photos">
            <For each={props.w.photos}>{(p, i) => <Picture sha256={p.sha256} n={i() + 1} />}</For>
          </ul>
        </Show>
        <p class="hint">{ot('work.downloaded', { time: formatDateTime(props.w.updated_at, language()) })}</p>
      </section>
      <ItemForms w={props.w} />
      <section class="section" aria-labelledby="item-history-title">
        <h2 id="item-history-title" class="heading-m">
          {ot('item.history')}
        </h2>
        <HistoryList entries={props.w.history} />
      </section>
    </>
  );
}

function Item() {
  const params = useParams<{ tracking: string }>();
  const item = createLive(liveWorkItem(params.tracking));
  return (
    <Show when={item().loaded}>
      <Show when={valueOr(item(), undefined)} fallback={<PageHeading>{ot('item.notFound')}</PageHeading>}>
        {(w) => <Details w={w()} />}
      </Show>
    </Show>
  );
}

export default function WorkItemPage() {
  return (
    <Frame>
      <Item />
    </Frame>
  );
}
