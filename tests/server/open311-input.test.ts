// What Open311 clients send, checked without a database: POST bodies in every
// attribute spelling, query parameters and the 90-day window.
import { describe, expect, it } from 'vitest';
import type { Service } from '../../src/core/catalog';
import { parsePostForm } from '../../server/open311/form';
import { buildRequestFields } from '../../server/open311/post-fields';
import {
  parseQuery,
  requestsQuerySchema,
  resolveWindow,
  updatesQuerySchema,
} from '../../server/open311/query';
import { demoService } from './open311-helpers';

const streetlight = demoService('streetlight-out');
const base: [string, string][] = [
  ['service_code', 'streetlight-out'],
  ['lat', '7.3964'],
  ['long', '3.9167'],
  ['attribute[lamp_count]', '2'],
  ['attribute[problem]', 'dark'],
];

function build(entries: [string, string][], s: Service = streetlight) {
  return buildRequestFields(parsePostForm(entries), s, 'en');
}

describe('POST body', () => {
  it('accepts every spelling of a multi-value answer', () => {
    for (const extra of [
      [
        ['attribute[nearby]', 'junction'],
        ['attribute[nearby]', 'school'],
      ],
      [
        ['attribute[nearby][]', 'junction'],
        ['attribute[nearby][]', 'school'],
      ],
      [
        ['attribute[nearby][0]', 'junction'],
        ['attribute[nearby][1]', 'school'],
      ],
      [['attribute[nearby]', 'junction,school']],
    ] as [string, string][][]) {
      const r = build([...base, ...extra]);
      expect(r.ok && r.value.attributes).toEqual({
        lamp_count: 2,
        problem: 'dark',
        nearby: ['junction', 'school'],
      });
    }
  });

  it('treats empty strings as unanswered, as FixMyStreet sends them', () => {
    const r = build([
      ...base,
      ['attribute[nearby]', ''],
      ['attribute[noticed]', ''],
      ['attribute[safety]', ''],
      ['media_url', ''],
      ['email', ''],
    ]);
    expect(r).toMatchObject({ ok: true, value: { attributes: { lamp_count: 2, problem: 'dark' } } });
    expect(r.ok && r.value.contact).toBeUndefined();
  });

  it('builds location, contact and description', () => {
    const r = build([
      ...base,
      ['description', 'Dark since Monday'],
      ['first_name', 'Ada'],
      ['last_name', 'Obi'],
      ['email', 'ada@example.org'],
      ['phone', '+234 803 000 0000'],
      ['address_string', 'Ring Road'],
    ]);
    expect(r.ok && r.value).toMatchObject({
      description: 'Dark since Monday',
      location: { lat: 7.3964, long: 3.9167, address_string: 'Ring Road' },
      contact: {
        name: 'Ada Obi',
        email: 'ada@example.org',
        phone: '+234 803 000 0000',
        consent_updates: false,
      },
      language: 'en',
    });
  });

  it('says what is wrong in Open311 terms', () => {
    const without = (key: string) => base.filter(([k]) => k !== key);
    expect(build(without('attribute[problem]'))).toEqual({
      ok: false,
      errors: ['attribute[problem] is required'],
    });
    expect(build([...without('lat'), ...[]].filter(([k]) => k !== 'long'))).toEqual({
      ok: false,
      errors: ['location: a location is required: lat and long, address_string or address_id'],
    });
    expect(build([...without('lat'), ['lat', '91']])).toEqual({
      ok: false,
      errors: ['lat must be a decimal number between -90 and 90'],
    });
    expect(build([...without('long'), ['long', 'east']])).toEqual({
      ok: false,
      errors: ['long must be a decimal number between -180 and 180'],
    });
    expect(build([...base, ['description', 'x'.repeat(4001)]])).toEqual({
      ok: false,
      errors: ['description is longer than 4000 characters'],
    });
    expect(build([...without('attribute[lamp_count]'), ['attribute[lamp_count]', 'two']])).toEqual({
      ok: false,
      errors: ['attribute[lamp_count] must be a number'],
    });
    expect(build([...base, ['attribute[colour]', 'red']])).toEqual({
      ok: false,
      errors: ['attribute[colour] is not an attribute of this service'],
    });
    expect(build([...base, ['attribute[nearby]', 'moon']])).toMatchObject({ ok: false });
  });

  it('refuses unknown and wrongly repeated parameters', () => {
    expect(() => parsePostForm([...base, ['colour', 'red']])).toThrow(
      'colour is not a parameter of this method',
    );
    expect(() => parsePostForm([...base, ['service_code', 'pothole']])).toThrow(
      'service_code was given more than once',
    );
    expect(
      parsePostForm([...base, ['media_url', 'http://a/1.jpg'], ['media_url', 'http://a/2.jpg']]).mediaUrls,
    ).toEqual(['http://a/1.jpg', 'http://a/2.jpg']);
  });
});

describe('query parameters', () => {
  it('reads comma lists, repeated parameters, statuses and dates', () => {
    const q = parseQuery(requestsQuerySchema, {
      service_request_id: ['CD-1, CD-2', 'CD-3'],
      status: ['open'],
      service_code: ['pothole,streetlight-out'],
      start_date: ['2026-01-01T00:00:00Z'],
      extensions: ['true'],
      jurisdiction_id: ['civicdesk.example'],
    });
    expect(q.service_request_id).toEqual(['CD-1', 'CD-2', 'CD-3']);
    expect(q.status).toEqual(['open']);
    expect(q.service_code).toEqual(['pothole', 'streetlight-out']);
    expect(q.start_date?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(q.extensions).toBe(true);
  });

  it('refuses unknown parameters, bad statuses and dates without a zone', () => {
    expect(() => parseQuery(requestsQuerySchema, { stauts: ['open'] })).toThrow('stauts is not a parameter');
    expect(() => parseQuery(requestsQuerySchema, { status: ['pending'] })).toThrow(
      /status must be open, closed/,
    );
    expect(() => parseQuery(updatesQuerySchema, { start_date: ['2026-01-01'] })).toThrow(
      /start_date must be a W3C/,
    );
    expect(() => parseQuery(requestsQuerySchema, { extensions: ['maybe'] })).toThrow(/extensions/);
  });

  it('applies the 90-day window and its defaults', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const d = (s: string) => new Date(s);
    expect(resolveWindow(undefined, undefined, now)).toEqual({ start: d('2026-03-03T00:00:00Z'), end: now });
    expect(resolveWindow(d('2026-01-01T00:00:00Z'), undefined, now).end).toEqual(d('2026-04-01T00:00:00Z'));
    expect(resolveWindow(undefined, d('2026-04-01T00:00:00Z'), now).start).toEqual(d('2026-01-01T00:00:00Z'));
    expect(resolveWindow(d('2026-01-01T00:00:00Z'), d('2026-04-01T00:00:00Z'), now).end).toEqual(
      d('2026-04-01T00:00:00Z'),
    );
    expect(() => resolveWindow(d('2026-01-01T00:00:00Z'), d('2026-04-01T00:00:01Z'), now)).toThrow(/90 days/);
    expect(() => resolveWindow(d('2026-02-01T00:00:00Z'), d('2026-01-01T00:00:00Z'), now)).toThrow(/before/);
  });
});
