/**
 * The steps of a request form, as data: which step asks which fields, and the
 * order people walk through them. One simple rule keeps every form short:
 * the service's own questions first, then description and photos, then where,
 * then contact details, then "Check your answers".
 */
import type { Service } from '../core/catalog';

export const STEPS = ['questions', 'details', 'location', 'contact', 'check'] as const;
export type StepId = (typeof STEPS)[number];

export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && (STEPS as readonly string[]).includes(value);
}

/** The steps this service needs: a service without questions starts at the description. */
export function stepsFor(service: Service): StepId[] {
  return service.attributes.length > 0 ? [...STEPS] : STEPS.filter((s) => s !== 'questions');
}

/** The step where a field (a validation error path) is asked. */
export function stepOfField(field: string): StepId {
  if (field.startsWith('attributes.')) return 'questions';
  if (field === 'description' || field === 'photos' || field.startsWith('photos.')) return 'details';
  if (field === 'location' || field.startsWith('location.')) return 'location';
  if (field === 'contact' || field.startsWith('contact.')) return 'contact';
  return 'check';
}

export function nextStep(steps: readonly StepId[], current: StepId): StepId {
  const i = steps.indexOf(current);
  return steps[Math.min(i + 1, steps.length - 1)] ?? 'check';
}

/** undefined on the first step: the way back then leads out of the form. */
export function previousStep(steps: readonly StepId[], current: StepId): StepId | undefined {
  const i = steps.indexOf(current);
  return i > 0 ? steps[i - 1] : undefined;
}

/** Where to reopen a draft: the step it was left on when that still exists, else the first. */
export function resumeStep(steps: readonly StepId[], saved: string): StepId {
  return isStepId(saved) && steps.includes(saved) ? saved : (steps[0] ?? 'check');
}
