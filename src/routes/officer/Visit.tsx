/**
 * "Log a visit": where (the device's position with its accuracy, or a place
 * typed in), who (only with the person's recorded agreement), what they
 * asked, the outcome, photos; and in the same flow a request filed for the
 * person. Saving puts the events in the officer's outbox (sent when there is
 * signal) and, for a request, opens its receipt with the tracking number.
 */
import { For, Show, createSignal } from 'solid-js';
import { localizeService } from '../../core/catalog';
import { MAX_VISIT_PHOTOS } from '../../core/events';
import { uuidv7 } from '../../core/ids';
import { LANGUAGES, type Lang } from '../../core/lang';
import { getService } from '../../db/catalog';
import { savePosition } from '../../db/officer/meta';
import { appendEvents } from '../../db/officer/outbox';
import { stagedPhotos } from '../../db/officer/photos';
import { locate } from '../../forms/geolocation';
import { messageFor } from '../../forms/messages';
import { language, t } from '../../i18n';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { CheckboxField, ChoiceGroup, TextAreaField, TextField } from '../../ui/Field';
import { formatNumber } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { useNavigate } from '../router';
import { Frame } from './Frame';
import { ot } from './i18n';
import { OfficerPhotos } from './OfficerPhotos';
import { RequestPart } from './RequestPart';
import { kick } from './sync-state';
import { buildVisit, emptyVisit, type Outcome, type VisitProblem, type VisitValues } from './visit-events';

const OUTCOMES: readonly Outcome[] = ['resolved', 'follow_up', 'no_access', 'referred'];

