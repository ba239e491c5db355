/**
 * Bulk actions on the selected requests: acknowledge, assign, or change the
 * status (resolve, close …). Each person still gets a message of their own,
 * from the chosen template in their language; the panel says how many get
 * the default language instead, and afterwards which requests were not done.
 */
import { Show, createMemo, createSignal } from 'solid-js';
import { STATUSES, type Status } from '../../../core/status';
import { LANGUAGES } from '../../../core/lang';
import { actInBulk, type BulkAction } from '../../../sync/staff/api';
import type { ListItem, StaffUser, TemplateList } from '../../../sync/staff/schemas';
import { ChoiceGroup } from '../../../ui/Field';
import { statusName } from '../../../ui/StatusBadge';
import { st } from '../i18n';
import { problemText } from '../problems';
import { SelectField } from '../shared/SelectField';
import { templatesFor, wordFor } from '../shared/templates';
import type { FocusTimer } from '../shared/timer';

type Kind = BulkAction['action'];

export function BulkPanel(props: {
  items: readonly ListItem[];
  staff: readonly StaffUser[];
  templates: TemplateList | undefined;
  timer: FocusTimer;
  onDone: () => void;
}) {
  const [kind, setKind] = createSignal<Kind>('acknowledge');
  const [to, setTo] = createSignal<Status>('resolved');
  const [userId, setUserId] = createSignal('');
  const [templateId, setTemplateId] = createSignal('');
  const [outcome, setOutcome] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const status = () => (kind() === 'acknowledge' ? 'acknowledged' : to());
  const choices = createMemo(() =>
    kind() === 'assign'
      ? []
      : templatesFor(props.templates, status(), [...new Set(props.items.map((i) => i.service_code))]),
  );
  const template = () => choices().find((t) => t.id === templateId());
  const defaultLang = () => props.templates?.default_language ?? 'en';
  const worded = () => {
    const t = template();
    return t ? props.items.map((i) => ({ item: i, ...wordFor(t, i.language, defaultLang(), i) })) : [];
  };
  const fallbacks = () => worded().filter((w) => w.fallback).length;

  const apply = async (e: SubmitEvent) => {
    e.preventDefault();
    const action: BulkAction =
      kind() === 'assign'
        ? { action: 'assign', user_id: userId() || null }
        : kind() === 'status'
          ? { action: 'status', to: to() }
          : { action: 'acknowledge' };
    const messages = new Map(worded().map((w) => [w.item.tracking, w.text]));
    const items = props.items.map((i) => {
      const m = messages.get(i.tracking);
      return m ? { tracking: i.tracking, message: m } : { tracking: i.tracking };
    });
    setBusy(true);
    const r = await actInBulk(action, items, { minutes: props.timer.minutes(), source: 'timer' });
    setBusy(false);
    if (!r.ok) return setOutcome(problemText(r.problem));
    props.timer.reset();
    const failed = r.value.results.filter((x) => !x.ok).map((x) => x.tracking);
    setOutcome(
      [
        st('bulk.done', { count: r.value.done }),
        failed.length ? st('bulk.failed', { list: failed.join(', ') }) : '',
      ]
        .filter(Boolean)
        .join(' '),
    );
    props.onDone();
  };

  return (
    <section class="section bulk-panel" aria-labelledby="bulk-title">
      <h2 id="bulk-title" class="heading-m">
        {st('bulk.title')}
      </h2>
      <p role="status">{st('bulk.selected', { count: props.items.length })}</p>
      <Show when={outcome()}>
        {(o) => (
          <p class="staff-notice" role="status">
            {o()}
          </p>
        )}
      </Show>
      <form class="form" onSubmit={(e) => void apply(e)}>
        <ChoiceGroup
          id="bulk-kind"
          type="radio"
          label={st('bulk.action')}
          options={(['acknowledge', 'assign', 'status'] as const).map((k) => ({
            value: k,
            label: st(`bulk.${k}`),
          }))}
          isChecked={(v) => v === kind()}
          onChange={(v) => setKind(v as Kind)}
        />
        <Show when={kind() === 'assign'}>
          <SelectField
            id="bulk-user"
            label={st('bulk.assignTo')}
            value={userId()}
            options={[
              { value: '', label: st('queue.nobody') },
              ...props.staff.map((u) => ({ value: u.id, label: u.name ?? u.email })),
            ]}
            onChange={setUserId}
          />
        </Show>
        <Show when={kind() === 'status'}>
          <SelectField
            id="bulk-to"
            label={st('bulk.to')}
            value={to()}
            options={STATUSES.filter((s) => s !== 'submitted' && s !== 'duplicate').map((s) => ({
              value: s,
              label: statusName(s),
            }))}
            onChange={(v) => setTo(v as Status)}
          />
        </Show>
        <Show when={kind() !== 'assign'}>
          <SelectField
            id="bulk-template"
            label={st('bulk.template')}
            hint={st('bulk.templateHint')}
            value={templateId()}
            options={[
              { value: '', label: st('actions.noTemplate') },
              ...choices().map((t) => ({ value: t.id, label: t.name })),
            ]}
            onChange={setTemplateId}
          />
          <Show when={fallbacks() > 0}>
            <p class="warning">
              {st('bulk.fallback', {
                count: fallbacks(),
                language: LANGUAGES.find((l) => l.code === defaultLang())?.nativeName ?? defaultLang(),
              })}
            </p>
          </Show>
        </Show>
        <button type="submit" class="button" disabled={busy() || props.items.length === 0}>
          {st('bulk.apply')}
        </button>
      </form>
    </section>
  );
}
