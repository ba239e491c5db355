import { describe, expect, it } from 'vitest';
import {
  contactSchema,
  locationSchema,
  photoRefSchema,
  requestFieldsSchema,
} from '../../../src/core/request';

describe('locationSchema', () => {
  it.each<[string, unknown]>([
    ['a device fix', { lat: 6.45, long: 3.39, accuracy_m: 12 }],
    ['an address', { address_string: 'Opposite the market, Broad Street' }],
    ['an address id', { address_id: 'UPRN-100023336956' }],
    ['everything', { lat: 0, long: 0, address_string: 'Null Island' }],
  ])('accepts %s', (_name, input) => expect(locationSchema.safeParse(input).success).toBe(true));

  it.each<[string, unknown]>([
    ['nothing', {}],
    ['lat without long', { lat: 6.45 }],
    ['long without lat', { long: 3.39 }],
    ['a blank address', { address_string: '   ' }],
    ['an accuracy alone', { accuracy_m: 5 }],
    ['lat out of range', { lat: 90.1, long: 0 }],
    ['long out of range', { lat: 0, long: -180.5 }],
    ['unknown key', { lat: 1, long: 1, altitude: 3 }],
  ])('rejects %s', (_name, input) => expect(locationSchema.safeParse(input).success).toBe(false));

  it('names the refusal location_required', () => {
    expect(locationSchema.safeParse({ lat: 1 }).error?.issues[0]?.message).toBe('location_required');
  });
});

describe('contactSchema and photoRefSchema', () => {
  it('trims a phone number and checks email and phone', () => {
    expect(contactSchema.parse({ phone: ' +44 (20) 7946-0000 ', consent_updates: true }).phone).toBe(
      '+44 (20) 7946-0000',
    );
    expect(contactSchema.safeParse({ phone: '12345', consent_updates: true }).success).toBe(false);
    expect(contactSchema.safeParse({ email: 'no-at-sign', consent_updates: true }).success).toBe(false);
    expect(contactSchema.safeParse({ email: 'a@example.org' }).success).toBe(false);
  });

  it('takes a lower-case SHA-256, an image type and a size within limits', () => {
    const ok = { sha256: 'ab'.repeat(32), type: 'image/webp', size: 1 };
    expect(photoRefSchema.safeParse(ok).success).toBe(true);
    expect(photoRefSchema.safeParse({ ...ok, sha256: 'AB'.repeat(32) }).success).toBe(false);
    expect(photoRefSchema.safeParse({ ...ok, type: 'image/gif' }).success).toBe(false);
    expect(photoRefSchema.safeParse({ ...ok, size: 5 * 1024 * 1024 + 1 }).success).toBe(false);
  });
});

describe('requestFieldsSchema', () => {
  const fields = {
    service_code: 'streetlight',
    attributes: { problem: 'out', lamps: 2, hazards: ['cable'] },
    location: { lat: 1, long: 2 },
    language: 'fr',
  };
  it('accepts answers of each shape and refuses other shapes', () => {
    expect(requestFieldsSchema.safeParse(fields).success).toBe(true);
    expect(requestFieldsSchema.safeParse({ ...fields, attributes: { x: true } }).success).toBe(false);
    expect(
      requestFieldsSchema.safeParse({ ...fields, attributes: { x: Number.POSITIVE_INFINITY } }).success,
    ).toBe(false);
    expect(requestFieldsSchema.safeParse({ ...fields, attributes: { x: null } }).success).toBe(false);
  });

  it('is strict and needs a location and a language', () => {
    expect(requestFieldsSchema.safeParse({ ...fields, status: 'closed' }).success).toBe(false);
    const { location: _l, ...noLocation } = fields;
    const { language: _g, ...noLanguage } = fields;
    expect(requestFieldsSchema.safeParse(noLocation).success).toBe(false);
    expect(requestFieldsSchema.safeParse(noLanguage).success).toBe(false);
  });
});
