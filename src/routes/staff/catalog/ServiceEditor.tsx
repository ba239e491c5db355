/**
 * The catalog editor's form: a service's texts in the language picked above
 * them, its group, picture, service level and public setting, and its
 * questions. Checked here by the core serviceSchema, then by the server;
 * every problem is shown at its field (and in the summary), and the form
 * keeps everything typed when a save is refused, even by a newer version.
 */
import { For, createSignal } from 'solid-js';
import { createStore, produce } from 'solid-js/store';
import { ICONS, serviceSchema, type Service } from '../../../core/catalog';
import { DEFAULT_LANG, LANGUAGES, type Lang } from '../../../core/lang';
import { saveDeskService } from '../../../sync/staff/catalog';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary';
import { CheckboxField, TextField } from '../../../ui/Field';
import { st, type StaffKey } from '../i18n';
import { problemText } from '../problems';
import { SelectField } from '../shared/SelectField';
import { revealWholeBox } from '../shared/reveal';
import { definitionOf, emptyQuestion, type ServiceDraft } from './draft';
import { fieldErrors, serverIssues, type FieldErrors } from './errors';
import { LangText } from './LangText';
import { QuestionEditor } from './QuestionEditor';

export function ServiceEditor(props: {
  initial: ServiceDraft;
  /** The version being changed; null for a new service. */
  base: number | null;
  onSaved: (s: Service) => void;
}) {
  const [d, setD] = createStore<ServiceDraft>(props.initial);
  const [lang, setLang] = createSignal<Lang>(DEFAULT_LANG);
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [other, setOther] = createSignal<string>();
  const [attempt, setAttempt] = createSignal(0);
  const [busy, setBusy] = createSignal(false);
  // After a refusal because someone saved meanwhile, the next save is on their version.
  const [base, setBase] = createSignal(props.base);
  const error = (id: string) => {
    const key = errors()[id];
    return key ? st(key) : undefined;
  };
  const summary = (): SummaryItem[] => [
    ...Object.entries(errors()).map(([target, key]) => ({ target, message: st(key) })),
    ...(other() ? [{ message: other() ?? '' }] : []),
  ];
  const move = (i: number, by: -1 | 1) => {
    const uid = d.questions[i]?.uid;
    setD(
      'questions',
      produce((qs) => {
        const [q] = qs.splice(i, 1);
        if (q) qs.splice(i + by, 0, q);
      }),
    );
    // The row moved in the page: keep focus on the button pressed, or its partner at an end.
    const end = i + by === 0 || i + by === d.questions.length - 1;
    document.getElementById(`q${uid}-${by < 0 !== end ? 'up' : 'down'}`)?.focus();
  };

  const refused = (
    reason: string | undefined,
    fields: readonly string[] | undefined,
    body: unknown,
  ): void => {
    if (reason === 'version_conflict') {
      const now = (body as { version?: unknown } | undefined)?.version;
      if (typeof now === 'number') setBase(now);
      return void setOther(st('catalog.errors.conflict'));
    }
    if (reason === 'code_taken') return void setErrors({ 'catalog-code': 'catalog.errors.codeTaken' });
    const found = fields ? fieldErrors(d, serverIssues(fields)) : {};
    setErrors(found);
    if (Object.keys(found).length === 0)
      setOther(problemText(reason === 'not_found' ? 'not_found' : 'invalid'));
  };
  const save = async (ev: SubmitEvent) => {
    ev.preventDefault();
    if (busy()) return;
    setOther(undefined);
    const checked = serviceSchema.safeParse(definitionOf(d));
    if (!checked.success) {
      setErrors(
        fieldErrors(
          d,
          checked.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })),
        ),
      );
    } else {
      setErrors({});
      setBusy(true);
      const r = await saveDeskService(checked.data, base(), base() === null ? undefined : d.code);
      setBusy(false);
      if (r.ok) return props.onSaved(r.value.service);
      if (r.problem === 'invalid' || r.problem === 'conflict' || r.problem === 'not_found')
        refused(r.reason, r.fields, r.body);
      else setOther(problemText(r.problem));
    }
    setAttempt((n) => n + 1);
  };
  const text = (
    id: string,
    label: StaffKey,
    key: 'name' | 'description' | 'group' | 'keywords',
    hint?: StaffKey,
  ) => (
    <LangText
      id={id}
      label={st(label)}
      hint={hint ? st(hint) : undefined}
      texts={d[key]}
      lang={lang()}
      long={key === 'description'}
      error={error(id)}
      onInput={(t) => setD(key, t)}
    />
  );

  return (
    <>
      <ErrorSummary items={summary()} attempt={attempt()} />
      <form class="form catalog-form" novalidate onSubmit={(ev) => void save(ev)} onFocusIn={revealWholeBox}>
        <SelectField
          id="catalog-language"
          label={st('catalog.language')}
          hint={st('catalog.languageHint')}
          value={lang()}
          options={LANGUAGES.map((l) => ({ value: l.code, label: l.nativeName }))}
          onChange={(v) => setLang(v as Lang)}
        />
        <TextField
          id="catalog-code"
          label={st('catalog.code')}
          hint={st('catalog.codeHint')}
          dir="ltr"
          value={d.code}
          onInput={(v) => props.base === null && setD('code', v)}
          error={error('catalog-code')}
        />
        {text('catalog-name', 'catalog.serviceName', 'name')}
        {text('catalog-description', 'catalog.description', 'description')}
        <div class="catalog-grid">
          {text('catalog-group', 'catalog.groupName', 'group')}
          <TextField
            id="catalog-group-code"
            label={st('catalog.groupCode')}
            dir="ltr"
            value={d.groupCode}
            onInput={(v) => setD('groupCode', v)}
            error={error('catalog-group-code')}
          />
        </div>
        {text('catalog-keywords', 'catalog.keywords', 'keywords', 'catalog.keywordsHint')}
        <div class="catalog-grid">
          <SelectField
            id="catalog-icon"
            label={st('catalog.icon')}
            value={d.icon}
            options={ICONS.map((i) => ({ value: i, label: st(`catalog.icons.${i}`) }))}
            onChange={(v) => setD('icon', v as Service['icon'])}
            error={error('catalog-icon')}
          />
          <TextField
            id="catalog-level"
            label={st('catalog.level')}
            hint={st('catalog.levelHint')}
            inputMode="numeric"
            width="short"
            dir="ltr"
            value={d.level}
            onInput={(v) => setD('level', v)}
            error={error('catalog-level')}
          />
        </div>
        <CheckboxField
          id="catalog-public"
          label={st('catalog.publicDetails')}
          hint={st('catalog.publicDetailsHint')}
          checked={d.publicDetails}
          onChange={(on) => setD('publicDetails', on)}
        />
        <h2 class="heading-m">{st('catalog.questions')}</h2>
        <p class="hint">{st('catalog.questionsHint')}</p>
        <For each={d.questions}>
          {(q, i) => (
            <QuestionEditor
              q={q}
              index={i()}
              count={d.questions.length}
              lang={lang()}
              errors={errors()}
              onChange={(patch) => setD('questions', i(), patch)}
              onValue={(j, patch) => setD('questions', i(), 'values', j, patch)}
              onAddValue={() => setD('questions', i(), 'values', (vs) => [...vs, { key: '', names: {} }])}
              onRemoveValue={(j) => setD('questions', i(), 'values', (vs) => vs.filter((_, k) => k !== j))}
              onMove={(by) => move(i(), by)}
              onRemove={() => setD('questions', (qs) => qs.filter((_, k) => k !== i()))}
            />
          )}
        </For>
        <div class="button-row">
          <button
            type="button"
            class="button button--secondary"
            onClick={() => setD('questions', (qs) => [...qs, emptyQuestion()])}
          >
            {st('catalog.addQuestion')}
          </button>
        </div>
        <div class="button-row">
          <button type="submit" class="button" aria-disabled={busy() ? 'true' : undefined}>
            {props.base === null ? st('catalog.create') : st('catalog.save')}
          </button>
        </div>
      </form>
    </>
  );
}
