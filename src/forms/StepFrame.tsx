/**
 * The frame of every step: a Back link, the error summary, the service and
 * step as a caption, the heading (which takes focus), the fields, and the
 * Continue button. Also says quietly when answers are saved, and loudly when
 * they could not be (a full phone).
 */
import { Show, onMount, type JSX } from 'solid-js';
import { t } from '../i18n';
import { ErrorSummary, type SummaryItem } from '../ui/ErrorSummary';
import { A, usePageNavigation } from '../ui/page-navigation';
import { PageHeading } from '../ui/PageHeading';
import type { SaveProblem } from './draft-state';

export function StepFrame(props: {
  backHref: string;
  caption: string;
  title: string;
  errors: readonly SummaryItem[];
  attempt: number;
  onSubmit: () => void;
  /** Focus left a field: a good moment to write at once rather than after the autosave delay. */
  onFieldLeave?: () => void;
  submitLabel: string;
  saved: boolean;
  saveProblem: SaveProblem | undefined;
  /** Shown above the heading, e.g. why the council sent the request back. */
  notice?: JSX.Element;
  children: JSX.Element;
}) {
  // The router's location, the address of the page on screen (window.location
  // is already the next address while the next page loads).
  const { location } = usePageNavigation();
  onMount(() => {
    // A Change link names the field (#id): bring it into focus once the heading has
    // taken focus for the new page, so people land on what they came to change.
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    if (target) setTimeout(() => target.focus(), 0);
  });
  return (
    <>
      <A class="back-link" href={props.backHref}>
        {t('form.back')}
      </A>
      <ErrorSummary items={props.errors} attempt={props.attempt} />
      {props.notice}
      <p class="caption">{props.caption}</p>
      <PageHeading>{props.title}</PageHeading>
      <form
        class="form"
        novalidate
        onFocusOut={() => props.onFieldLeave?.()}
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
      >
        {props.children}
        <Show when={props.saveProblem}>
          <div class="warning" role="alert">
            <p>{t(props.saveProblem === 'storage_full' ? 'form.storageFull' : 'form.saveFailed')}</p>
          </div>
        </Show>
        <div class="form__actions">
          <button type="submit" class="button">
            {props.submitLabel}
          </button>
          <p class="saved-status" role="status">
            {props.saved ? t('form.saved') : ''}
          </p>
        </div>
      </form>
    </>
  );
}
