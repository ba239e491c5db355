/**
 * Moving between pages, as building blocks and the form engine see it:
 * whether the page on screen was opened in the app (its heading then takes
 * focus), whether a link points at it (aria-current="page"), the address on
 * screen, and `navigate`. The router provides it (src/routes/router.tsx), so
 * src/ui and src/forms never import src/routes, and a page of any room can
 * host them. Outside a provider (a block rendered on its own) no page was
 * navigated to, none is current, and navigate loads the address.
 */
import { createContext, useContext, type Accessor, type JSX } from 'solid-js';

export interface PageNavigation {
  readonly navigated: Accessor<boolean>;
  readonly isCurrent: (href: string) => boolean;
  /** The page on screen (the router's: window.location is ahead while the next page loads). */
  readonly location: { readonly hash: string };
  /** Opens an address in the app; `replace` drops the page on screen from history. */
  readonly navigate: (to: string, options?: { replace?: boolean }) => void;
}

const PageNavigationContext = createContext<PageNavigation>({
  navigated: () => false,
  isCurrent: () => false,
  location: { hash: '' },
  navigate: (to) => window.location.assign(to),
});

export const PageNavigationProvider = PageNavigationContext.Provider;

export const usePageNavigation = (): PageNavigation => useContext(PageNavigationContext);

/**
 * A link; aria-current="page" marks the one that points at the page on screen.
 * (The router opens every same-origin link in the app, this one or a plain <a>.)
 * Takes the attributes the app's links use, set one by one: spreading any
 * attribute would bring Solid's generic attribute code into the first page.
 */
export function A(props: { href: string; class?: string; 'aria-label'?: string; children?: JSX.Element }) {
  const page = usePageNavigation();
  return (
    <a
      href={props.href}
      class={props.class}
      aria-label={props['aria-label']}
      aria-current={page.isCurrent(props.href) ? 'page' : undefined}
    >
      {props.children}
    </a>
  );
}
