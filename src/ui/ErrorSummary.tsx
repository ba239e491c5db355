/**
 * "There is a problem": the list of errors at the top of a form, each linking
 * to its field. It takes focus each time a submit fails (`attempt` changes),
 * so screen-reader and keyboard users land on it; a link moves focus to the
 * field itself, scrolled so its question is in view.
 */
import { For, Show, createEffect, on } from 'solid-js';
import { t } from '../i18n';

export interface SummaryItem {
  /** The id of the input to move to; no link when absent. */
  target?: string | undefined;
  /** Where the field lives when it is on another page. */
  href?: string | undefined;
  message: string;
}

function focusField(id: string): boolean {
  const el = document.getElementById(id);
  if (!el) return false;
  // Scroll the question (legend or label) into view, not just the input under it.
  const question =
    el.closest('fieldset')?.querySelector('legend') ?? document.querySelector(`label[for="${id}"]`);
  el.focus({ preventScroll: true });
  (question ?? el).scrollIntoView({ block: 'start' });
  return true;
}

export function ErrorSummary(props: { items: readonly SummaryItem[]; attempt: number }) {
  let ref: HTMLDivElement | undefined;
  createEffect(
    on(
      () => props.attempt,
      () => {
        // After this turn's mount effects: a page that opens with errors focuses its
        // heading first (PageHeading), and the summary must win.
        if (props.items.length > 0) setTimeout(() => ref?.focus(), 0);
      },
      { defer: false },
    ),
  );
  return (
    <Show when={props.items.length > 0}>
      <div ref={ref} class="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
        <h2 id="error-summary-title" class="error-summary__title">
          {t('errors.summaryTitle')}
        </h2>
        <ul class="error-summary__list">
          <For each={props.items}>
            {(item) => (
              <li>
                <Show when={item.href ?? (item.target && `#${item.target}`)} fallback={item.message}>
                  {(href) => (
                    <a
                      href={href()}
                      onClick={(e) => {
                        if (item.href || !item.target) return;
                        if (focusField(item.target)) e.preventDefault();
                      }}
                    >
                      {item.message}
                    </a>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ul>
      </div>
    </Show>
  );
}
