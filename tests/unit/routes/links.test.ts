import { describe, expect, it } from 'vitest';
import { inAppAddress, type LinkClick, type LinkElement } from '../../../src/routes/links';

const here = { href: 'http://localhost:5173/drafts/d1/check' };
const leftClick: LinkClick = {
  defaultPrevented: false,
  button: 0,
  metaKey: false,
  altKey: false,
  ctrlKey: false,
  shiftKey: false,
};

/** A link as the browser gives it: href resolved against the page. */
function link(href: string | undefined, attributes: Record<string, string> = {}): LinkElement {
  return {
    href: href === undefined ? '' : new URL(href, here.href).href,
    target: attributes['target'] ?? '',
    hasAttribute: (name) => name in attributes,
    getAttribute: (name) => attributes[name] ?? null,
  };
}

describe('inAppAddress', () => {
  it('opens a same-origin left click in the app, with its query and hash', () => {
    expect(inAppAddress(leftClick, link('/requests'), here)).toBe('/requests');
    expect(inAppAddress(leftClick, link('/drafts/d1/location?from=check#location-address'), here)).toBe(
      '/drafts/d1/location?from=check#location-address',
    );
    expect(inAppAddress(leftClick, link('questions'), here)).toBe('/drafts/d1/questions');
    expect(inAppAddress(leftClick, link('/drafts/d1/check'), here)).toBe('/drafts/d1/check');
  });

  it('leaves a click with a modifier key, another button or an earlier handler to the browser', () => {
    for (const key of ['metaKey', 'altKey', 'ctrlKey', 'shiftKey'] as const)
      expect(inAppAddress({ ...leftClick, [key]: true }, link('/requests'), here)).toBeUndefined();
    expect(inAppAddress({ ...leftClick, button: 1 }, link('/requests'), here)).toBeUndefined();
    expect(inAppAddress({ ...leftClick, defaultPrevented: true }, link('/requests'), here)).toBeUndefined();
  });

  it('leaves other sites, targets, downloads, external links and links without href to the browser', () => {
    expect(inAppAddress(leftClick, link('https://example.org/requests'), here)).toBeUndefined();
    expect(inAppAddress(leftClick, link('http://localhost:8080/requests'), here)).toBeUndefined();
    expect(inAppAddress(leftClick, link('mailto:council@example.org'), here)).toBeUndefined();
    expect(inAppAddress(leftClick, link('/requests', { target: '_blank' }), here)).toBeUndefined();
    expect(inAppAddress(leftClick, link('/export.csv', { download: '' }), here)).toBeUndefined();
    expect(inAppAddress(leftClick, link('/api/docs', { rel: 'noopener external' }), here)).toBeUndefined();
    expect(inAppAddress(leftClick, link(undefined), here)).toBeUndefined();
  });

  it('leaves a jump within the page (the skip link) to the browser', () => {
    expect(inAppAddress(leftClick, link('#main'), here)).toBeUndefined();
    expect(inAppAddress(leftClick, link('/drafts/d1/location#main'), here)).toBe('/drafts/d1/location#main');
  });
});
