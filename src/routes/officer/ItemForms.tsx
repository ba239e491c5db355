/**
 * What the officer adds to an assigned request offline: a note, a status
 * change (only the moves the lifecycle allows from the status they are
 * working from, which the event carries so the server never applies it over
 * someone else's change), and photos. Each is saved as an outbox event.
 */
import { Show, createResource, createSignal } from 'solid-js';
import { TRANSITIONS } from '../../core/lifecycle';
import { uuidv7 } from '../../core/ids';
import type { Status } from '../../core/status';
import { appendEvents } from '../../db/officer/outbox';
import { adoptStaged } from '../../db/officer/photos';
import { workingStatus, type StoredWork } from '../../db/officer/work';
import { CheckboxField, ChoiceGroup, TextAreaField } from '../../ui/Field';
import { statusName } from '../../ui/StatusBadge';
import { ot } from './i18n';
import { OfficerPhotos } from './OfficerPhotos';
import { kick } from './sync-state';

/** Officers neither acknowledge (triage) nor mark duplicates; agents do. */
const OFFICER_MAY: ReadonlySet<Status> = new Set(['in_progress', 'resolved', 'rejected']);

function Saved(props: { when: boolean; id: string }) {
  return (
    <p role="status" id={props.id}>
      <Show when={props.when}>{ot('item.savedOffline')}</Show>
    </p>
  );
}

function NoteForm(props: { tracking: string }) {
  const [text, setText] = createSignal('');
  const [pub, setPub] = createSignal(false);
  const [error, setError] = createSignal<string | undefined>();
  const [saved, setSaved] = createSignal(false);
  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    setSaved(false);
    if (text().trim() === '') return setError(ot('item.errors.note'));
    setError(undefined);
    const at = new Date().toISOString();
    await appendEvents([
      { id: uuidv7(), at, type: 'note', tracking: props.tracking, text: text().trim(), public: pub() },
    ]);
    setText('');
    setSaved(true);
    kick();
  };
  return (
    <form class="section" noValidate aria-labelledby="item-note-title" onSubmit={(e) => void save(e)}>
      <h2 id="item-note-title" class="heading-m">
        {ot('item.note')}
      </h2>
      <TextAreaField
        id="item-note"
        label={ot('item.noteText')}
        rows={3}
        value={text()}
        onInput={setText}
        error={error()}
      />
      <CheckboxField id="item-note-public" label={ot('item.notePublic')} checked={pub()} onChange={setPub} />
      <button type="submit" class="button">
        {ot('item.addNote')}
      </button>
      <Saved when={saved()} id="item-note-saved" />
    </form>
  );
}

function StatusForm(props: { tracking: string; status: Status }) {
  const [from, { refetch }] = createResource(
    () => [props.tracking, props.status] as const,
    ([t]) => workingStatus(t),
  );
  const [to, setTo] = createSignal<Status | ''>('');
  const [message, setMessage] = createSignal('');
  const [error, setError] = createSignal<string | undefined>();
  const [saved, setSaved] = createSignal(false);
  const options = () => {
    const f = from();
    return f
      ? TRANSITIONS[f].filter((s) => OFFICER_MAY.has(s)).map((s) => ({ value: s, label: statusName(s) }))
      : [];
  };
  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    setSaved(false);
    const f = from();
    const target = to();
    if (!f || target === '') return setError(ot('item.errors.status'));
    setError(undefined);
    await appendEvents([
      {
        id: uuidv7(),
        at: new Date().toISOString(),
        type: 'status_change',
        tracking: props.tracking,
        to: target,
        from: f,
        ...(message().trim() ? { message: message().trim() } : {}),
      },
    ]);
    setTo('');
    setMessage('');
    setSaved(true);
    await refetch();
    kick();
  };
  return (
    <Show when={options().length > 0}>
      <form class="section" noValidate aria-labelledby="item-status-title" onSubmit={(e) => void save(e)}>
        <h2 id="item-status-title" class="heading-m">
          {ot('item.status')}
        </h2>
        <ChoiceGroup
          id="item-status"
          type="radio"
          label={ot('item.newStatus')}
          options={options()}
          isChecked={(x) => to() === x}
          onChange={(x) => setTo(x as Status)}
          error={error()}
        />
        <TextAreaField
          id="item-status-message"
          label={ot('item.message')}
          optional
          rows={2}
          value={message()}
          onInput={setMessage}
        />
        <button type="submit" class="button">
          {ot('item.saveStatus')}
        </button>
        <Saved when={saved()} id="item-status-saved" />
      </form>
    </Show>
  );
}

function PhotoForm(props: { tracking: string }) {
  const [staging, setStaging] = createSignal(uuidv7());
  const [saved, setSaved] = createSignal(false);
  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    const at = new Date().toISOString();
    const n = await adoptStaged(
      staging(),
      (p) => ({
        id: uuidv7(),
        at,
        type: 'photo_added',
        tracking: props.tracking,
        photo: { sha256: p.sha256, type: p.type, size: p.size },
      }),
      (events) => appendEvents(events),
    );
    setSaved(n > 0);
    setStaging(uuidv7());
    kick();
  };
  return (
    <form class="section" noValidate aria-labelledby="item-photos-title" onSubmit={(e) => void save(e)}>
      <h2 id="item-photos-title" class="heading-m">
        {ot('item.addPhoto')}
      </h2>
      <Show when={staging()} keyed>
        {(owner) => <OfficerPhotos owner={owner} max={5} id="item-photos" />}
      </Show>
      <button type="submit" class="button">
        {ot('item.savePhotos')}
      </button>
      <Saved when={saved()} id="item-photos-saved" />
    </form>
  );
}

export function ItemForms(props: { w: StoredWork }) {
  return (
    <Show when={!props.w.gone}>
      <NoteForm tracking={props.w.tracking} />
      <StatusForm tracking={props.w.tracking} status={props.w.status} />
      <PhotoForm tracking={props.w.tracking} />
    </Show>
  );
}
