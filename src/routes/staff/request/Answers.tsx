/**
 * Everything the person told us: each question of the service with its
 * answer (list answers by their names), the description, the location as
 * coordinates and address (no map tiles: nothing leaves this server), the
 * photos (or why one is missing), and the contact details with consent.
 */
import { For, Show } from 'solid-js';
import type { Service } from '../../../core/catalog';
import { language } from '../../../i18n';
import { formatDateTime, formatNumber } from '../../../ui/format';
import { photoUrl } from '../../../sync/staff/api';
import type { RequestDetail } from '../../../sync/staff/schemas';
import { st } from '../i18n';
import { Row } from './Summary';

function answerText(service: Service | undefined, code: string, value: unknown): string {
  const attr = service?.attributes.find((a) => a.code === code);
  const name = (key: unknown) => attr?.values?.find((v) => v.key === key)?.name ?? String(key);
  if (Array.isArray(value)) return value.map(name).join(', ');
  if (attr?.datatype === 'singlevaluelist') return name(value);
  if (attr?.datatype === 'datetime' && typeof value === 'string') return formatDateTime(value, language());
  if (typeof value === 'number') return formatNumber(value, language(), 6);
  return String(value);
}

export function Answers(props: { request: RequestDetail; service: Service | undefined }) {
  const r = () => props.request;
  const questions = () =>
    (props.service?.attributes ?? []).filter((a) => a.variable).sort((a, b) => a.order - b.order);
  const loc = () => r().location;
  return (
    <>
      <section class="section" aria-labelledby="answers-title">
        <h2 id="answers-title" class="heading-m">
          {st('request.answers')}
        </h2>
        <dl class="summary-list">
          <For each={questions()}>
            {(a) => (
              <Row label={a.description}>
                {a.code in r().attributes
                  ? answerText(props.service, a.code, r().attributes[a.code])
                  : st('request.noAnswer')}
              </Row>
            )}
          </For>
          <Row label={st('request.description')}>
            <span class="pre-line">{r().description ?? st('request.noAnswer')}</span>
          </Row>
        </dl>
      </section>
      <section class="section" aria-labelledby="location-title">
        <h2 id="location-title" class="heading-m">
          {st('request.location')}
        </h2>
        <dl class="summary-list">
          <Row label={st('request.coordinates')}>
            <Show when={loc().lat !== null && loc().long !== null} fallback={st('request.noAnswer')}>
              <span dir="ltr">
                {loc().lat?.toFixed(5)}, {loc().long?.toFixed(5)}
              </span>
              <Show when={loc().accuracy_m}>
                {(m) => <> ({st('request.accuracy', { metres: formatNumber(m(), language()) })})</>}
              </Show>
            </Show>
          </Row>
          <Row label={st('request.address')}>
            {loc().address_string ?? loc().address_id ?? st('request.noAnswer')}
          </Row>
        </dl>
      </section>
      <section class="section" aria-labelledby="photos-title">
        <h2 id="photos-title" class="heading-m">
          {st('request.photos')}
        </h2>
        <Show
          when={r().photos.length > 0 || (r().media_links ?? []).length > 0 || r().media_url}
          fallback={<p>{st('request.noPhotos')}</p>}
        >
          <ul class="staff-photos">
            <For each={r().photos}>
              {(p, i) => (
                <li>
                  <Show
                    when={p.uploaded}
                    fallback={
                      <p class="warning">
                        {p.fetch_failed ? st('request.photoFailed') : st('request.photoMissing')}
                      </p>
                    }
                  >
                    <img
                      src={photoUrl(p.sha256)}
                      alt={st('request.photoAlt', { n: i() + 1 })}
                      loading="lazy"
                    />
                  </Show>
                </li>
              )}
            </For>
            <For each={(r().media_links ?? []).filter((m) => m.state === 'failed')}>
              {(m) => (
                <li>
                  <p class="warning">
                    {st('request.photoFailed')} <span dir="ltr">{m.url}</span>
                  </p>
                </li>
              )}
            </For>
          </ul>
          <Show when={r().media_url}>
            {(u) => (
              <p>
                {st('request.mediaLink')} <span dir="ltr">{u()}</span>
              </p>
            )}
          </Show>
        </Show>
      </section>
      <section class="section" aria-labelledby="contact-title">
        <h2 id="contact-title" class="heading-m">
          {st('request.contact')}
        </h2>
        <Show when={r().contact} fallback={<p>{st('request.noContact')}</p>}>
          {(c) => (
            <dl class="summary-list">
              <Row label={st('request.name')}>{c().name ?? st('request.noAnswer')}</Row>
              <Row label={st('request.phone')}>
                <span dir="ltr">{c().phone ?? st('request.noAnswer')}</span>
              </Row>
              <Row label={st('request.email')}>
                <span dir="ltr">{c().email ?? st('request.noAnswer')}</span>
              </Row>
              <Row label={st('request.updates')}>
                {c().consent_updates ? st('request.consentYes') : st('request.consentNo')}
              </Row>
            </dl>
          )}
        </Show>
      </section>
    </>
  );
}
