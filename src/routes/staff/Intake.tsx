/**
 * /staff/intake: a request taken by phone or at the counter for the person
 * in front of the staff member, in that person's language, with their
 * consent for updates. The service's questions come from the form engine
 * (AttributeField) and are checked by the same rules as every request
 * (src/core validateRequest) before sending; the server records who took
 * it. Afterwards the page shows the tracking number and the expected date
 * to read back to the person.
 */
import { For, Show, createMemo, createSignal } from 'solid-js';
import { localizeService } from '../../core/catalog';
import { uuidv7 } from '../../core/ids';
import type { Lang } from '../../core/lang';
import { validateRequest, type FieldError } from '../../core/validate';
import { draftToFields } from '../../db/convert';
import type { DraftValues } from '../../db/records';
import { AttributeField } from '../../forms/AttributeField';
import { BUILT_IN_IDS, inputIdFor } from '../../forms/field-ids';
// From the form's later-steps chunk, which the citizen app has already: no new shared chunk.
import { messageFor } from '../../forms/later';
import { language, t } from '../../i18n';
import { fileIntake } from '../../sync/staff/api';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextAreaField } from '../../ui/Field';
import { formatDay } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { st } from './i18n';
import { HowFields, PersonFields, PlaceFields, type IntakeChannel } from './intake/IntakeFields';
import { problemText } from './problems';
import { mayTriage } from './session';
import { useCatalog } from './shared/catalog';
import { SelectField } from './shared/SelectField';
import { createFocusTimer } from './shared/timer';
import { StaffFrame } from './StaffFrame';
import { revealWholeBox } from './shared/reveal';

const empty = (): DraftValues => ({
  attributes: {},
  description: '',
  location: { address_string: '' },
  contact: { name: '', phone: '', email: '', consent_updates: false },
});

function IntakeBody() {
  const catalog = useCatalog();
  const timer = createFocusTimer();
  const [code, setCode] = createSignal('');
  const [channel, setChannel] = createSignal<IntakeChannel>('phone');
  const [lang, setLang] = createSignal<Lang>(language());
  const [values, setValues] = createSignal<DraftValues>(empty());
  const [errors, setErrors] = createSignal<FieldError[]>([]);
  const [attempt, setAttempt] = createSignal(0);
  const [problem, setProblem] = createSignal<string>();
  const [receipt, setReceipt] = createSignal<{ tracking: string; due: string; lang: Lang }>();
  // One id per form: pressing Send again, or after a lost answer, files nothing new.
  let id = uuidv7();
  const raw = createMemo(() => catalog()?.services.find((s) => s.service_code === code()));
  const service = createMemo(() => {
    const s = raw();
    return s ? localizeService(s, language()) : undefined;
  });
  const errorFor = (field: string) => {
    const s = service();
    const e = errors().find((x) => x.field === field);
    if (!s || !e) return undefined;
    const m = messageFor(s, e);
    return t(m.key, m.params);
  };
  const summary = () =>
    errors().map((e) => ({ target: inputIdFor(e.field), message: errorFor(e.field) ?? '' }));

  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    setProblem(undefined);
    const s = raw();
    if (!s) return;
    const checked = validateRequest(s, draftToFields(s, values(), lang(), []));
    setErrors(checked.ok ? [] : checked.errors);
    setAttempt((n) => n + 1);
    if (!checked.ok) return;
    const r = await fileIntake(id, channel(), checked.value, {
      minutes: timer.minutes(),
      source: 'timer',
    });
    if (!r.ok) {
      const body = r.body as { errors?: FieldError[] } | undefined;
      if (body?.errors?.length) setErrors(body.errors);
      else setProblem(problemText(r.problem));
      return;
    }
    setReceipt({ tracking: r.value.receipt.tracking, due: r.value.receipt.due, lang: lang() });
    timer.reset();
  };
  const again = () => {
    id = uuidv7();
    setReceipt(undefined);
    setValues(empty());
    setCode('');
    setErrors([]);
  };

  return (
    <Show
      when={receipt()}
      fallback={
        <>
          <PageHeading>{st('intake.title')}</PageHeading>
          <p class="lead">{st('intake.intro')}</p>
          <ErrorSummary items={summary()} attempt={attempt()} />
          <form class="form" novalidate onSubmit={(e) => void send(e)} onFocusIn={revealWholeBox}>
            <HowFields channel={channel()} onChannel={setChannel} lang={lang()} onLang={setLang} />
            <SelectField
              id="intake-service"
              label={st('intake.service')}
              value={code()}
              options={[
                { value: '', label: st('intake.chooseService') },
                ...(catalog()?.services ?? []).map((s) => ({
                  value: s.service_code,
                  label: localizeService(s, language()).service_name,
                })),
              ]}
              onChange={(v) => {
                setCode(v);
                setErrors([]);
              }}
            />
            <Show when={service()}>
              {(s) => (
                <>
                  <For each={[...s().attributes].sort((a, b) => a.order - b.order)}>
                    {(a) => (
                      <AttributeField
                        attr={a}
                        value={values().attributes[a.code]}
                        onChange={(v) =>
                          setValues((x) => ({ ...x, attributes: { ...x.attributes, [a.code]: v } }))
                        }
                        error={errorFor(`attributes.${a.code}`)}
                      />
                    )}
                  </For>
                  <TextAreaField
                    id={BUILT_IN_IDS.description}
                    label={st('intake.description')}
                    optional
                    rows={4}
                    value={values().description}
                    onInput={(v) => setValues((x) => ({ ...x, description: v }))}
                    error={errorFor('description')}
                  />
                  <PlaceFields
                    value={values().location}
                    onChange={(l) => setValues((x) => ({ ...x, location: l }))}
                    error={errorFor('location')}
                  />
                  <h2 class="heading-m">{st('intake.personTitle')}</h2>
                  <PersonFields
                    value={values().contact}
                    onChange={(c) => setValues((x) => ({ ...x, contact: c }))}
                    errorFor={errorFor}
                  />
                  <Show when={problem()}>
                    {(p) => (
                      <p class="error-message" role="alert">
                        {p()}
                      </p>
                    )}
                  </Show>
                  <button type="submit" class="button">
                    {st('intake.submit')}
                  </button>
                </>
              )}
            </Show>
          </form>
        </>
      }
    >
      {(r) => (
        <>
          <PageHeading>{st('intake.doneTitle')}</PageHeading>
          <div class="staff-receipt">
            <p>{st('intake.readBack')}</p>
            <dl class="summary-list">
              <div class="summary-list__row">
                <dt class="summary-list__key">{st('intake.tracking')}</dt>
                <dd class="summary-list__value staff-receipt__number" dir="ltr">
                  {r().tracking}
                </dd>
              </div>
              <div class="summary-list__row">
                <dt class="summary-list__key">{st('intake.expected')}</dt>
                <dd class="summary-list__value">
                  {formatDay(r().due, language())}
                  <Show when={r().lang !== language()}>
                    <span lang={r().lang}> ({formatDay(r().due, r().lang)})</span>
                  </Show>
                </dd>
              </div>
            </dl>
          </div>
          <div class="button-row">
            <a class="button" href={`/staff/requests/${r().tracking}`}>
              {st('intake.open')}
            </a>
            <button type="button" class="button button--secondary" onClick={again}>
              {st('intake.another')}
            </button>
          </div>
        </>
      )}
    </Show>
  );
}

export default function Intake() {
  return <StaffFrame allow={mayTriage}>{(u) => (u ? <IntakeBody /> : null)}</StaffFrame>;
}
