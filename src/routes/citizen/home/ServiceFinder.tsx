/**
 * The services: a search box that filters as you type (name, keywords and
 * description in the person's language), and the full list by group.
 */
import { A } from '../../router';
import { For, Match, Show, Switch, createMemo, createSignal } from 'solid-js';
import type { Service } from '../../../core/catalog';
import { groupServices, searchServices } from '../../../forms/service-search';
import { t } from '../../../i18n';
import { Icon } from '../../../ui/icons';

function ServiceLinks(props: { services: readonly Service[] }) {
  return (
    <ul class="service-list">
      <For each={props.services}>
        {(s) => (
          <li>
            <A class="service-link" href={`/services/${s.service_code}`}>
              <Icon name={s.icon} class="service-link__icon" />
              <span class="service-link__name">{s.service_name}</span>
            </A>
          </li>
        )}
      </For>
    </ul>
  );
}

export function ServiceFinder(props: { services: readonly Service[]; loaded: boolean }) {
  const [query, setQuery] = createSignal('');
  const searching = () => query().trim() !== '';
  const results = createMemo(() => searchServices(props.services, query()));
  const groups = createMemo(() => groupServices(props.services));

  return (
    <section class="section" aria-labelledby="services-title">
      <h2 id="services-title" class="heading-m">
        {t('services.title')}
      </h2>
      <Switch>
        <Match when={!props.loaded}>
          <p>{t('services.loading')}</p>
        </Match>
        <Match when={props.services.length === 0}>
          <p>{t('services.none')}</p>
        </Match>
        <Match when={props.services.length > 0}>
          <div class="search" role="search">
            <label class="label" for="service-search">
              {t('services.searchLabel')}
            </label>
            <p id="service-search-hint" class="hint">
              {t('services.searchHint')}
            </p>
            <div class="search__box">
              <Icon name="search" class="search__icon" />
              <input
                id="service-search"
                class="input search__input"
                type="search"
                autocomplete="off"
                aria-describedby="service-search-hint"
                value={query()}
                onInput={(e) => setQuery(e.currentTarget.value)}
              />
            </div>
          </div>
          <p class="visually-hidden" role="status">
            {searching() ? t('services.found', { count: results().length }) : ''}
          </p>
          <Show
            when={searching()}
            fallback={
              <For each={groups()}>
                {(g) => (
                  <div class="service-group">
                    <h3 class="heading-s">{g.name}</h3>
                    <ServiceLinks services={g.services} />
                  </div>
                )}
              </For>
            }
          >
            <Show
              when={results().length > 0}
              fallback={<p>{t('services.noMatch', { query: query().trim() })}</p>}
            >
              <ServiceLinks services={results()} />
            </Show>
          </Show>
        </Match>
      </Switch>
    </section>
  );
}
