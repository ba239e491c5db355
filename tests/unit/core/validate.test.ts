import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Attribute } from '../../../src/core/catalog';
import { requestFieldsSchema } from '../../../src/core/request';
import {
  MAX_STRING_ANSWER,
  MAX_TEXT_ANSWER,
  coerceAnswer,
  isBlankAnswer,
  validateRequest,
  type FieldError,
} from '../../../src/core/validate';
import { streetlightService as service } from '../../fixtures/service';

const valid = {
  service_code: 'streetlight',
  attributes: { problem: 'out' },
  location: { lat: 6.45, long: 3.39 },
  language: 'en',
};
const withAttrs = (attributes: Record<string, unknown>) => ({ ...valid, attributes });
const errorsOf = (fields: unknown): FieldError[] => {
  const r = validateRequest(service, fields);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
};
const attr = (code: string): Attribute => {
  const a = service.attributes.find((x) => x.code === code);
  if (!a) throw new Error(code);
  return a;
};

describe('validateRequest: accepted input', () => {
  it('accepts a minimal request', () => {
    expect(validateRequest(service, valid)).toEqual({ ok: true, value: valid });
  });

  it('accepts every datatype answered well, and the value still fits requestFieldsSchema', () => {
    const fields = withAttrs({
      problem: 'damaged',
      pole_number: ' P-1234 ',
      lamps_out: 2,
      noticed_at: '2026-11-23T19:30',
      hazards: ['cable', 'glass'],
      details: 'Near the school gate.',
    });
    const r = validateRequest(service, {
      ...fields,
      description: 'Dark since Friday',
      contact: { email: 'ada@example.org', phone: '+234 803 000 0000', consent_updates: true },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.attributes).toEqual({ ...fields.attributes, pole_number: 'P-1234' });
    expect(requestFieldsSchema.safeParse(r.value).success).toBe(true);
  });

  it('strips blank optional answers and blank built-in fields, as FixMyStreet sends them', () => {
    const r = validateRequest(service, {
      ...withAttrs({
        problem: 'out',
        pole_number: '',
        lamps_out: '',
        hazards: [],
        details: '   ',
        safety_note: '',
      }),
      description: '',
      contact: { email: '', phone: '', name: '', consent_updates: false },
      location: { lat: 6.45, long: 3.39, address_string: '' },
    });
    expect(r).toEqual({
      ok: true,
      value: { ...valid, contact: { consent_updates: false }, location: { lat: 6.45, long: 3.39 } },
    });
  });

  it.each([
    '2026-11-23T19:30',
    '2026-11-23T19:30:05',
    '2026-11-23T19:30:05.123Z',
    '2024-02-29T00:00+01:00',
    '2026-11-23T23:59:59-05:30',
  ])('accepts datetime %j', (v) =>
    expect(validateRequest(service, withAttrs({ problem: 'out', noticed_at: v })).ok).toBe(true),
  );
});

describe('validateRequest: errors a UI can translate', () => {
  it.each<[string, Record<string, unknown>, FieldError]>([
    ['missing required', {}, { field: 'attributes.problem', code: 'required' }],
    ['blank required', { problem: ' ' }, { field: 'attributes.problem', code: 'required' }],
    [
      'not in list',
      { problem: 'exploded' },
      { field: 'attributes.problem', code: 'not_in_list', params: { value: 'exploded' } },
    ],
    [
      'number as text',
      { problem: 'out', lamps_out: '2' },
      { field: 'attributes.lamps_out', code: 'not_a_number' },
    ],
    [
      'bad datetime',
      { problem: 'out', noticed_at: 'yesterday' },
      { field: 'attributes.noticed_at', code: 'invalid_datetime' },
    ],
    [
      'impossible date',
      { problem: 'out', noticed_at: '2026-02-30T10:00' },
      { field: 'attributes.noticed_at', code: 'invalid_datetime' },
    ],
    [
      'hour 24',
      { problem: 'out', noticed_at: '2026-11-23T24:00' },
      { field: 'attributes.noticed_at', code: 'invalid_datetime' },
    ],
    [
      'date only',
      { problem: 'out', noticed_at: '2026-11-23' },
      { field: 'attributes.noticed_at', code: 'invalid_datetime' },
    ],
    [
      'long string',
      { problem: 'out', pole_number: 'x'.repeat(MAX_STRING_ANSWER + 1) },
      { field: 'attributes.pole_number', code: 'too_long', params: { max: MAX_STRING_ANSWER } },
    ],
    [
      'long text',
      { problem: 'out', details: 'x'.repeat(MAX_TEXT_ANSWER + 1) },
      { field: 'attributes.details', code: 'too_long', params: { max: MAX_TEXT_ANSWER } },
    ],
    [
      'multi not in list',
      { problem: 'out', hazards: ['cable', 'fire'] },
      { field: 'attributes.hazards', code: 'not_in_list', params: { value: 'fire' } },
    ],
    [
      'multi duplicate',
      { problem: 'out', hazards: ['cable', 'cable'] },
      { field: 'attributes.hazards', code: 'invalid', params: { reason: 'duplicate' } },
    ],
    [
      'multi as string',
      { problem: 'out', hazards: 'cable' },
      { field: 'attributes.hazards', code: 'invalid' },
    ],
    ['single as list', { problem: ['out'] }, { field: 'attributes.problem', code: 'invalid' }],
    [
      'unknown code',
      { problem: 'out', colour: 'red' },
      { field: 'attributes.colour', code: 'unknown_attribute' },
    ],
    [
      'prototype key',
      { problem: 'out', constructor: 'x' },
      { field: 'attributes.constructor', code: 'unknown_attribute' },
    ],
    [
      'display-only answered',
      { problem: 'out', safety_note: 'ok' },
      { field: 'attributes.safety_note', code: 'invalid' },
    ],
  ])('%s', (_name, attributes, expected) => {
    expect(errorsOf(withAttrs(attributes))).toEqual([expected]);
  });

  it('rejects non-finite numbers', () => {
    for (const n of [Number.NaN, Number.POSITIVE_INFINITY])
      expect(errorsOf(withAttrs({ problem: 'out', lamps_out: n }))).toContainEqual({
        field: 'attributes.lamps_out',
        code: 'not_a_number',
      });
  });

  it('reports every problem at once', () => {
    const errors = errorsOf({
      service_code: 'streetlight',
      attributes: { lamps_out: 'many' },
      location: {},
      language: 'en',
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'attributes.problem', code: 'required' },
        { field: 'attributes.lamps_out', code: 'not_a_number' },
        { field: 'location', code: 'location_required' },
      ]),
    );
    expect(errors).toHaveLength(3);
  });

  it.each<[string, Record<string, unknown>, FieldError]>([
    ['no location', { location: undefined }, { field: 'location', code: 'location_required' }],
    ['lat without long', { location: { lat: 1 } }, { field: 'location', code: 'location_required' }],
    [
      'blank address only',
      { location: { address_string: '  ' } },
      { field: 'location', code: 'location_required' },
    ],
    ['lat out of range', { location: { lat: 91, long: 0 } }, { field: 'location', code: 'invalid' }],
    [
      'bad email',
      { contact: { email: 'ada@', consent_updates: true } },
      { field: 'contact.email', code: 'invalid_email' },
    ],
    [
      'bad phone',
      { contact: { phone: 'call me', consent_updates: true } },
      { field: 'contact.phone', code: 'invalid_phone' },
    ],
    [
      'missing consent',
      { contact: { email: 'ada@example.org' } },
      { field: 'contact.consent_updates', code: 'required' },
    ],
    [
      'long description',
      { description: 'x'.repeat(4001) },
      { field: 'description', code: 'too_long', params: { max: 4000 } },
    ],
    [
      'too many photos',
      { photos: Array(4).fill({ sha256: 'a'.repeat(64), type: 'image/jpeg', size: 10 }) },
      { field: 'photos', code: 'too_many', params: { max: 3 } },
    ],
    [
      'bad photo',
      { photos: [{ sha256: 'nope', type: 'image/jpeg', size: 10 }] },
      { field: 'photos', code: 'invalid' },
    ],
    ['missing language', { language: undefined }, { field: 'language', code: 'required' }],
    ['unknown language', { language: 'xx' }, { field: 'language', code: 'invalid' }],
    ['unknown field', { extra: 1 }, { field: 'extra', code: 'invalid' }],
    [
      'other service',
      { service_code: 'pothole' },
      { field: 'service_code', code: 'invalid', params: { expected: 'streetlight' } },
    ],
  ])('%s', (_name, patch, expected) => {
    expect(errorsOf({ ...valid, ...patch })).toEqual([expected]);
  });

  it('answers anything at all with errors, never a throw', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const r = validateRequest(service, input);
        if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
      }),
    );
    for (const input of [null, 'text', 42, [], {}]) expect(errorsOf(input).length).toBeGreaterThan(0);
    expect(errorsOf(null)).toEqual([{ field: 'request', code: 'invalid' }]);
  });
});

