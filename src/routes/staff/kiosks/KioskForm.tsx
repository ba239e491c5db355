/**
 * Registering or changing a kiosk: its name, the idle warning and reset
 * times, the language it returns to after each person, and the services it
 * offers (every one, or those ticked). Checked here by the core schemas and
 * again by the server; every problem is shown at its field and in the
 * summary, and nothing typed is lost.
 */
import { Show, createSignal } from 'solid-js';
import type { Catalog } from '../../../core/catalog';
import { localizeService } from '../../../core/catalog';
import { LANGUAGES, type Lang } from '../../../core/lang';
import { language } from '../../../i18n';
import {
  addKiosk,
  changeKiosk,
  type DeskKiosk,
  type EnrolLink,
  type KioskInput,
  type ListedKiosk,
} from '../../../sync/staff/kiosks';
import type { Result } from '../../../sync/staff/api';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary';
import { ChoiceGroup, TextField } from '../../../ui/Field';
import { st } from '../i18n';
import { problemText } from '../problems';
import { SelectField } from '../shared/SelectField';
import { revealWholeBox } from '../shared/reveal';
import {
  checkDraft,
  draftOf,
  errorFor,
  FIELD_IDS,
  type FieldErrors,
  type KioskDraft,
  type KioskField,
} from './draft';

/** Registering answers with the enrolment link; changing answers with the kiosk alone. */
async function send(
  editing: ListedKiosk | undefined,
  input: KioskInput,
): Promise<Result<{ kiosk: DeskKiosk; link?: EnrolLink }>> {
  if (editing) return changeKiosk(editing.id, input);
  const r = await addKiosk(input);
  return r.ok
    ? {
        ok: true,
        value: { kiosk: r.value.kiosk, link: { link: r.value.link, expires_at: r.value.expires_at } },
      }
    : r;
}

export function KioskForm(props: {
  catalog: Catalog | undefined;
  editing: ListedKiosk | undefined;
  onSaved: (k: DeskKiosk, link?: EnrolLink) => void;
  onCancel: () => void;
}) {
  const e = props.editing;
  const [draft, setDraft] = createSignal<KioskDraft>(draftOf(e));
  const [fieldErrors, setFieldErrors] = createSignal<FieldErrors>({});
  const [other, setOther] = createSignal<string>();
  const [attempt, setAttempt] = createSignal(0);
  const [busy, setBusy] = createSignal(false);
  const set = (patch: Partial<KioskDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const errorOf = (f: KioskField) => {
    const key = fieldErrors()[f];
    return key ? st(key) : undefined;
  };
  const summary = (): SummaryItem[] => [
    ...(Object.keys(FIELD_IDS) as KioskField[]).flatMap((f) => {
      const message = errorOf(f);
      return message ? [{ target: FIELD_IDS[f], message }] : [];
    }),
    ...(other() ? [{ message: other() ?? '' }] : []),
  ];

  const save = async (ev: SubmitEvent) => {
    ev.preventDefault();
    if (busy()) return;
    setOther(undefined);
    const checked = checkDraft(draft());
    if ('errors' in checked) {
      setFieldErrors(checked.errors);
    } else {
      setFieldErrors({});
      setBusy(true);
      const r = await send(e, checked.input);
      setBusy(false);
      if (r.ok) return props.onSaved(r.value.kiosk, r.value.link);
      if (r.reason === 'unknown_services') setFieldErrors({ services: 'kiosks.errors.unknownServices' });
      else if (r.problem === 'invalid' && r.fields?.length) {
        const found: FieldErrors = {};
        for (const f of r.fields) {
          const hit = errorFor(f);
          if (hit) found[hit[0]] ??= hit[1];
        }
        setFieldErrors(found);
        if (Object.keys(found).length === 0) setOther(problemText(r.problem));
      } else setOther(r.problem === 'not_found' ? st('kiosks.errors.notFound') : problemText(r.problem));
    }
    setAttempt((n) => n + 1);
  };

  const serviceOptions = () =>
    (props.catalog?.services ?? []).map((s) => ({
      value: s.service_code,
      label: localizeService(s, language()).service_name,
    }));

  return (
    <section class="section" aria-labelledby="kiosk-form-title">
      <h2 id="kiosk-form-title" class="heading-m">
        {e ? st('kiosks.editTitle', { name: e.name }) : st('kiosks.newTitle')}
      </h2>
      <ErrorSummary items={summary()} attempt={attempt()} />
      <form class="form" novalidate onSubmit={(ev) => void save(ev)} onFocusIn={revealWholeBox}>
        <TextField
          id={FIELD_IDS.name}
          label={st('kiosks.name')}
          hint={st('kiosks.nameHint')}
          value={draft().name}
          onInput={(v) => set({ name: v })}
          error={errorOf('name')}
        />
        <TextField
          id={FIELD_IDS.warning}
          label={st('kiosks.warning')}
          hint={st('kiosks.warningHint')}
          inputMode="numeric"
          width="short"
          dir="ltr"
          value={draft().warning}
          onInput={(v) => set({ warning: v })}
          error={errorOf('warning')}
        />
        <TextField
          id={FIELD_IDS.reset}
          label={st('kiosks.reset')}
          hint={st('kiosks.resetHint')}
          inputMode="numeric"
          width="short"
          dir="ltr"
          value={draft().reset}
          onInput={(v) => set({ reset: v })}
          error={errorOf('reset')}
        />
        <SelectField
          id="kiosk-language"
          label={st('kiosks.language')}
          value={draft().language}
          options={LANGUAGES.map((l) => ({ value: l.code, label: l.nativeName }))}
          onChange={(v) => set({ language: v as Lang })}
        />
        <ChoiceGroup
          id={FIELD_IDS.services}
          type="radio"
          label={st('kiosks.services')}
          options={[
            { value: 'all', label: st('kiosks.servicesAll') },
            { value: 'some', label: st('kiosks.servicesSome') },
          ]}
          isChecked={(v) => draft().offer === v}
          onChange={(v) => set({ offer: v as KioskDraft['offer'] })}
          error={errorOf('services')}
        />
        <Show when={draft().offer === 'some'}>
          <ChoiceGroup
            id="kiosk-services"
            type="checkbox"
            label={st('kiosks.servicesPick')}
            options={serviceOptions()}
            isChecked={(v) => draft().services.includes(v)}
            onChange={(v, on) =>
              set({ services: on ? [...draft().services, v] : draft().services.filter((s) => s !== v) })
            }
          />
        </Show>
        <div class="button-row">
          <button type="submit" class="button" aria-disabled={busy() ? 'true' : undefined}>
            {e ? st('kiosks.saveChanges') : st('kiosks.register')}
          </button>
          <button type="button" class="button button--secondary" onClick={() => props.onCancel()}>
            {st('kiosks.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** For the list: the services a kiosk offers, in words. */
export function offeredText(services: readonly string[] | null): string {
  return services ? st('kiosks.someServices', { count: services.length }) : st('kiosks.allServices');
}

export const languageName = (code: string) => LANGUAGES.find((l) => l.code === code)?.nativeName ?? code;
