/**
 * Adding or changing a response template: its name, the status it goes
 * with, the service (or any), and a text in every language of the catalog.
 * The default language is required; {tracking} and {due} are filled in for
 * each person. What the server refuses is shown at the field; nothing typed
 * is lost.
 */
import { For, createSignal } from 'solid-js';
import type { Catalog } from '../../../core/catalog';
import { LANGUAGES, type Lang } from '../../../core/lang';
import { localizeService } from '../../../core/catalog';
import { language } from '../../../i18n';
import { saveTemplate, type TemplateDraft } from '../../../sync/staff/api';
import { templateStatuses, type ResponseTemplate, type TemplateList } from '../../../sync/staff/schemas';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary';
import { TextAreaField, TextField } from '../../../ui/Field';
import { statusName } from '../../../ui/StatusBadge';
import { st } from '../i18n';
import { problemText } from '../problems';
import { SelectField } from '../shared/SelectField';
import { revealWholeBox } from '../shared/reveal';

const nameOf = (code: string) => LANGUAGES.find((l) => l.code === code)?.nativeName ?? code;

export function TemplateForm(props: {
  list: TemplateList;
  catalog: Catalog | undefined;
  editing: ResponseTemplate | undefined;
  onSaved: (t: ResponseTemplate) => void;
  onCancel: () => void;
}) {
  const e = props.editing;
  const [draft, setDraft] = createSignal<TemplateDraft>({
    name: e?.name ?? '',
    status: e?.status ?? 'acknowledged',
    service_code: e?.service_code ?? null,
    texts: { ...(e?.texts ?? {}) },
  });
  const [errors, setErrors] = createSignal<SummaryItem[]>([]);
  const [attempt, setAttempt] = createSignal(0);
  const errorOf = (target: string) => errors().find((x) => x.target === target)?.message;
  const def = () => props.list.default_language;

  const save = async (ev: SubmitEvent) => {
    ev.preventDefault();
    const d = draft();
    const problems: SummaryItem[] = [];
    if (!d.name.trim()) problems.push({ target: 'tpl-name', message: st('templates.errors.name') });
    if (!d.texts[def()]?.trim())
      problems.push({
        target: `tpl-text-${def()}`,
        message: st('templates.errors.defaultText', { language: nameOf(def()) }),
      });
    if (problems.length === 0) {
      const r = await saveTemplate(d, e?.id);
      if (r.ok) return props.onSaved(r.value.template);
      problems.push({ message: problemText(r.problem) });
    }
    setErrors(problems);
    setAttempt((n) => n + 1);
  };

  return (
    <section class="section" aria-labelledby="tpl-form-title">
      <h2 id="tpl-form-title" class="heading-m">
        {e ? st('templates.editTitle') : st('templates.newTitle')}
      </h2>
      <ErrorSummary items={errors()} attempt={attempt()} />
      <form class="form" novalidate onSubmit={(ev) => void save(ev)} onFocusIn={revealWholeBox}>
        <TextField
          id="tpl-name"
          label={st('templates.name')}
          value={draft().name}
          onInput={(v) => setDraft((d) => ({ ...d, name: v }))}
          error={errorOf('tpl-name')}
        />
        <SelectField
          id="tpl-status"
          label={st('templates.status')}
          value={draft().status}
          options={templateStatuses.map((s) => ({ value: s, label: statusName(s) }))}
          onChange={(v) => setDraft((d) => ({ ...d, status: v as TemplateDraft['status'] }))}
        />
        <SelectField
          id="tpl-service"
          label={st('templates.service')}
          value={draft().service_code ?? ''}
          options={[
            { value: '', label: st('templates.anyService') },
            ...(props.catalog?.services ?? []).map((s) => ({
              value: s.service_code,
              label: localizeService(s, language()).service_name,
            })),
          ]}
          onChange={(v) => setDraft((d) => ({ ...d, service_code: v || null }))}
        />
        <p class="hint">{st('templates.placeholders')}</p>
        <For each={props.list.languages}>
          {(l: Lang) => (
            <div lang={l} dir={LANGUAGES.find((x) => x.code === l)?.dir}>
              <TextAreaField
                id={`tpl-text-${l}`}
                label={st('templates.textIn', { language: nameOf(l) })}
                optional={l !== def()}
                rows={3}
                value={draft().texts[l] ?? ''}
                onInput={(v) => setDraft((d) => ({ ...d, texts: { ...d.texts, [l]: v } }))}
                error={errorOf(`tpl-text-${l}`)}
              />
            </div>
          )}
        </For>
        <div class="button-row">
          <button type="submit" class="button">
            {st('templates.save')}
          </button>
          <button type="button" class="button button--secondary" onClick={() => props.onCancel()}>
            {st('templates.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
