import { describe, expect, it } from 'vitest';
import {
  STEPS,
  isStepId,
  nextStep,
  previousStep,
  resumeStep,
  stepOfField,
  stepsFor,
} from '../../../src/forms/steps';
import { streetlightService } from '../../fixtures/service';

describe('form steps', () => {
  it('asks the service questions first, and skips that step when there are none', () => {
    expect(stepsFor(streetlightService)).toEqual(['questions', 'details', 'location', 'contact', 'check']);
    expect(stepsFor({ ...streetlightService, attributes: [] })).toEqual([
      'details',
      'location',
      'contact',
      'check',
    ]);
  });

  it('knows which step asks each field', () => {
    expect(stepOfField('attributes.problem')).toBe('questions');
    expect(stepOfField('description')).toBe('details');
    expect(stepOfField('photos')).toBe('details');
    expect(stepOfField('location')).toBe('location');
    expect(stepOfField('contact.email')).toBe('contact');
    expect(stepOfField('service_code')).toBe('check');
    expect(stepOfField('request')).toBe('check');
  });

  it('walks forward and back, stopping at the ends', () => {
    const steps = stepsFor(streetlightService);
    expect(nextStep(steps, 'questions')).toBe('details');
    expect(nextStep(steps, 'contact')).toBe('check');
    expect(nextStep(steps, 'check')).toBe('check');
    expect(previousStep(steps, 'details')).toBe('questions');
    expect(previousStep(steps, 'questions')).toBeUndefined();
  });

  it('reopens a draft where it was left, or at the first step', () => {
    const steps = stepsFor({ ...streetlightService, attributes: [] });
    expect(resumeStep(steps, 'location')).toBe('location');
    expect(resumeStep(steps, '')).toBe('details');
    expect(resumeStep(steps, 'questions')).toBe('details');
    expect(resumeStep(steps, 'nonsense')).toBe('details');
  });

  it('recognises step ids', () => {
    for (const s of STEPS) expect(isStepId(s)).toBe(true);
    expect(isStepId('Check')).toBe(false);
    expect(isStepId(undefined)).toBe(false);
  });
});
