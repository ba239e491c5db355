/**
 * A service's request form, a step at a time: the service's questions, then
 * description and photos, then the place, then contact details, then "Check
 * your answers" and Send. Each Continue checks that step with core
 * validation; a failure shows the error summary (which takes focus) and an
 * error on each field, and keeps everything typed.
 *
 * Opening a form needs only its first step: the checks, the error messages,
 * the other steps and "Check your answers" are one chunk (later.ts), loaded
 * on the first Continue or when a form opens on a later step. The service
 * worker precaches it, so it loads offline too.
 *
 * The engine knows no router and no room: the hosting page hands it its
 * addresses (base, exitHref, sentHref); it moves between them with the
 * page navigation the router provides (src/ui/page-navigation.tsx).
 */
import {
  For,
  Match,
  Show,
  Switch,
  createEffect,
  createMemo,
  createSignal,
  lazy,
  on,
  untrack,
} from 'solid-js';
import { localizeService, type Service } from '../core/catalog';
import type { FieldError } from '../core/validate';
import type { DraftRecord } from '../db/records';
import { language, t } from '../i18n';
import { createOnline } from '../ui/NetworkStatus';
import type { SummaryItem } from '../ui/ErrorSummary';
import { usePageNavigation } from '../ui/page-navigation';
import { AttributeField } from './AttributeField';
import type { FormHost } from './contract';
import { createDraftState } from './draft-state';
import type * as LaterModule from './later';
import { inputIdFor } from './field-ids';
import { StepFrame } from './StepFrame';
import { nextStep, previousStep, stepOfField, stepsFor, type StepId } from './steps';

type Later = typeof LaterModule;

let laterModule: Promise<Later> | undefined;

/** The rest of the form, loaded once; a failed load (offline before it was cached) is tried again next time. */
function loadLater(): Promise<Later> {
  laterModule ??= import('./later').catch((e: unknown) => {
    laterModule = undefined;
    throw e;
  });
  return laterModule;
}

const DescriptionField = lazy(() => loadLater().then((m) => ({ default: m.DescriptionField })));
const PhotosField = lazy(() => loadLater().then((m) => ({ default: m.PhotosField })));
const LocationField = lazy(() => loadLater().then((m) => ({ default: m.LocationField })));
const ContactFields = lazy(() => loadLater().then((m) => ({ default: m.ContactFields })));
const CheckAnswers = lazy(() => loadLater().then((m) => ({ default: m.CheckAnswers })));

export interface DraftFormProps {
  draft: DraftRecord;
  service: Service;
  step: StepId;
  /** Came from a Change link: Continue goes back to "Check your answers". */
  fromCheck: boolean;
  /** Came from an error link on "Check your answers": show this step's errors at once. */
  showErrors: boolean;
  host: FormHost;
  /** The form's URL without a step, e.g. /drafts/0190…; steps are below it. */
  base: string;
  /** Where Back leads from the first step. */
  exitHref: string;
  /** Where the person lands once the request is queued (its receipt). */
  sentHref: (requestId: string) => string;
  /**
   * A device strangers use one after another (a kiosk): the browser is told
   * not to offer or remember personal details (autocomplete="off").
   */
  sharedDevice?: boolean;
}

