/** A failed staff call, worded for the person at the desk. */
import type { Problem } from '../../sync/staff/api';
import { st } from './i18n';

export function problemText(problem: Problem): string {
  return st(`problems.${problem}`);
}
