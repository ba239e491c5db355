/**
 * The router's reactive state, apart from the browser: the current address,
 * the route it opens, its parameters and query, and `navigate`. History is
 * handed in (the browser's in router.tsx, an array in the tests), so this
 * module holds every rule about when the page changes and can be tested
 * without a DOM.
 *
 * Changes of address run in a Solid transition: the page on screen stays
 * until the next one (a lazy chunk, the data it reads under Suspense) is
 * ready, so people never see a "Loading" flash between pages.
 */
import {
  createMemo,
  createSignal,
  getOwner,
  onCleanup,
  runWithOwner,
  startTransition,
  untrack,
  type Accessor,
} from 'solid-js';
import { isCurrentPath, matchRoute, parseSearch, type Params, type SearchParams } from './match';

/** Where the router reads and writes addresses (a path with its query and hash). */
export interface RouterHistory {
  current(): string;
  write(address: string, replace: boolean): void;
  /** Calls back when the person goes back or forward; returns what stops listening. */
  listen(onMove: () => void): () => void;
}

export interface Location {
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
}

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one (for example after a form is sent). */
  readonly replace?: boolean;
}

export type Navigator = (to: string, options?: NavigateOptions) => void;

export interface RouterState<R> {
  readonly location: Location;
  /** The route's parameters; each one is its own memo, so reading `id` does not rerun when `step` changes. */
  readonly params: Params;
  readonly query: SearchParams;
  readonly route: Accessor<R | undefined>;
  /** Whether the page on screen was opened in the app (a link, navigate, back or forward) rather than loaded. */
  readonly navigated: Accessor<boolean>;
  readonly navigate: Navigator;
  /** Whether a link's href is the page on screen (aria-current="page"). */
  readonly isCurrent: (href: string) => boolean;
}

// Addresses are parsed against a made-up origin: only the path, query and hash count.
const ORIGIN = 'http://app.invalid';

/** An object whose every key is read through its own memo, like a fine-grained store that follows transitions. */
function createMemoObject<T extends object>(source: () => T): T {
  const owner = getOwner();
  const memos = new Map<string | symbol, Accessor<unknown>>();
  const read = (key: string | symbol): unknown => {
    let memo = memos.get(key);
    if (!memo) {
      memo = runWithOwner(owner, () => createMemo(() => (source() as Record<string | symbol, unknown>)[key]));
      if (!memo) return undefined;
      memos.set(key, memo);
    }
    return memo();
  };
  return new Proxy({} as T, {
    get: (_, key) => read(key),
    has: (_, key) => key in source(),
    ownKeys: () => Reflect.ownKeys(source()),
    getOwnPropertyDescriptor: (_, key) =>
      key in source() ? { enumerable: true, configurable: true, value: read(key) } : undefined,
  });
}

/**
 * Made once, inside the component that owns the router. `afterNavigate` runs
 * once the page opened by `navigate` is on screen (not after back or forward,
 * where the browser restores the scroll position), with the new hash.
 */
export function createRouterState<R extends { readonly path: string }>(
  routes: readonly R[],
  history: RouterHistory,
  afterNavigate?: (hash: string) => void,
): RouterState<R> {
  const [address, setAddress] = createSignal(history.current());
  const url = createMemo(() => new URL(ORIGIN + address()));
  const pathname = createMemo(() => url().pathname);
  const search = createMemo(() => url().search);
  const hash = createMemo(() => url().hash);
  const match = createMemo(() => matchRoute(routes, pathname()));
  const firstPath = untrack(pathname);
  const navigated = createMemo((was: boolean) => was || pathname() !== firstPath, false);

  // Only the latest change may scroll: an older one that settles late must not move the page.
  let latest = 0;
  const show = (next: string): Promise<boolean> => {
    const mine = ++latest;
    return startTransition(() => setAddress(next)).then(() => mine === latest);
  };

  const navigate: Navigator = (to, options) => {
    // The browser's address, not the one on screen: a page still loading has already been written.
    const current = history.current();
    const target = new URL(to, ORIGIN + current);
    if (target.origin !== ORIGIN) throw new Error(`${to} is not an address in this app`);
    const next = target.pathname + target.search + target.hash;
    if (next === current) return;
    history.write(next, options?.replace ?? false);
    void show(next).then((last) => last && afterNavigate?.(target.hash));
  };

  onCleanup(history.listen(() => void show(history.current())));

  return {
    location: {
      get pathname() {
        return pathname();
      },
      get search() {
        return search();
      },
      get hash() {
        return hash();
      },
    },
    params: createMemoObject(() => match()?.params ?? {}),
    query: createMemoObject(() => parseSearch(search())),
    route: createMemo(() => match()?.route),
    navigated,
    navigate,
    isCurrent: (href) => isCurrentPath(href, pathname()),
  };
}
