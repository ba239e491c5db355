/**
 * What building blocks need to know about moving between pages: whether the
 * page on screen was opened in the app (its heading then takes focus) and
 * whether a link points at it (aria-current="page"). The app shell provides
 * it from the router, so src/ui never imports src/routes; outside a provider
 * (a block rendered on its own) no page was navigated to and none is current.
 */
import { createContext, useContext, type Accessor, type JSX } from 'solid-js';

export interface PageNavigation {
  readonly navigated: Accessor<boolean>;
  isCurrent(href: string): boolean;
}

const PageNavigationContext = createContext<PageNavigation>({
  navigated: () => false,
  isCurrent: () => false,
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
