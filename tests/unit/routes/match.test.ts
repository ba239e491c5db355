import { describe, expect, it } from 'vitest';
import { isCurrentPath, matchRoute, parseSearch, pathOf } from '../../../src/routes/match';
import { ROUTES } from '../../../src/routes/paths';

const open = (address: string) => {
  const m = matchRoute(ROUTES, address);
  return m && { id: m.route.id, params: m.params };
};

describe('matchRoute with the app routes', () => {
  it('opens each page with its parameters', () => {
    expect(open('/')).toEqual({ id: 'home', params: {} });
    expect(open('/services/streetlight-out')).toEqual({ id: 'service', params: { code: 'streetlight-out' } });
    expect(open('/requests')).toEqual({ id: 'requests', params: {} });
    expect(open('/requests/abc')).toEqual({ id: 'request', params: { id: 'abc' } });
    expect(open('/track')).toEqual({ id: 'track', params: {} });
    expect(open('/settings')).toEqual({ id: 'settings', params: {} });
  });

  it('reads an optional parameter when it is there, and leaves it out when not', () => {
    expect(open('/drafts/d1/questions')).toEqual({ id: 'draft', params: { id: 'd1', step: 'questions' } });
    expect(open('/drafts/d1')).toEqual({ id: 'draft', params: { id: 'd1' } });
    expect(open('/drafts/d1')?.params).not.toHaveProperty('step');
    expect(open('/drafts')?.id).toBe('notFound');
    expect(open('/drafts/d1/questions/more')?.id).toBe('notFound');
  });

  it('sends every other address to the catch-all, with the path as its parameter', () => {
    expect(open('/no-such-page')).toEqual({ id: 'notFound', params: { 404: 'no-such-page' } });
    expect(open('/services')).toEqual({ id: 'notFound', params: { 404: 'services' } });
    expect(open('/requests/a/b')).toEqual({ id: 'notFound', params: { 404: 'requests/a/b' } });
  });

  it('ignores a trailing slash and the case of fixed segments, but keeps the case of parameters', () => {
    expect(open('/requests/')?.id).toBe('requests');
    expect(open('/requests/abc/')).toEqual({ id: 'request', params: { id: 'abc' } });
    expect(open('/Requests/AbC')).toEqual({ id: 'request', params: { id: 'AbC' } });
    expect(open('')?.id).toBe('home');
  });

  it('treats an empty segment inside the path as not found', () => {
    expect(open('/requests//abc')?.id).toBe('notFound');
    expect(open('//')?.id).toBe('notFound');
  });

  it('decodes parameters and fixed segments, and sends a broken escape to not found', () => {
    expect(open('/services/street%20light')?.params).toEqual({ code: 'street light' });
    expect(open('/services/a%2Fb')?.params).toEqual({ code: 'a/b' });
    expect(open('/services/caf%C3%A9')?.params).toEqual({ code: 'café' });
    expect(open('/%74rack')?.id).toBe('track');
    expect(open('/services/%E0%A4%A')?.id).toBe('notFound');
  });

  it('ignores the query string and the hash', () => {
    expect(open('/track?number=ABC-123')?.id).toBe('track');
    expect(open('/drafts/d1/location?from=check#location-address')).toEqual({
      id: 'draft',
      params: { id: 'd1', step: 'location' },
    });
    expect(open('/?q=/requests/x')?.id).toBe('home');
    expect(open('/requests#top')?.id).toBe('requests');
  });
});

describe('matchRoute ranking and patterns', () => {
  const ids = (routes: { id: string; path: string }[], address: string) =>
    matchRoute(routes, address)?.route.id;

  it('prefers the most specific route whatever the order of the list', () => {
    const routes = [
      { id: 'all', path: '*rest' },
      { id: 'param', path: '/requests/:id' },
      { id: 'fixed', path: '/requests/new' },
      { id: 'home', path: '/' },
    ];
    expect(ids(routes, '/requests/new')).toBe('fixed');
    expect(ids(routes, '/requests/42')).toBe('param');
    expect(ids(routes, '/')).toBe('home');
    expect(ids(routes, '/x')).toBe('all');
    expect(ids([...routes].reverse(), '/requests/new')).toBe('fixed');
  });

  it('keeps the earlier route between two equally specific ones', () => {
    const routes = [
      { id: 'first', path: '/a/:x' },
      { id: 'second', path: '/a/:y' },
    ];
    expect(ids(routes, '/a/1')).toBe('first');
  });

  it('matches a catch-all under a prefix, with or without the rest', () => {
    const routes = [{ id: 'files', path: '/files/*rest' }];
    expect(matchRoute(routes, '/files/a/b%20c')?.params).toEqual({ rest: 'a/b c' });
    expect(matchRoute(routes, '/files')?.params).toEqual({ rest: '' });
    expect(matchRoute(routes, '/other')).toBeUndefined();
    expect(matchRoute([{ id: 'any', path: '*' }], '/x/y')?.params).toEqual({});
  });

  it('fills optional parameters from the left, and one in the middle can be left out', () => {
    const adjacent = [{ id: 'r', path: '/:a?/:b?' }];
    expect(matchRoute(adjacent, '/')?.params).toEqual({});
    expect(matchRoute(adjacent, '/1')?.params).toEqual({ a: '1' });
    expect(matchRoute(adjacent, '/1/2')?.params).toEqual({ a: '1', b: '2' });
    const middle = [{ id: 'r', path: '/:lang?/help' }];
    expect(matchRoute(middle, '/help')?.params).toEqual({});
    expect(matchRoute(middle, '/fr/help')?.params).toEqual({ lang: 'fr' });
  });

  it('finds nothing without a catch-all, and refuses a catch-all before the end', () => {
    expect(matchRoute([{ path: '/' }], '/x')).toBeUndefined();
    expect(() => matchRoute([{ path: '/*rest/x' }], '/a/x')).toThrow(/must end/);
  });
});

describe('parseSearch', () => {
  it('reads each key once, and a repeated key as a list in order', () => {
    expect(parseSearch('?number=ABC-123&from=check')).toEqual({ number: 'ABC-123', from: 'check' });
    expect(parseSearch('?x=1&x=2&x=3')).toEqual({ x: ['1', '2', '3'] });
    expect(parseSearch('')).toEqual({});
  });

  it('decodes keys and values', () => {
    expect(parseSearch('?q=street+light&name=caf%C3%A9&empty=')).toEqual({
      q: 'street light',
      name: 'café',
      empty: '',
    });
  });
});

describe('pathOf and isCurrentPath', () => {
  it('cuts the query and the hash off an address', () => {
    expect(pathOf('/a/b?c=d#e')).toBe('/a/b');
    expect(pathOf('/a#b?c')).toBe('/a');
    expect(pathOf('/a')).toBe('/a');
  });

  it('marks a link as the current page only on its own path', () => {
    expect(isCurrentPath('/', '/')).toBe(true);
    expect(isCurrentPath('/', '/requests')).toBe(false);
    expect(isCurrentPath('/requests', '/requests')).toBe(true);
    expect(isCurrentPath('/requests', '/requests/abc')).toBe(false);
    expect(isCurrentPath('/requests', '/Requests/')).toBe(true);
    expect(isCurrentPath('/track?number=X', '/track')).toBe(true);
    expect(isCurrentPath('/services/street light', '/services/street%20light')).toBe(true);
  });
});
