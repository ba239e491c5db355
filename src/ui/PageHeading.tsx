/**
 * The page's h1. It takes focus when a page opens, so screen readers announce
 * the new page and keyboard users start from the top of the content.
 */
import { onMount, type JSX } from 'solid-js';
import { usePageNavigation } from './page-navigation';

export function PageHeading(props: { children: JSX.Element }) {
  let ref: HTMLHeadingElement | undefined;
  const { navigated } = usePageNavigation();
  onMount(() => {
    // Only after an in-app navigation: on first load, focus stays at the document start.
    if (navigated()) ref?.focus();
    document.title = `${ref?.textContent ?? ''} – Civic Desk`;
  });
  return (
    <h1 ref={ref} tabIndex={-1} class="page-heading">
      {props.children}
    </h1>
  );
}
