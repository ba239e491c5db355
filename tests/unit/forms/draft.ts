/** Draft values as the form stores them, for form-engine tests. */
import type { DraftValues } from '../../../src/db/records';

export function draftValues(change: (v: DraftValues) => void = () => undefined): DraftValues {
  const v: DraftValues = {
    attributes: {},
    description: '',
    location: { address_string: '' },
    contact: { name: '', phone: '', email: '', consent_updates: false },
  };
  change(v);
  return v;
}