describe('isBlankAnswer', () => {
  it('treats empty input as no answer, but not zero or false', () => {
    for (const v of [undefined, null, '', '  \n', []]) expect(isBlankAnswer(v)).toBe(true);
    for (const v of [0, false, 'x', ['a']]) expect(isBlankAnswer(v)).toBe(false);
  });
});

describe('coerceAnswer', () => {
  it('turns numeric text into numbers and leaves other text for validation to report', () => {
    expect(coerceAnswer(attr('lamps_out'), '3')).toBe(3);
    expect(coerceAnswer(attr('lamps_out'), ' -2.5 ')).toBe(-2.5);
    expect(coerceAnswer(attr('lamps_out'), '1e3')).toBe(1000);
    expect(coerceAnswer(attr('lamps_out'), '')).toBe('');
    expect(coerceAnswer(attr('lamps_out'), 'three')).toBe('three');
    expect(coerceAnswer(attr('lamps_out'), '1,5')).toBe('1,5');
    expect(coerceAnswer(attr('lamps_out'), '0x10')).toBe('0x10');
    expect(coerceAnswer(attr('lamps_out'), '1e999')).toBe('1e999');
  });

  it('reads list answers from repeated fields or commas', () => {
    expect(coerceAnswer(attr('hazards'), ['cable', 'glass'])).toEqual(['cable', 'glass']);
    expect(coerceAnswer(attr('hazards'), 'cable, glass')).toEqual(['cable', 'glass']);
    expect(coerceAnswer(attr('hazards'), '')).toEqual([]);
  });

  it('takes the first non-blank value for single answers', () => {
    expect(coerceAnswer(attr('problem'), ['', 'out'])).toBe('out');
    expect(coerceAnswer(attr('noticed_at'), '2026-11-23T19:30')).toBe('2026-11-23T19:30');
    expect(coerceAnswer(attr('details'), [])).toBe('');
  });

  it('gives answers validateRequest accepts for well-formed form input', () => {
    const form: Record<string, string | string[]> = {
      problem: 'flickering',
      lamps_out: '4',
      hazards: ['leaning'],
      pole_number: '',
    };
    const attributes = Object.fromEntries(
      Object.entries(form).map(([k, v]) => [k, coerceAnswer(attr(k), v)]),
    );
    const r = validateRequest(service, withAttrs(attributes));
    expect(r).toEqual({
      ok: true,
      value: withAttrs({ problem: 'flickering', lamps_out: 4, hazards: ['leaning'] }),
    });
  });
});

