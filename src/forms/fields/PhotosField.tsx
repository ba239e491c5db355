/**
 * Photos: take one with the camera or choose from the gallery, up to
 * MAX_PHOTOS, each shown as a thumbnail with Remove. The host resizes and
 * stores them (src/db/photos), so they survive a reload like the rest of the
 * draft. The file inputs stay real inputs (keyboard and screen readers know
 * them); only their look is a button.
 */
import { For, Show, createSignal, onCleanup } from 'solid-js';
import { MAX_PHOTOS } from '../../core/limits';
import { t } from '../../i18n';
import { describedBy, ErrorMessage, Hint } from '../../ui/Field';
import { Icon } from '../../ui/icons';
import type { PhotoRecord } from '../../db/records';
import type { PhotoProblem } from '../contract';
import { BUILT_IN_IDS } from '../field-ids';

type Status = 'adding' | 'added' | 'removed' | undefined;

function Thumbnail(props: { photo: PhotoRecord; n: number; onRemove: () => void }) {
  const url = URL.createObjectURL(props.photo.blob);
  onCleanup(() => URL.revokeObjectURL(url));
  return (
    <li class="photo">
      <img class="photo__image" src={url} alt={t('field.photos.alt', { n: props.n })} />
      <button
        type="button"
        class="button button--secondary"
        aria-label={t('field.photos.removeLabel', { n: props.n })}
        onClick={() => props.onRemove()}
      >
        {t('field.photos.remove')}
      </button>
    </li>
  );
}

export function PhotosField(props: {
  photos: readonly PhotoRecord[];
  add: (file: File) => Promise<PhotoProblem | undefined>;
  remove: (sha256: string) => Promise<void>;
  error?: string | undefined;
}) {
  const [status, setStatus] = createSignal<Status>();
  const [problem, setProblem] = createSignal<PhotoProblem | undefined>();
  const id = 'photos';
  const full = () => props.photos.length >= MAX_PHOTOS;
  const error = () =>
    problem() ? t(`errors.photos.${problem() ?? 'failed'}`, { max: MAX_PHOTOS }) : props.error;

  const onFiles = async (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    // Cleared at once so choosing the same file again still fires 'change'.
    input.value = '';
    setProblem(undefined);
    for (const file of files) {
      setStatus('adding');
      const p = await props.add(file);
      if (p) {
        setProblem(p);
        setStatus(undefined);
        return;
      }
      setStatus('added');
    }
  };

  const remove = async (sha256: string) => {
    await props.remove(sha256);
    setProblem(undefined);
    setStatus('removed');
    document.getElementById(BUILT_IN_IDS.photosCamera)?.focus();
  };

  return (
    <div class="field" classList={{ 'field--error': !!error() }}>
      <fieldset class="fieldset" aria-describedby={describedBy(`${id}-hint`, error() && `${id}-error`)}>
        <legend class="legend">
          {t('field.photos.legend')}
          <span class="optional"> {t('form.optional')}</span>
        </legend>
        <Hint id={`${id}-hint`}>{t('field.photos.hint', { max: MAX_PHOTOS })}</Hint>
        <Show when={error()}>{(e) => <ErrorMessage id={`${id}-error`}>{e()}</ErrorMessage>}</Show>
        <Show when={props.photos.length > 0}>
          <ul class="photo-list">
            <For each={props.photos}>
              {(p, i) => <Thumbnail photo={p} n={i() + 1} onRemove={() => void remove(p.sha256)} />}
            </For>
          </ul>
        </Show>
        <Show when={!full()} fallback={<p>{t('field.photos.full', { max: MAX_PHOTOS })}</p>}>
          <div class="file-buttons">
            <div class="file-button">
              <input
                id={BUILT_IN_IDS.photosCamera}
                class="file-button__input"
                type="file"
                accept="image/*"
                capture="environment"
                onChange={(e) => void onFiles(e.currentTarget)}
              />
              <label class="button button--secondary button--icon" for={BUILT_IN_IDS.photosCamera}>
                <Icon name="camera" />
                <span>{t('field.photos.camera')}</span>
              </label>
            </div>
            <div class="file-button">
              <input
                id="photos-gallery"
                class="file-button__input"
                type="file"
                accept="image/*"
                multiple
                onChange={(e) => void onFiles(e.currentTarget)}
              />
              <label class="button button--secondary button--icon" for="photos-gallery">
                <Icon name="gallery" />
                <span>{t('field.photos.gallery')}</span>
              </label>
            </div>
          </div>
        </Show>
        <p class="photo-status" role="status">
          {status() ? t(`field.photos.${status() ?? 'added'}`) : ''}
        </p>
      </fieldset>
    </div>
  );
}
