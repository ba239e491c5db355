/**
 * Shared set-up for the device-data tests: a fake IndexedDB (loaded before
 * Dexie, which looks for indexedDB when it is first imported), an emptied
 * database per test, a one-service catalog, and a filled-in draft.
 */
import 'fake-indexeddb/auto';
import type { Jurisdiction } from '../../../src/core/catalog';
import { saveCatalog } from '../../../src/db/catalog';
import { db } from '../../../src/db/database';
import { createDraft, saveDraft } from '../../../src/db/drafts';
import type { DraftRecord, DraftValues } from '../../../src/db/records';
import { streetlightService } from '../../fixtures/service';

export const jurisdiction: Jurisdiction = {
  jurisdiction_id: 'test.example',
  name: 'Test City',
  calendar: { time_zone: 'Africa/Lagos', working_days: [1, 2, 3, 4, 5], holidays: [] },
  map_centre: { lat: 6.5, long: 3.4 },
};

export async function resetDb(): Promise<void> {
  await db.open();
  await Promise.all(db.tables.map((t) => t.clear()));
}

export async function seedCatalog(): Promise<void> {
  await saveCatalog({ jurisdiction, services: [streetlightService] }, 'en');
}

/** Answers as a person would type them: numbers as text, spaces included. */
export function typedValues(): DraftValues {
  return {
    attributes: { problem: 'out', lamps_out: ' 2 ', hazards: ['cable'], pole_number: '' },
    description: 'Dark since Monday\nnear the school',
    location: { address_string: 'Corner of Allen Avenue and Opebi Road' },
    contact: { name: 'Ada', phone: '', email: 'ada@example.org', consent_updates: true },
  };
}

export async function filledDraft(values: DraftValues = typedValues()): Promise<DraftRecord> {
  const draft = await createDraft(streetlightService.service_code);
  await saveDraft(draft.id, values, 'check');
  return { ...draft, values, step: 'check' };
}

/** A small Blob standing in for a resized photo (the resizer needs a canvas, which Node lacks). */
export function fakePhoto(seed: number): Blob {
  return new Blob([new Uint8Array([0xff, 0xd8, 0xff, seed, 1, 2, 3, 0xff, 0xd9])], { type: 'image/jpeg' });
}

export const identityResize = (blob: Blob) =>
  Promise.resolve({ blob, type: 'image/jpeg' as const, width: 4, height: 3 });
