/**
 * The app's router, over the History API: <Router> shows the route that
 * matches the address inside the root layout, and the use* functions give
 * pages their parameters, query, location and `navigate`. <A>, the link that
 * knows when it points at the page on screen, is a building block
 * (src/ui/page-navigation.tsx) re-exported here for the pages; the router
 * provides that module's context, so blocks and the form engine can navigate
 * without importing it. The rules live in router-state.ts (when the page
 * changes), match.ts (which route an address opens) and links.ts (which
 * clicks the app takes over).
 */
import { Show, createContext, onCleanup, useContext, type Component, type JSX } from 'solid-js';
import { delegateEvents } from 'solid-js/web';
import { inAppAddress } from './links';
import type { Params, SearchParams } from './match';
import {
  createRouterState,
  type Location,
  type Navigator,
  type RouterHistory,
  type RouterState,
} from './router-state';
import { PageNavigationProvider } from '../ui/page-navigation';

export type { Location, NavigateOptions, Navigator } from './router-state';
export { A } from '../ui/page-navigation';

export interface RouteDefinition {
  readonly path: string;
  readonly component: Component;
}

/** What the root layout receives: the routed page. */
export interface RouteSectionProps {
  readonly children: JSX.Element;
}

const RouterContext = createContext<RouterState<RouteDefinition>>();

function useRouter(): RouterState<RouteDefinition> {
  const router = useContext(RouterContext);
  if (!router) throw new Error('Router functions work only inside <Router>.');
  return router;
}

const browserHistory: RouterHistory = {
  current: () => window.location.pathname + window.location.search + window.location.hash,
  write: (address, replace) =>
    replace ? window.history.replaceState(null, '', address) : window.history.pushState(null, '', address),
  listen: (onMove) => {
    window.addEventListener('popstate', onMove);
    return () => window.removeEventListener('popstate', onMove);
  },
};

/** A new page starts at its top, or at the element its hash names (a Change link's field). */
function scrollToHashOrTop(hash: string): void {
  let id = hash.slice(1);
  try {
    id = decodeURIComponent(id);
  } catch {
    // a malformed escape: look the id up as written
  }
  const target = id ? document.getElementById(id) : null;
  if (target) target.scrollIntoView();
  else window.scrollTo(0, 0);
}

/** Routes are read once: the list is fixed for the life of the app. */
export function Router(props: { root: Component<RouteSectionProps>; routes: readonly RouteDefinition[] }) {
  const router = createRouterState(props.routes, browserHistory, scrollToHashOrTop);

  // Solid's delegated handlers must run first, so an onClick that calls preventDefault keeps its link.
  delegateEvents(['click']);
  const onClick = (event: MouseEvent) => {
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    if (!(link instanceof HTMLAnchorElement)) return;
    const address = inAppAddress(event, link, window.location);
    if (address === undefined) return;
    event.preventDefault();
    router.navigate(address);
  };
  document.addEventListener('click', onClick);
  onCleanup(() => document.removeEventListener('click', onClick));

  const Root = props.root;
  return (
    <RouterContext.Provider value={router}>
      <PageNavigationProvider value={router}>
        <Root>
          <Show when={router.route()} keyed>
            {(route) => <route.component />}
          </Show>
        </Root>
      </PageNavigationProvider>
    </RouterContext.Provider>
  );
}

export const useLocation = (): Location => useRouter().location;

export const useNavigate = (): Navigator => useRouter().navigate;

/** The route's parameters, reactive; an optional one the address leaves out is undefined. */
export const useParams = <T extends Params = Params>(): T => useRouter().params as T;

/** The query string, reactive; a key given twice reads as an array. No setter: the app never rewrites a query in place. */
export const useSearchParams = <T extends SearchParams = SearchParams>(): [Partial<T>] => [
  useRouter().query as Partial<T>,
];