describe('validateRequest: a form begun on an older version of the service', () => {
  const v3 = {
    ...service,
    version: 3,
    attributes: service.attributes.map((a) =>
      a.code === 'lamps_out' ? { ...a, required: true, required_since: 3 } : a,
    ),
  };
  const v3Errors = (fields: unknown): FieldError[] => {
    const r = validateRequest(v3, fields);
    return r.ok ? [] : r.errors;
  };
  it('keeps answers to questions removed since, and refuses them on the current version', () => {
    const fields = { ...withAttrs({ problem: 'out', colour: 'orange' }), service_version: 2 };
    const r = validateRequest(v3, fields);
    expect(r.ok && r.value.attributes).toEqual({ problem: 'out', colour: 'orange' });
    expect(v3Errors({ ...fields, service_version: 3 })).toContainEqual({
      field: 'attributes.colour',
      code: 'unknown_attribute',
    });
    expect(v3Errors({ ...fields, service_version: undefined })).toContainEqual({
      field: 'attributes.colour',
      code: 'unknown_attribute',
    });
  });
  it('does not ask for a question made required after the form’s version', () => {
    expect(validateRequest(v3, { ...valid, service_version: 2 }).ok).toBe(true);
    expect(v3Errors({ ...valid, service_version: 3 })).toContainEqual({
      field: 'attributes.lamps_out',
      code: 'required',
    });
    expect(v3Errors(valid)).toContainEqual({ field: 'attributes.lamps_out', code: 'required' });
  });
});
