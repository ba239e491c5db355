import i18next, { type i18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATATYPES, localizeService, type Service } from '../../../src/core/catalog';
import { ERROR_CODES, type FieldError } from '../../../src/core/validate';
import { checkAnswers } from '../../../src/forms/answers';
import { messageFor } from '../../../src/forms/messages';
import en from '../../../src/i18n/locales/en.json';
import { streetlightService } from '../../fixtures/service';
import { draftValues } from './draft';

let i18n: i18n;
beforeAll(async () => {
  i18n = i18next.createInstance();
  await i18n.init({
    lng: 'en',
    resources: { en: { translation: en } },
    interpolation: { escapeValue: false },
  });
});

const render = (service: Service, e: FieldError): string => {
  const m = messageFor(service, e);
  expect(i18n.exists(m.key), `missing key ${m.key}`).toBe(true);
  return i18n.t(m.key, m.params);
};

describe('messageFor', () => {
  it('names the question and gives an example for a number', () => {
    expect(render(streetlightService, { field: 'attributes.lamps_out', code: 'not_a_number' })).toBe(
      'Use only numbers for “How many lamps are out?”, for example 2',
    );
  });

  it('asks to choose for lists and to enter for typed answers', () => {
    expect(render(streetlightService, { field: 'attributes.problem', code: 'required' })).toBe(
      'Choose an answer for “What is wrong with the light?”',
    );
    expect(render(streetlightService, { field: 'attributes.hazards', code: 'required' })).toMatch(
      /^Choose at least one/,
    );
    expect(render(streetlightService, { field: 'attributes.pole_number', code: 'required' })).toMatch(
      /^Enter an answer/,
    );
  });

  it('uses the hint of the question when it has one', () => {
    expect(render(streetlightService, { field: 'attributes.pole_number', code: 'invalid' })).toBe(
      'Check your answer to “Pole number”. Printed on a small plate on the pole.',
    );
  });

  it('speaks the person’s language: the question comes from the localized service', () => {
    const fr = localizeService(streetlightService, 'fr');
    expect(messageFor(fr, { field: 'attributes.problem', code: 'required' }).params['question']).toBe(
      'Quel est le problème ?',
    );
  });

  it('formats limits as numbers', () => {
    expect(
      render(streetlightService, { field: 'description', code: 'too_long', params: { max: 4000 } }),
    ).toBe('Your description is too long. Use 4,000 characters or fewer');
  });

  it('has a complete English message for every code on every kind of field', () => {
    const fields = [
      ...streetlightService.attributes.map((a) => `attributes.${a.code}`),
      'attributes.gone',
      'description',
      'location',
      'photos',
      'contact.name',
      'contact.phone',
      'contact.email',
      'service_code',
      'request',
    ];
    for (const field of fields)
      for (const code of ERROR_CODES) {
        const text = render(streetlightService, { field, code, params: { max: 3 } });
        expect(text, `${field} ${code}`).not.toMatch(/\{\{|\}\}/);
        expect(text.length).toBeGreaterThan(5);
      }
    expect(new Set(streetlightService.attributes.map((a) => a.datatype))).toEqual(new Set(DATATYPES));
  });

  it('words every error of a real empty form', () => {
    for (const e of checkAnswers(streetlightService, draftValues(), 'en'))
      expect(render(streetlightService, e)).not.toBe('');
  });
});