export function DraftForm(props: DraftFormProps) {
  const { navigate } = usePageNavigation();
  const steps = createMemo(() => stepsFor(props.service));
  const local = createMemo(() => localizeService(props.service, language()));
  const state = createDraftState(props.draft, props.host, () => props.step);
  const [errors, setErrors] = createSignal<FieldError[]>([]);
  const [attempt, setAttempt] = createSignal(0);
  const [submitProblem, setSubmitProblem] = createSignal<'storage_full' | 'failed' | undefined>();
  const online = createOnline();
  // The checks and their messages, once loaded (errors exist only after a check).
  const [later, setLater] = createSignal<Later>();
  let sending = false;
  let continuing = false;
  let stepVisits = 0;

  /**
   * Runs `use` with the checks: at once when they are loaded (so a step
   * opened in the app shows its errors with the page, in the same
   * transition), else as soon as they are.
   */
  const withChecks = (use: (m: Later) => void): Promise<void> => {
    const loaded = untrack(later);
    if (loaded) {
      use(loaded);
      return Promise.resolve();
    }
    return loadLater().then((m) => {
      setLater(() => m);
      use(m);
    });
  };
  const loadFailed = (e: unknown) => console.error('loading the rest of the form failed', e);
  const check = (m: Later) =>
    m.checkAnswers(
      props.service,
      state.values,
      language(),
      props.host.photos(),
      props.draft.service_version ?? 1,
    );
  const message = (e: FieldError) => {
    const m = later()?.messageFor(local(), e);
    return m ? t(m.key, m.params) : '';
  };
  const errorFor = (field: string) => {
    const e = errors().find((x) => x.field === field);
    return e ? message(e) : undefined;
  };
  const show = (errs: FieldError[]) => {
    setErrors(errs);
    setAttempt((n) => n + 1);
  };

  createEffect(
    on(
      () => props.step,
      (step) => {
        const visit = ++stepVisits;
        state.stepChanged();
        setSubmitProblem(undefined);
        if (!props.showErrors) return setErrors([]);
        withChecks((m) => {
          // Not if the person has moved on while the checks loaded.
          if (visit === stepVisits) show(m.errorsForStep(check(m), step));
        }).catch(loadFailed);
      },
    ),
  );

  const summaryItems = (): SummaryItem[] =>
    errors().map((e) => {
      const step = stepOfField(e.field);
      return props.step === 'check' && step !== 'check'
        ? { href: `${props.base}/${step}?from=check&errors=1`, message: message(e) }
        : { target: inputIdFor(e.field), message: message(e) };
    });

  const onContinue = () => {
    // One check at a time: a second press while the checks load must not navigate twice.
    if (continuing) return;
    continuing = true;
    withChecks((m) => {
      const errs = m.errorsForStep(check(m), props.step);
      if (errs.length > 0) return show(errs);
      setErrors([]);
      navigate(`${props.base}/${props.fromCheck ? 'check' : nextStep(steps(), props.step)}`);
    })
      .catch(loadFailed)
      .finally(() => {
        continuing = false;
      });
  };

  const onSend = async () => {
    if (sending) return;
    sending = true;
    try {
      await state.flush();
      let errs: FieldError[] = [];
      await withChecks((m) => (errs = check(m)));
      if (errs.length > 0) return show(errs);
      const r = await props.host.submit();
      if (r.ok) navigate(props.sentHref(r.request.id), { replace: true });
      else if ('errors' in r) show(r.errors);
      else setSubmitProblem(r.problem);
    } finally {
      sending = false;
    }
  };

  const backHref = () => {
    if (props.fromCheck && props.step !== 'check') return `${props.base}/check`;
    const prev = previousStep(steps(), props.step);
    return prev ? `${props.base}/${prev}` : props.exitHref;
  };
  const caption = () => {
    const i = steps().indexOf(props.step);
    const total = steps().length - 1;
    return props.step === 'check'
      ? local().service_name
      : t('form.stepCaption', { service: local().service_name, step: i + 1, total });
  };
  const notice = () => (
    <Show when={props.draft.rejected}>
      <div class="warning" role="note">
        <p>
          {t(props.draft.rejected?.reason === 'unsupported_text' ? 'form.returnedText' : 'form.returned')}
        </p>
      </div>
    </Show>
  );
  const frame = {
    onFieldLeave: () => void state.flush(),
    get backHref() {
      return backHref();
    },
    get caption() {
      return caption();
    },
    get title() {
      return t(`form.steps.${props.step}`);
    },
    get errors() {
      return summaryItems();
    },
    get attempt() {
      return attempt();
    },
    get saved() {
      return state.saved();
    },
    get saveProblem() {
      return state.saveProblem();
    },
    get notice() {
      return notice();
    },
  };
  const attributes = () => [...local().attributes].sort((a, b) => a.order - b.order);

  return (
    <Switch>
      <Match when={props.step === 'questions'}>
        <StepFrame {...frame} submitLabel={t('form.continue')} onSubmit={onContinue}>
          <For each={attributes()}>
            {(attr) => (
              <AttributeField
                attr={attr}
                value={state.values.attributes[attr.code]}
                error={errorFor(`attributes.${attr.code}`)}
                onChange={(v) => state.update((d) => (d.attributes[attr.code] = v))}
              />
            )}
          </For>
        </StepFrame>
      </Match>
      <Match when={props.step === 'details'}>
        <StepFrame {...frame} submitLabel={t('form.continue')} onSubmit={onContinue}>
          <DescriptionField
            value={state.values.description}
            error={errorFor('description')}
            onInput={(v) => state.update((d) => (d.description = v))}
          />
          <PhotosField
            photos={props.host.photos()}
            error={errorFor('photos')}
            add={async (f) => {
              // What was typed goes to the device before the (slower) photo does.
              await state.flush();
              return props.host.addPhoto(f);
            }}
            remove={(sha) => props.host.removePhoto(sha)}
          />
        </StepFrame>
      </Match>
      <Match when={props.step === 'location'}>
        <StepFrame {...frame} submitLabel={t('form.continue')} onSubmit={onContinue}>
          <LocationField
            value={state.values.location}
            error={errorFor('location')}
            autofill={!props.sharedDevice}
            onChange={(change) => state.update((d) => change(d.location))}
          />
        </StepFrame>
      </Match>
      <Match when={props.step === 'contact'}>
        <StepFrame {...frame} submitLabel={t('form.continue')} onSubmit={onContinue}>
          <ContactFields
            value={state.values.contact}
            errorFor={errorFor}
            autofill={!props.sharedDevice}
            onChange={(change) => state.update((d) => change(d.contact))}
          />
        </StepFrame>
      </Match>
      <Match when={props.step === 'check'}>
        <StepFrame {...frame} submitLabel={t('check.send')} onSubmit={() => void onSend()}>
          <CheckAnswers
            service={local()}
            values={state.values}
            photos={props.host.photos()}
            base={props.base}
          />
          <h2 class="heading-m">{t('check.sendTitle')}</h2>
          <p>{t(online() ? 'check.sendBody' : 'check.offlineNote')}</p>
          <Show when={submitProblem()}>
            {(p) => (
              <div class="warning" role="alert">
                <p>{t(p() === 'storage_full' ? 'form.storageFull' : 'check.sendFailed')}</p>
              </div>
            )}
          </Show>
        </StepFrame>
      </Match>
    </Switch>
  );
}
