/**
 * Which clicks on links the router takes over. Every same-origin link in the
 * page opens in the app (plain <a href> too, not only <A>), unless the person
 * asked the browser for something else: a new tab or window (a modifier key,
 * the middle button, a target), a download, or a link marked rel="external".
 */

export interface LinkClick {
  readonly defaultPrevented: boolean;
  readonly button: number;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly shiftKey: boolean;
}

export interface LinkElement {
  /** The resolved, absolute href ('' without one), as HTMLAnchorElement gives it. */
  readonly href: string;
  readonly target: string;
  hasAttribute(name: string): boolean;
  getAttribute(name: string): string | null;
}

/** The address (path, query, hash) to open in the app, or undefined to leave the click to the browser. */
export function inAppAddress(
  click: LinkClick,
  link: LinkElement,
  here: { readonly href: string },
): string | undefined {
  if (click.defaultPrevented || click.button !== 0) return undefined;
  if (click.metaKey || click.altKey || click.ctrlKey || click.shiftKey) return undefined;
  if (!link.href || link.target || link.hasAttribute('download')) return undefined;
  if ((link.getAttribute('rel') ?? '').split(/\s+/).includes('external')) return undefined;
  const to = new URL(link.href);
  const from = new URL(here.href);
  if (to.origin !== from.origin) return undefined;
  // A jump within the page (the skip link): the browser scrolls there and
  // moves the keyboard's starting point with it, which the app cannot do.
  if (to.hash && to.pathname === from.pathname && to.search === from.search) return undefined;
  return to.pathname + to.search + to.hash;
}
