/**
 * Hosts the form engine for one draft (/drafts/:id/:step): reads the draft
 * and its service, wires the engine to the device's storage (autosave,
 * photos, submit). /drafts/:id opens at the step the person left off on.
 */
import { A, useParams, useSearchParams } from '../router';
import { Match, Switch, createMemo, createResource } from 'solid-js';
import { getService } from '../../db/catalog';
import { makeDraftAutosave } from '../../db/autosave';
import { getDraft } from '../../db/drafts';
import { StorageFullError } from '../../db/errors';
import { addPhoto, livePhotos, removePhoto } from '../../db/photos';
import type { FormHost } from '../../forms/contract';
import { photoProblem } from '../../forms/photo-problem';
import { DraftForm } from '../../forms/DraftForm';
import { isStepId, resumeStep, stepsFor } from '../../forms/steps';
import { language, t } from '../../i18n';
import { requestFlush } from '../../sync/start';
import { createLive, valueOr } from '../../ui/live';
import { PageHeading } from '../../ui/PageHeading';

function makeHost(id: string): FormHost {
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
        // Loaded when first needed: sending is the last step of a form.
        const { submitDraft } = await import('../../db/submit');
        const result = await submitDraft(id, 'web', { language: language() });
        if (result.ok) requestFlush();
        return result;
      } catch (e) {
        console.error('submit failed', e);
        return { ok: false, problem: e instanceof StorageFullError ? 'storage_full' : 'failed' };
      }
    },
  };
}

export default function DraftPage() {
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
  // A memo, so the form keeps its identity (and its state) while the step changes.
  const found = createMemo(() => {
    const d = data();
    return d?.draft && d.service ? { draft: d.draft, service: d.service } : undefined;
  });

  return (
    <Switch>
      <Match when={data() && !found()}>
        <PageHeading>{t('form.notFoundTitle')}</PageHeading>
        <p>{t('form.notFoundBody')}</p>
        <ul class="plain-list">
          <li>
            <A href="/requests">{t('requests.seeAll')}</A>
          </li>
          <li>
            <A href="/">{t('services.seeAll')}</A>
          </li>
        </ul>
      </Match>
      <Match when={found()} keyed>
        {(f) => {
          // Made once per draft: a call inside a JSX prop would run again on every read.
          const host = makeHost(f.draft.id);
          return (
            <DraftForm
              draft={f.draft}
              service={f.service}
              step={isStepId(params.step) ? params.step : resumeStep(stepsFor(f.service), f.draft.step)}
              fromCheck={search.from === 'check'}
              showErrors={search.errors === '1'}
              host={host}
              base={`/drafts/${f.draft.id}`}
              exitHref={`/services/${f.draft.service_code}`}
              sentHref={(requestId) => `/requests/${requestId}`}
            />
          );
        }}
      </Match>
    </Switch>
  );
}
