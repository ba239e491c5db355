import { describe, expect, it } from 'vitest';
import { MAX_DESCRIPTION } from '../../../src/core/request';
import { checkAnswers, errorsForStep } from '../../../src/forms/answers';
import { streetlightService } from '../../fixtures/service';
import { draftValues } from './draft';

const complete = draftValues((v) => {
  v.attributes['problem'] = 'out';
  v.location.address_string = 'Next to the clinic';
});

const codes = (values = complete) =>
  checkAnswers(streetlightService, values, 'en').map((e) => `${e.field} ${e.code}`);

describe('checkAnswers', () => {
  it('accepts a form with the required answers and a place', () => {
    expect(codes()).toEqual([]);
  });

  it('asks for required questions and for a place, each on its own step', () => {
    const errors = checkAnswers(streetlightService, draftValues(), 'en');
    expect(errorsForStep(errors, 'questions').map((e) => `${e.field} ${e.code}`)).toEqual([
      'attributes.problem required',
    ]);
    expect(errorsForStep(errors, 'location').map((e) => e.code)).toEqual(['location_required']);
    expect(errorsForStep(errors, 'details')).toEqual([]);
    expect(errorsForStep(errors, 'contact')).toEqual([]);
  });

  it('accepts a device location without an address', () => {
    const v = draftValues((d) => {
      d.attributes['problem'] = 'out';
      d.location = { lat: 7.39, long: 3.91, accuracy_m: 12, address_string: '' };
    });
    expect(codes(v)).toEqual([]);
  });

  it('reports typed answers of the wrong kind with specific codes', () => {
    const v = structuredClone(complete);
    v.attributes['lamps_out'] = 'two';
    v.attributes['noticed_at'] = '2026-02-30T10:00';
    v.contact.email = 'not an email';
    v.contact.phone = 'call me';
    expect(codes(v)).toEqual([
      'attributes.lamps_out not_a_number',
      'attributes.noticed_at invalid_datetime',
      'contact.phone invalid_phone',
      'contact.email invalid_email',
    ]);
  });

  it('takes numbers written with digits, and datetime-local values', () => {
    const v = structuredClone(complete);
    v.attributes['lamps_out'] = ' 2 ';
    v.attributes['noticed_at'] = '2026-03-05T19:30';
    v.attributes['hazards'] = ['cable', 'glass'];
    expect(codes(v)).toEqual([]);
    v.attributes['lamps_out'] = '2,5';
    expect(codes(v)).toEqual(['attributes.lamps_out not_a_number']);
  });

  it('treats blank optional answers and an emptied checkbox list as no answer', () => {
    const v = structuredClone(complete);
    v.attributes['pole_number'] = '   ';
    v.attributes['hazards'] = [];
    expect(codes(v)).toEqual([]);
  });

  it('says when the description is too long', () => {
    const v = structuredClone(complete);
    v.description = 'x'.repeat(MAX_DESCRIPTION + 1);
    expect(checkAnswers(streetlightService, v, 'en')).toEqual([
      { field: 'description', code: 'too_long', params: { max: MAX_DESCRIPTION } },
    ]);
  });

  it('lists question errors in the order the form asks them', () => {
    const service = {
      ...streetlightService,
      attributes: streetlightService.attributes.map((a) =>
        a.code === 'details' ? { ...a, order: 0, required: true } : a,
      ),
    };
    const errors = checkAnswers(service, draftValues(), 'en').map((e) => e.field);
    expect(errors.slice(0, 2)).toEqual(['attributes.details', 'attributes.problem']);
  });

  it('never changes what was typed', () => {
    const v = draftValues((d) => {
      d.attributes['lamps_out'] = ' two ';
      d.description = '  spaces kept  ';
    });
    const before = structuredClone(v);
    checkAnswers(streetlightService, v, 'en');
    expect(v).toEqual(before);
  });
});
