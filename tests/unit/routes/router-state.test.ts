import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEffect, createRoot } from 'solid-js';
import { createRouterState, type RouterHistory } from '../../../src/routes/router-state';

// Node resolves solid-js to its server build, where nothing reacts; the router runs in browsers.
vi.mock('solid-js', () => vi.importActual('solid-js/dist/solid.js'));

const routes = [
  { id: 'home', path: '/' },
  { id: 'draft', path: '/drafts/:id/:step?' },
  { id: 'track', path: '/track' },
  { id: 'notFound', path: '*404' },
] as const;

/** History as an array of addresses, with back and forward as a person would press them. */
function memoryHistory(start: string) {
  const entries = [start];
  let index = 0;
  let onMove: (() => void) | undefined;
  const writes: string[] = [];
  const history: RouterHistory = {
    current: () => entries[index] ?? '',
    write(address, replace) {
      writes.push(`${replace ? 'replace' : 'push'} ${address}`);
      if (!replace) entries.splice(++index);
      entries[index] = address;
    },
    listen(listener) {
      onMove = listener;
      return () => (onMove = undefined);
    },
  };
  const move = (delta: number) => {
    index += delta;
    onMove?.();
  };
  return {
    history,
    writes,
    back: () => move(-1),
    forward: () => move(1),
    listening: () => onMove !== undefined,
  };
}

// Changes of address run in a transition, which Solid starts on a microtask.
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

function start(address: string) {
  const memory = memoryHistory(address);
  const scrolls: string[] = [];
  const router = createRoot((d) => {
    dispose = d;
    return createRouterState(routes, memory.history, (hash) => scrolls.push(hash));
  });
  return { ...memory, router, scrolls };
}

describe('createRouterState', () => {
  it('opens the address it starts on, as a load rather than a navigation', () => {
    const { router } = start('/drafts/d1/questions?from=check#location-address');
    expect(router.route()?.id).toBe('draft');
    expect({ ...router.params }).toEqual({ id: 'd1', step: 'questions' });
    expect(router.query.from).toBe('check');
    expect(router.location.pathname).toBe('/drafts/d1/questions');
    expect(router.location.search).toBe('?from=check');
    expect(router.location.hash).toBe('#location-address');
    expect(router.navigated()).toBe(false);
  });

  it('navigates by adding a history entry, then scrolls for the new page', async () => {
    const { router, writes, scrolls } = start('/');
    router.navigate('/drafts/d1/check#contact');
    expect(writes).toEqual(['push /drafts/d1/check#contact']);
    await settled();
    expect(router.route()?.id).toBe('draft');
    expect(router.params.step).toBe('check');
    expect(router.location.hash).toBe('#contact');
    expect(router.navigated()).toBe(true);
    expect(scrolls).toEqual(['#contact']);
  });

  it('replaces the entry when asked', async () => {
    const { router, writes } = start('/drafts/d1/check');
    router.navigate('/requests/r1', { replace: true });
    await settled();
    expect(writes).toEqual(['replace /requests/r1']);
    expect(router.route()?.id).toBe('notFound');
  });

  it('resolves relative addresses and query strings against the current one', async () => {
    const { router, writes } = start('/drafts/d1/questions');
    router.navigate('location');
    router.navigate('?from=check');
    await settled();
    expect(writes).toEqual(['push /drafts/d1/location', 'push /drafts/d1/location?from=check']);
    expect(router.query.from).toBe('check');
  });

  it('does nothing for the address already open, and refuses another origin', () => {
    const { router, writes } = start('/track');
    router.navigate('/track');
    expect(writes).toEqual([]);
    expect(() => router.navigate('https://example.org/track')).toThrow(/not an address in this app/);
    expect(() => router.navigate('//example.org/track')).toThrow(/not an address in this app/);
  });

  it('follows back and forward without scrolling (the browser restores the position)', async () => {
    const { router, back, forward, scrolls } = start('/');
    router.navigate('/track');
    await settled();
    back();
    await settled();
    expect(router.route()?.id).toBe('home');
    expect(router.navigated()).toBe(true);
    forward();
    await settled();
    expect(router.route()?.id).toBe('track');
    expect(scrolls).toEqual(['']);
  });

  it('scrolls only for the latest of quick navigations', async () => {
    const { router, scrolls } = start('/');
    router.navigate('/drafts/d1/questions');
    router.navigate('/drafts/d1/check#top');
    await settled();
    expect(router.params.step).toBe('check');
    expect(scrolls).toEqual(['#top']);
  });

  it('keeps the page while only a parameter, the query or the hash changes', async () => {
    const { router } = start('/drafts/d1');
    const routesSeen: string[] = [];
    const idsSeen: (string | undefined)[] = [];
    createRoot(() => {
      createEffect(() => routesSeen.push(router.route()?.id ?? 'none'));
      createEffect(() => idsSeen.push(router.params.id));
    });
    await settled();
    router.navigate('/drafts/d1/questions');
    await settled();
    router.navigate('/drafts/d1/location?from=check#x');
    await settled();
    expect(router.params.step).toBe('location');
    expect(routesSeen).toEqual(['draft']);
    expect(idsSeen).toEqual(['d1']);
    router.navigate('/drafts/d2/location');
    await settled();
    expect(idsSeen).toEqual(['d1', 'd2']);
    expect(routesSeen).toEqual(['draft']);
  });

  it('counts as a navigation only once the page itself changes', async () => {
    const { router } = start('/track');
    router.navigate('/track?number=ABC');
    await settled();
    expect(router.query.number).toBe('ABC');
    expect(router.navigated()).toBe(false);
    router.navigate('/');
    await settled();
    router.navigate('/track');
    await settled();
    expect(router.navigated()).toBe(true);
  });

  it('tells which links point at the page on screen, following navigation', async () => {
    const { router } = start('/track?number=ABC');
    expect(router.isCurrent('/track')).toBe(true);
    expect(router.isCurrent('/')).toBe(false);
    router.navigate('/drafts/d1/questions');
    await settled();
    expect(router.isCurrent('/track')).toBe(false);
    expect(router.isCurrent('/drafts/d1/questions?from=check#x')).toBe(true);
  });

  it('stops listening to history when its owner is disposed', () => {
    const { listening } = start('/');
    expect(listening()).toBe(true);
    dispose?.();
    dispose = undefined;
    expect(listening()).toBe(false);
  });
});
