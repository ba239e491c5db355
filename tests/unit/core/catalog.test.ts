import { describe, expect, it } from 'vitest';
import {
  DATATYPES,
  type Attribute,
  type Service,
  calendarSchema,
  catalogSchema,
  localizeService,
  serviceSchema,
} from '../../../src/core/catalog';
import { streetlightService } from '../../fixtures/service';

const withAttributes = (attributes: unknown[]): unknown => ({ ...streetlightService, attributes });
const attr = (s: Service, code: string): Attribute | undefined => s.attributes.find((a) => a.code === code);
const firstAttr = streetlightService.attributes[1];

describe('serviceSchema', () => {
  it('accepts the fixture, which uses all six datatypes', () => {
    expect(serviceSchema.parse(streetlightService)).toEqual(streetlightService);
    expect(new Set(streetlightService.attributes.map((a) => a.datatype))).toEqual(new Set(DATATYPES));
  });

  it('rejects duplicate attribute codes', () => {
    const r = serviceSchema.safeParse(withAttributes([firstAttr, firstAttr]));
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ message: 'duplicate_code', path: ['attributes', 1, 'code'] });
  });

  it('rejects a list question without values', () => {
    for (const values of [undefined, []]) {
      const r = serviceSchema.safeParse(withAttributes([{ ...firstAttr, values }]));
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]).toMatchObject({
        message: 'needs_values',
        path: ['attributes', 0, 'values'],
      });
    }
  });

  it('rejects a list with the same value key twice, naming the question', () => {
    const values = [
      { key: 'out', name: 'Out' },
      { key: 'out', name: 'Dark' },
    ];
    const r = serviceSchema.safeParse(withAttributes([{ ...firstAttr, values }]));
    expect(r.error?.issues[0]).toMatchObject({
      message: 'duplicate_value',
      path: ['attributes', 0, 'values'],
    });
  });

  it('accepts a display-only list without values', () => {
    const { values: _values, ...rest } = { ...firstAttr, variable: false };
    expect(serviceSchema.safeParse(withAttributes([rest])).success).toBe(true);
  });

  it.each<[string, unknown]>([
    ['unknown service key', { ...streetlightService, colour: 'red' }],
    ['unknown attribute key', withAttributes([{ ...firstAttr, hint: 'x' }])],
    ['unknown value key', withAttributes([{ ...firstAttr, values: [{ key: 'out', name: 'Out', sort: 1 }] }])],
    [
      'unknown translation key',
      { ...streetlightService, i18n: { fr: { ...streetlightService.i18n.fr, extra: 1 } } },
    ],
    ['unsupported language', { ...streetlightService, i18n: { de: streetlightService.i18n.fr } }],
    ['code with spaces', { ...streetlightService, service_code: 'street light' }],
    ['service level 0 days', { ...streetlightService, service_level_days: 0 }],
    ['unknown datatype', withAttributes([{ ...firstAttr, datatype: 'boolean' }])],
    ['unknown icon', { ...streetlightService, icon: 'rocket' }],
  ])('rejects %s', (_name, input) => {
    expect(serviceSchema.safeParse(input).success).toBe(false);
  });
});

describe('calendarSchema and catalogSchema', () => {
  const calendar = { time_zone: 'Africa/Lagos', working_days: [1, 2, 3, 4, 5], holidays: ['2026-12-25'] };
  it('accepts a jurisdiction with its services', () => {
    const catalog = {
      jurisdiction: {
        jurisdiction_id: 'lagos',
        name: 'Lagos',
        calendar,
        map_centre: { lat: 6.5, long: 3.4 },
      },
      services: [streetlightService],
    };
    expect(catalogSchema.safeParse(catalog).success).toBe(true);
    expect(catalogSchema.safeParse({ ...catalog, services: [] }).success).toBe(false);
  });

  it('rejects weekday 0, no working days and badly written holidays', () => {
    expect(calendarSchema.safeParse(calendar).success).toBe(true);
    expect(calendarSchema.safeParse({ ...calendar, working_days: [0, 1] }).success).toBe(false);
    expect(calendarSchema.safeParse({ ...calendar, working_days: [] }).success).toBe(false);
    expect(calendarSchema.safeParse({ ...calendar, holidays: ['25/12/2026'] }).success).toBe(false);
  });
});

describe('localizeService', () => {
  const fr = localizeService(streetlightService, 'fr');

  it('translates what has a translation', () => {
    expect(fr.service_name).toBe('Lampadaire en panne');
    expect(fr.group).toBe('Voirie');
    expect(fr.keywords).toEqual(['lampe', 'lumière']);
    expect(attr(fr, 'problem')?.description).toBe('Quel est le problème ?');
    expect(attr(fr, 'problem')?.datatype_description).toBeNull();
  });

  it('falls back to English for missing value names, attributes and hints', () => {
    expect(attr(fr, 'problem')?.values).toEqual([
      { key: 'out', name: 'Il est éteint' },
      { key: 'flickering', name: 'Il clignote' },
      { key: 'damaged', name: 'The pole is damaged' },
    ]);
    expect(attr(fr, 'pole_number')).toEqual(attr(streetlightService, 'pole_number'));
    expect(attr(fr, 'hazards')?.datatype_description).toBe('Choose all that apply.');
    expect(attr(fr, 'hazards')?.values).toEqual(attr(streetlightService, 'hazards')?.values);
  });

  it('keeps codes, keys and order, so answers match whatever the language', () => {
    expect(fr.attributes.map((a) => [a.code, a.datatype, a.order])).toEqual(
      streetlightService.attributes.map((a) => [a.code, a.datatype, a.order]),
    );
    expect(serviceSchema.safeParse(fr).success).toBe(true);
  });

  it('returns the English service for a language without a translation', () => {
    expect(localizeService(streetlightService, 'sw')).toEqual(streetlightService);
    expect(localizeService(streetlightService, 'en')).toEqual(streetlightService);
  });
});
