/**
 * A form at the kiosk (/kiosk/form/:id/:step): the same form engine as on a
 * phone, with Listen buttons for every question, wired to the kiosk's own
 * database, on a shared device (the browser offers and remembers no personal
 * details). Sending queues the request as channel 'kiosk' and opens the
 * receipt page, which sends it. Back from the first step is the welcome screen.
 */
import { Match, Switch, createMemo, createResource, onCleanup } from 'solid-js';
import { getService } from '../../db/catalog';
import { makeDraftAutosave } from '../../db/autosave';
import { getDraft } from '../../db/drafts';
import { StorageFullError } from '../../db/errors';
import { addPhoto, livePhotos, removePhoto } from '../../db/photos';
import { localRef, submitDraft } from '../../db/submit';
import type { FormHost } from '../../forms/contract';
import { photoProblem } from '../../forms/photo-problem';
import { DraftForm } from '../../forms/DraftForm';
import { isStepId, resumeStep, stepsFor } from '../../forms/steps';
import { language, t } from '../../i18n';
import { createLive, valueOr } from '../../ui/live';
import { PageHeading } from '../../ui/PageHeading';
import { A, useParams, useSearchParams } from '../router';
import { formBase, KIOSK_HOME, RECEIPT_PATH } from './paths';
import { setCurrentDraft, setSubmission } from './session';

function makeHost(id: string, serviceCode: string): FormHost {
  const photos = createLive(livePhotos(id));
  return {
    makeAutosave: (getState, onError) =>
      makeDraftAutosave(id, getState, {
        onError: (e) => onError(e instanceof StorageFullError ? 'storage_full' : 'failed'),
      }),
    photos: () => valueOr(photos(), []),
    addPhoto: async (file) => {
      try {
        await addPhoto(id, file);
        return undefined;
      } catch (e) {
        return photoProblem(e);
      }
    },
    removePhoto: (sha256) => removePhoto(id, sha256),
    submit: async () => {
      try {
        const result = await submitDraft(id, 'kiosk', { language: language() });
        if (result.ok) setSubmission({ id, service_code: serviceCode, local_ref: localRef(id) });
        return result;
      } catch (e) {
        console.error('submit failed', e);
        return { ok: false, problem: e instanceof StorageFullError ? 'storage_full' : 'failed' };
      }
    },
  };
}

export default function KioskForm() {
  const params = useParams<{ id: string; step?: string }>();
  const [search] = useSearchParams<{ from?: string; errors?: string }>();
  const [data] = createResource(
    () => params.id,
    async (id) => {
      const draft = await getDraft(id);
      const service = draft && (await getService(draft.service_code));
      return { draft, service };
    },
  );
  const found = createMemo(() => {
    const d = data();
    return d?.draft && d.service ? { draft: d.draft, service: d.service } : undefined;
  });
  onCleanup(() => setCurrentDraft(undefined));

  return (
    <Switch>
      <Match when={data() && !found()}>
        <PageHeading>{t('kiosk.formGoneTitle')}</PageHeading>
        <p>{t('kiosk.formGoneBody')}</p>
        <A class="button kiosk-button--large" href={KIOSK_HOME}>
          {t('kiosk.startAgain')}
        </A>
      </Match>
      <Match when={found()} keyed>
        {(f) => {
          setCurrentDraft(f.draft.id);
          const host = makeHost(f.draft.id, f.service.service_code);
          return (
            <DraftForm
              draft={f.draft}
              service={f.service}
              step={isStepId(params.step) ? params.step : resumeStep(stepsFor(f.service), f.draft.step)}
              fromCheck={search.from === 'check'}
              showErrors={search.errors === '1'}
              host={host}
              base={formBase(f.draft.id)}
              exitHref={KIOSK_HOME}
              sentHref={() => RECEIPT_PATH}
              sharedDevice
            />
          );
        }}
      </Match>
    </Switch>
  );
}
