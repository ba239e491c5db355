/**
 * The actions that tell the person something: acknowledge (with the
 * expected date), change status, reopen, mark as duplicate. Each offers
 * only what the lifecycle allows from the current status.
 */
import { Show, createSignal } from 'solid-js';
import type { Status } from '../../../core/status';
import { trackingSchema } from '../../../core/events';
import type { RequestDetail, TemplateList } from '../../../sync/staff/schemas';
import { ErrorMessage, Hint, TextField } from '../../../ui/Field';
import { statusName } from '../../../ui/StatusBadge';
import { st } from '../i18n';
import { SelectField } from '../shared/SelectField';
import type { FocusTimer } from '../shared/timer';
import { ActionBox } from './ActionBox';
import { MessageField } from './MessageField';

export interface FormProps {
  request: RequestDetail;
  templates: TemplateList | undefined;
  timer: FocusTimer;
  onDone: (r: RequestDetail, notice: string) => void;
}

const REOPEN_TO: Partial<Record<Status, Status>> = {
  resolved: 'in_progress',
  rejected: 'acknowledged',
  duplicate: 'acknowledged',
};
/** A tracking number as typed (any case, spaces, with or without CD-); the server checks it exists. */
function asTracking(typed: string): string | undefined {
  const body = typed
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .replace(/^CD/, '');
  const t = `CD-${body}`;
  return trackingSchema.safeParse(t).success ? t : undefined;
}

const msg = (m: string) => (m.trim() ? { message: m.trim() } : {});

export function AcknowledgeForm(props: FormProps) {
  const [due, setDue] = createSignal(props.request.due);
  const [message, setMessage] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  return (
    <ActionBox
      id="ack"
      title={st('actions.acknowledge')}
      submit={st('actions.submit.acknowledge')}
      done={st('actions.done.acknowledge')}
      tracking={props.request.tracking}
      timer={props.timer}
      onDone={props.onDone}
      setErrors={setErrors}
      build={() =>
        /^\d{4}-\d{2}-\d{2}$/.test(due())
          ? {
              ok: true,
              action: {
                kind: 'acknowledge',
                ...msg(message()),
                ...(due() !== props.request.due ? { due: due() } : {}),
              },
            }
          : { ok: false, errors: { due: st('actions.errors.due') } }
      }
    >
      <div class="field" classList={{ 'field--error': !!errors()['due'] }}>
        <label class="label" for="ack-due">
          {st('actions.expected')}
        </label>
        <Hint id="ack-due-hint">{st('actions.expectedHint')}</Hint>
        <Show when={errors()['due']}>{(e) => <ErrorMessage id="ack-due-error">{e()}</ErrorMessage>}</Show>
        <input
          id="ack-due"
          class="input input--medium"
          type="date"
          value={due()}
          onInput={(e) => setDue(e.currentTarget.value)}
          aria-describedby={errors()['due'] ? 'ack-due-hint ack-due-error' : 'ack-due-hint'}
        />
      </div>
      <MessageField
        id="ack"
        status="acknowledged"
        request={props.request}
        templates={props.templates}
        value={message()}
        onInput={setMessage}
      />
    </ActionBox>
  );
}

export function StatusForm(props: FormProps) {
  const options = () => props.request.next_statuses.filter((s) => s !== 'duplicate' && s !== 'acknowledged');
  const [to, setTo] = createSignal<string>('');
  const [message, setMessage] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  return (
    <Show when={options().length > 0}>
      <ActionBox
        id="status"
        title={st('actions.status')}
        submit={st('actions.submit.status')}
        done={st('actions.done.status')}
        tracking={props.request.tracking}
        timer={props.timer}
        onDone={(r, n) => {
          setTo('');
          setMessage('');
          props.onDone(r, n);
        }}
        setErrors={setErrors}
        build={() =>
          to()
            ? { ok: true, action: { kind: 'status', to: to() as Status, ...msg(message()) } }
            : { ok: false, errors: { to: st('actions.errors.to') } }
        }
      >
        <SelectField
          id="status-to"
          label={st('actions.to')}
          value={to()}
          options={[
            { value: '', label: st('actions.chooseStatus') },
            ...options().map((s) => ({ value: s, label: statusName(s) })),
          ]}
          onChange={setTo}
          error={errors()['to']}
        />
        <MessageField
          id="status"
          status={to()}
          request={props.request}
          templates={props.templates}
          value={message()}
          onInput={setMessage}
        />
      </ActionBox>
    </Show>
  );
}

export function ReopenForm(props: FormProps) {
  const [message, setMessage] = createSignal('');
  return (
    <Show when={REOPEN_TO[props.request.status]}>
      {(to) => (
        <ActionBox
          id="reopen"
          title={st('actions.reopen')}
          submit={st('actions.submit.reopen')}
          done={st('actions.done.reopen')}
          tracking={props.request.tracking}
          timer={props.timer}
          onDone={props.onDone}
          setErrors={() => undefined}
          build={() => ({ ok: true, action: { kind: 'reopen', ...msg(message()) } })}
        >
          <p>{st('actions.reopenHint', { status: statusName(to()) })}</p>
          <MessageField
            id="reopen"
            status={to()}
            request={props.request}
            templates={props.templates}
            value={message()}
            onInput={setMessage}
          />
        </ActionBox>
      )}
    </Show>
  );
}

export function DuplicateForm(props: FormProps) {
  const [of, setOf] = createSignal('');
  const [message, setMessage] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  return (
    <Show when={props.request.next_statuses.includes('duplicate')}>
      <ActionBox
        id="dup"
        title={st('actions.duplicate')}
        submit={st('actions.submit.duplicate')}
        done={st('actions.done.duplicate')}
        tracking={props.request.tracking}
        timer={props.timer}
        onDone={props.onDone}
        setErrors={setErrors}
        build={() => {
          const t = asTracking(of());
          if (!t)
            return {
              ok: false,
              errors: { of: st(of().trim() ? 'actions.errors.ofInvalid' : 'actions.errors.of') },
            };
          return { ok: true, action: { kind: 'duplicate', of: t, ...msg(message()) } };
        }}
      >
        <TextField
          id="dup-of"
          label={st('actions.duplicateOf')}
          hint={st('actions.duplicateHint')}
          width="medium"
          dir="ltr"
          spellcheck={false}
          value={of()}
          onInput={setOf}
          error={errors()['of']}
        />
        <MessageField
          id="dup"
          status="duplicate"
          request={props.request}
          templates={props.templates}
          value={message()}
          onInput={setMessage}
        />
      </ActionBox>
    </Show>
  );
}
