/**
 * Photos taken in the field for one event (a visit, a request, photos on an
 * assigned request): camera or gallery, each resized and stored on the
 * device at once (src/db/officer/photos), shown with Remove. The file input
 * stays a real input, so keyboard and screen readers know it.
 */
import { For, Show, createSignal, onCleanup } from 'solid-js';
import { liveStagedPhotos, stagePhoto, unstagePhoto } from '../../db/officer/photos';
import type { PhotoEntry } from '../../db/officer/records';
import { createLive, valueOr } from '../../ui/live';
import { photoProblem } from '../../forms/photo-problem';
import { ot } from './i18n';

function Thumb(props: { photo: PhotoEntry; n: number; onRemove: () => void }) {
  const url = URL.createObjectURL(props.photo.blob);
  onCleanup(() => URL.revokeObjectURL(url));
  return (
    <li>
      <img src={url} alt={ot('photos.alt', { n: props.n })} />
      <button type="button" class="button button--secondary" onClick={() => props.onRemove()}>
        {ot('photos.remove', { n: props.n })}
      </button>
    </li>
  );
}

export function OfficerPhotos(props: { owner: string; max: number; id: string }) {
  const photos = createLive(liveStagedPhotos(props.owner));
  const list = () => valueOr(photos(), []);
  const [problem, setProblem] = createSignal<string | undefined>();
  const onFiles = async (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    input.value = '';
    setProblem(undefined);
    for (const file of files) {
      if (list().length >= props.max) {
        setProblem(ot('photos.limit', { max: props.max }));
        return;
      }
      try {
        await stagePhoto(props.owner, file);
      } catch (e) {
        const why = photoProblem(e);
        setProblem(
          ot(
            why === 'photo_truncated'
              ? 'photos.truncated'
              : why === 'photo_too_big'
                ? 'photos.tooBig'
                : 'photos.unreadable',
          ),
        );
        return;
      }
    }
  };
  return (
    <div class="field" classList={{ 'field--error': !!problem() }}>
      <p class="label">{ot('photos.label')}</p>
      <p class="hint" id={`${props.id}-hint`}>
        {ot('photos.hint', { max: props.max })}
      </p>
      <Show when={problem()}>
        {(m) => (
          <p class="error-message" id={`${props.id}-error`} role="alert">
            {m()}
          </p>
        )}
      </Show>
      <div class="file-button">
        <input
          id={props.id}
          class="file-button__input"
          type="file"
          accept="image/*"
          multiple
          disabled={list().length >= props.max}
          aria-describedby={problem() ? `${props.id}-hint ${props.id}-error` : `${props.id}-hint`}
          onChange={(e) => void onFiles(e.currentTarget)}
        />
        <label class="button button--secondary button--icon" for={props.id}>
          {ot('photos.add')}
        </label>
      </div>
      <ul class="officer-photos" aria-label={ot('photos.label')}>
        <For each={list()}>
          {(p, i) => (
            <Thumb photo={p} n={i() + 1} onRemove={() => void unstagePhoto(props.owner, p.sha256)} />
          )}
        </For>
      </ul>
    </div>
  );
}
