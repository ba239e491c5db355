/** The internal actions: assign to an officer (or anyone on the staff list), and notes. */
import { Show, createSignal } from 'solid-js';
import type { StaffUser } from '../../../sync/staff/schemas';
import { CheckboxField, TextAreaField } from '../../../ui/Field';
import { st } from '../i18n';
import { SelectField } from '../shared/SelectField';
import { ActionBox } from './ActionBox';
import type { FormProps } from './StatusForms';

export function AssignForm(props: FormProps & { staff: readonly StaffUser[] }) {
  const [userId, setUserId] = createSignal(props.request.assigned_to ?? '');
  // Officers first: field work is what assigning is mostly for.
  const people = () =>
    [...props.staff].sort((a, b) => Number(b.role === 'officer') - Number(a.role === 'officer'));
  return (
    <Show when={props.staff.length > 0}>
      <ActionBox
        id="assign"
        title={st('actions.assign')}
        submit={st('actions.submit.assign')}
        done={st('actions.done.assign')}
        tracking={props.request.tracking}
        timer={props.timer}
        onDone={props.onDone}
        setErrors={() => undefined}
        build={() => ({ ok: true, action: { kind: 'assign', user_id: userId() || null } })}
      >
        <SelectField
          id="assign-to"
          label={st('actions.assignTo')}
          value={userId()}
          options={[
            { value: '', label: st('queue.nobody') },
            ...people().map((u) => ({
              value: u.id,
              label: `${u.name ?? u.email} (${st(`roles.${u.role}`)})`,
            })),
          ]}
          onChange={setUserId}
        />
      </ActionBox>
    </Show>
  );
}

export function NoteForm(props: FormProps) {
  const [text, setText] = createSignal('');
  const [isPublic, setPublic] = createSignal(false);
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  return (
    <ActionBox
      id="note"
      title={st('actions.note')}
      submit={st('actions.submit.note')}
      done={st('actions.done.note')}
      tracking={props.request.tracking}
      timer={props.timer}
      onDone={(r, n) => {
        setText('');
        setPublic(false);
        props.onDone(r, n);
      }}
      setErrors={setErrors}
      build={() =>
        text().trim()
          ? { ok: true, action: { kind: 'notes', text: text().trim(), public: isPublic() } }
          : { ok: false, errors: { text: st('actions.errors.note') } }
      }
    >
      <TextAreaField
        id="note-text"
        label={st('actions.noteText')}
        rows={3}
        value={text()}
        onInput={setText}
        error={errors()['text']}
      />
      <CheckboxField
        id="note-public"
        label={st('actions.notePublic')}
        checked={isPublic()}
        onChange={setPublic}
      />
    </ActionBox>
  );
}