function VisitForm() {
  const navigate = useNavigate();
  const [ids, setIds] = createSignal({ visit: uuidv7(), request: uuidv7() });
  const [v, setV] = createSignal<VisitValues>(emptyVisit(language()));
  const [problems, setProblems] = createSignal<VisitProblem[]>([]);
  const [messages, setMessages] = createSignal<Map<string, string>>(new Map());
  const [attempt, setAttempt] = createSignal(0);
  const [locating, setLocating] = createSignal<'idle' | 'busy' | 'failed'>('idle');
  const [saved, setSaved] = createSignal(false);
  const set = <K extends keyof VisitValues>(k: K, value: VisitValues[K]) =>
    setV((old) => ({ ...old, [k]: value }));
  const errorFor = (field: string) => messages().get(field);

  const useLocation = async () => {
    setLocating('busy');
    const r = await locate();
    if (!r.ok) return setLocating('failed');
    setLocating('idle');
    const location = { lat: r.lat, long: r.long, accuracy_m: r.accuracy_m };
    set('location', location);
    await savePosition(location);
  };

  const save = async (ev: SubmitEvent) => {
    ev.preventDefault();
    setSaved(false);
    const service = v().fileRequest && v().service ? await getService(v().service) : undefined;
    const photos = (await stagedPhotos(ids().visit)).map((p) => ({
      sha256: p.sha256,
      type: p.type,
      size: p.size,
    }));
    const built = buildVisit(v(), ids(), service, photos);
    if (!built.ok) {
      const local = service ? localizeService(service, language()) : undefined;
      const worded = built.problems.map((p): [string, string] => [
        p.field.startsWith('attributes.') || p.field === 'description' ? p.field : p.field,
        p.key
          ? ot(p.key)
          : p.requestError && local
            ? wordRequestError(local, p.requestError)
            : ot('visit.errors.where'),
      ]);
      setProblems(built.problems);
      setMessages(new Map(worded));
      setAttempt((n) => n + 1);
      return;
    }
    await appendEvents(built.events);
    kick();
    const filed = built.events.some((e) => e.type === 'create_request');
    if (filed) return navigate(`/officer/filed/${ids().request}`);
    setV(emptyVisit(language()));
    setIds({ visit: uuidv7(), request: uuidv7() });
    setProblems([]);
    setMessages(new Map());
    setSaved(true);
    document.getElementById('visit-saved')?.focus();
  };

  const summary = () =>
    problems().map((p) => ({ target: targetOf(p.field), message: messages().get(p.field) ?? '' }));

  return (
    <>
      <PageHeading>{ot('visit.title')}</PageHeading>
      <Show when={saved()}>
        <p id="visit-saved" class="inset-text" tabIndex={-1} role="status">
          {ot('visit.saved')}
        </p>
      </Show>
      <ErrorSummary items={summary()} attempt={attempt()} />
      <form noValidate onSubmit={(e) => void save(e)}>
        <fieldset class="fieldset section">
          <legend class="legend heading-m">{ot('visit.where')}</legend>
          <button type="button" class="button button--secondary" onClick={() => void useLocation()}>
            {ot('visit.useLocation')}
          </button>
          <p role="status">
            <Show when={locating() === 'busy'}>{ot('visit.locating')}</Show>
            <Show when={locating() === 'failed'}>{ot('visit.locationFailed')}</Show>
            <Show when={locating() === 'idle' && v().location}>
              {(l) => ot('visit.located', { metres: formatNumber(l().accuracy_m, language()) })}
            </Show>
          </p>
          <TextField
            id="visit-place"
            label={ot('visit.place')}
            hint={ot('visit.placeHint')}
            optional={!!v().location}
            value={v().place}
            onInput={(x) => set('place', x)}
            error={errorFor('visit-place') ?? errorFor('location')}
          />
        </fieldset>
        <fieldset class="fieldset section">
          <legend class="legend heading-m">{ot('visit.who')}</legend>
          <CheckboxField
            id="visit-consent"
            label={ot('visit.consent')}
            hint={ot('visit.consentHint')}
            checked={v().consent}
            onChange={(x) => set('consent', x)}
          />
          <Show when={errorFor('visit-consent')}>{(m) => <p class="error-message">{m()}</p>}</Show>
          <Show when={v().consent}>
            <TextField
              id="visit-name"
              label={ot('visit.name')}
              optional
              value={v().name}
              onInput={(x) => set('name', x)}
            />
            <TextField
              id="visit-phone"
              label={ot('visit.phone')}
              optional
              type="tel"
              dir="ltr"
              width="medium"
              value={v().phone}
              onInput={(x) => set('phone', x)}
              error={errorFor('visit-phone') ?? errorFor('contact.phone')}
            />
            <TextField
              id="visit-email"
              label={ot('visit.email')}
              optional
              type="email"
              dir="ltr"
              value={v().email}
              onInput={(x) => set('email', x)}
              error={errorFor('visit-email') ?? errorFor('contact.email')}
            />
          </Show>
          <div class="field">
            <label class="label" for="visit-language">
              {ot('visit.language')}
            </label>
            <select
              id="visit-language"
              class="input input--medium"
              value={v().language}
              onChange={(e) => set('language', e.currentTarget.value as Lang)}
            >
              <For each={LANGUAGES}>
                {(l) => (
                  <option value={l.code} lang={l.code}>
                    {l.nativeName}
                  </option>
                )}
              </For>
            </select>
          </div>
        </fieldset>
        <TextAreaField
          id="visit-asked"
          label={ot('visit.asked')}
          rows={3}
          value={v().asked}
          onInput={(x) => set('asked', x)}
          error={errorFor('visit-asked')}
        />
        <ChoiceGroup
          id="visit-outcome"
          type="radio"
          label={ot('visit.outcome')}
          options={OUTCOMES.map((o) => ({ value: o, label: ot(`visit.outcomes.${o}`) }))}
          isChecked={(x) => v().outcome === x}
          onChange={(x) => set('outcome', x as Outcome)}
          error={errorFor('visit-outcome')}
        />
        <TextAreaField
          id="visit-notes"
          label={ot('visit.notes')}
          optional
          rows={3}
          value={v().notes}
          onInput={(x) => set('notes', x)}
        />
        <Show when={ids().visit} keyed>
          {(owner) => <OfficerPhotos owner={owner} max={MAX_VISIT_PHOTOS} id="visit-photos" />}
        </Show>
        <CheckboxField
          id="visit-file-request"
          label={ot('visit.fileRequest')}
          checked={v().fileRequest}
          onChange={(x) => set('fileRequest', x)}
        />
        <Show when={v().fileRequest}>
          <RequestPart
            service={v().service}
            onService={(x) => set('service', x)}
            personLanguage={v().language}
            description={v().description}
            onDescription={(x) => set('description', x)}
            answers={v().attributes}
            onAnswer={(code, x) => set('attributes', { ...v().attributes, [code]: x })}
            errorFor={errorFor}
          />
        </Show>
        <button type="submit" class="button">
          {ot('visit.save')}
        </button>
      </form>
    </>
  );
}

function targetOf(field: string): string {
  if (field.startsWith('attributes.')) return `attr-${field.slice('attributes.'.length)}`;
  if (field === 'description') return 'visit-description';
  if (field.startsWith('location')) return 'visit-place';
  if (field === 'contact.phone') return 'visit-phone';
  if (field === 'contact.email') return 'visit-email';
  return field;
}

function wordRequestError(
  service: Parameters<typeof messageFor>[0],
  e: Parameters<typeof messageFor>[1],
): string {
  const m = messageFor(service, e);
  return t(m.key, m.params);
}

export default function VisitPage() {
  return (
    <Frame>
      <VisitForm />
    </Frame>
  );
}
