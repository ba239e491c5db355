// The Open311 building blocks that need no database: XML writing, datetimes,
// paths and formats, the error list.
import { describe, expect, it } from 'vitest';
import { escapeXml, renderXml } from '../../server/open311/xml';
import { isoInZone, parseW3cDatetime } from '../../server/open311/datetime';
import { parseTarget } from '../../server/open311/path';
import { Open311Error, describeFieldErrors } from '../../server/open311/errors';
import { render, renderError } from '../../server/open311/respond';
import { child, children, parseXml, textOf } from './open311-xml';

describe('XML writer', () => {
  it('escapes the five special characters and drops characters XML cannot carry', () => {
    expect(escapeXml(`a<b>&"c'`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
    expect(escapeXml('bell\u0007 nul\u0000 tab\t nl\n')).toBe('bell nul tab\t nl\n');
    expect(escapeXml('lone \uD800 surrogate, pair 😀')).toBe('lone  surrogate, pair 😀');
  });

  it('writes records, repeated items and empty values that a parser reads back', () => {
    const xml = renderXml(
      'services',
      [
        { service_code: 'a&b', metadata: true, order: 2, none: null },
        { service_code: '<x>', metadata: false, order: 0, none: undefined },
      ],
      { services: 'service' },
    );
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<services>')).toBe(true);
    const doc = parseXml(xml);
    const items = children(doc, 'service');
    expect(items.map((s) => textOf(s, 'service_code'))).toEqual(['a&b', '<x>']);
    expect(items.map((s) => textOf(s, 'metadata'))).toEqual(['true', 'false']);
    expect(textOf(items[0]!, 'none')).toBe('');
  });

  it('writes an empty list as an empty element and refuses names XML does not allow', () => {
    expect(parseXml(renderXml('service_requests', [], { service_requests: 'request' })).children).toEqual([]);
    expect(() => renderXml('bad name', 'x')).toThrow(RangeError);
    expect(() => renderXml('list', [1])).toThrow(/no item element name/);
  });

  it('renders the same value as JSON and as XML', () => {
    const value = [{ service_request_id: 'CD-1', lat: 7.5 }];
    const json = render('json', 'service_requests', value);
    expect(json.contentType).toMatch(/^application\/json/);
    expect(JSON.parse(json.text)).toEqual(value);
    const xml = render('xml', 'service_requests', value);
    expect(xml.contentType).toMatch(/^text\/xml/);
    expect(textOf(child(parseXml(xml.text), 'request'), 'lat')).toBe('7.5');
  });

  it('renders errors as the spec list, with the XML FixMyStreet reads', () => {
    const err = new Open311Error(403, 'api_key is missing or not valid');
    const json = renderError('json', err);
    expect(json.status).toBe(403);
    expect(JSON.parse(json.text)).toEqual([{ code: 403, description: 'api_key is missing or not valid' }]);
    const doc = parseXml(renderError('xml', err).text);
    expect(doc.name).toBe('errors');
    expect(textOf(child(doc, 'error'), 'code')).toBe('403');
    expect(textOf(child(doc, 'error'), 'description')).toBe('api_key is missing or not valid');
  });
});

describe('datetimes', () => {
  it('writes instants in the zone, with its offset', () => {
    const t = new Date('2026-03-05T09:08:07.900Z');
    expect(isoInZone(t, 'Africa/Lagos')).toBe('2026-03-05T10:08:07+01:00');
    expect(isoInZone(t, 'UTC')).toBe('2026-03-05T09:08:07+00:00');
    expect(isoInZone(t, 'America/St_Johns')).toBe('2026-03-05T05:38:07-03:30');
    expect(isoInZone(new Date('2026-07-01T12:00:00Z'), 'Europe/London')).toBe('2026-07-01T13:00:00+01:00');
  });

  it('reads W3C datetimes that carry a zone and refuses the rest', () => {
    expect(parseW3cDatetime('2010-01-01T00:00:00Z')?.toISOString()).toBe('2010-01-01T00:00:00.000Z');
    expect(parseW3cDatetime('2010-01-01T01:00:00+01:00')?.toISOString()).toBe('2010-01-01T00:00:00.000Z');
    expect(parseW3cDatetime('2010-01-01T00:00-0330')?.toISOString()).toBe('2010-01-01T03:30:00.000Z');
    expect(parseW3cDatetime('2010-01-01T00:00:00.250Z')?.toISOString()).toBe('2010-01-01T00:00:00.250Z');
    expect(parseW3cDatetime('0099-01-01T00:00:00Z')?.getUTCFullYear()).toBe(99);
    // An unescaped '+' in a query string arrives as a space.
    expect(parseW3cDatetime('2010-01-01T01:00:00 01:00')?.toISOString()).toBe('2010-01-01T00:00:00.000Z');
    for (const bad of ['2010-01-01T00:00:00', '2010-01-01', '2026-02-30T00:00:00Z', 'yesterday', ''])
      expect(parseW3cDatetime(bad)).toBeUndefined();
  });
});

describe('paths', () => {
  it('finds each resource and its format', () => {
    expect(parseTarget('/open311/v2/discovery.json')).toEqual({
      resource: { kind: 'discovery' },
      format: 'json',
    });
    expect(parseTarget('/open311/discovery.xml').resource).toEqual({ kind: 'discovery' });
    expect(parseTarget('/open311/v2/services.xml')).toEqual({
      resource: { kind: 'services' },
      format: 'xml',
    });
    expect(parseTarget('/open311/v2/services/pothole.json').resource).toEqual({
      kind: 'service',
      code: 'pothole',
    });
    expect(parseTarget('/open311/v2/requests/CD-23456782.xml').resource).toEqual({
      kind: 'request',
      id: 'CD-23456782',
    });
    expect(parseTarget('/open311/v2/tokens/abc.json').resource).toEqual({ kind: 'token', token: 'abc' });
    expect(parseTarget('/open311/v2/servicerequestupdates.xml').resource).toEqual({ kind: 'updates' });
  });

  it('tolerates paths glued onto the endpoint, doubled slashes, and no extension (XML)', () => {
    expect(parseTarget('/open311/v2requests.xml').resource).toEqual({ kind: 'requests' });
    expect(parseTarget('/open311/v2services/pothole.xml').resource).toEqual({
      kind: 'service',
      code: 'pothole',
    });
    expect(parseTarget('/open311/v2//requests.json')).toEqual({
      resource: { kind: 'requests' },
      format: 'json',
    });
    expect(parseTarget('/open311/v2/services')).toEqual({ resource: { kind: 'services' }, format: 'xml' });
    expect(parseTarget('/open311/V2/Requests.JSON'.replace('Requests', 'requests')).format).toBe('json');
  });

  it('answers 404 for unknown resources and formats', () => {
    for (const p of [
      '/open311/v2/nothing.xml',
      '/open311/v2/requests.csv',
      '/open311/v2/services/a/b.xml',
      '/open311/v2/tokens.xml',
    ])
      expect(() => parseTarget(p)).toThrow(expect.objectContaining({ status: 404 }) as Error);
    expect(() => parseTarget('/open311/v2/services/%E0%A4%A.xml')).toThrow(Open311Error);
  });
});

describe('field errors', () => {
  it('names the Open311 parameter each error is about', () => {
    expect(
      describeFieldErrors([
        { field: 'attributes.lamp_count', code: 'required' },
        { field: 'description', code: 'too_long', params: { max: 4000 } },
        { field: 'location', code: 'location_required' },
        { field: 'contact.email', code: 'invalid_email' },
      ]),
    ).toEqual([
      'attribute[lamp_count] is required',
      'description is longer than 4000 characters',
      'location: a location is required: lat and long, address_string or address_id',
      'email is not an e-mail address',
    ]);
  });
});
