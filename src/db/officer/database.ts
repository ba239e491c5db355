/**
 * The officer's own IndexedDB database, 'civic-officer', apart from the
 * citizen's 'civic-desk' so nothing of a day's field work (people met,
 * contact details, internal notes) is ever read by citizen pages, and so
 * signing out can delete all of it at once (Dexie.delete).
 *
 *   meta      key              session, last sync, last position, local sequence (meta.ts)
 *   work      tracking         the caseload as downloaded, plus what the officer has seen (work.ts)
 *   outbox    id (event id)    every event made on this device, in `seq` order: waiting, sent or refused (outbox.ts)
 *   photos    [owner+sha256]   resized photos of visits and of assigned requests; owner = event id (photos.ts)
 *   pictures  sha256           photo bytes of the caseload, downloaded for offline viewing
 *
 * Opened on first use only, by the officer's pages: the citizen app never
 * imports this module. No DOM here.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { OutboxEntry, PhotoEntry, PictureEntry, WorkRecord } from './records';

export const OFFICER_DB_NAME = 'civic-officer';

export interface MetaEntry {
  readonly key: string;
  readonly value: unknown;
}

export class OfficerDb extends Dexie {
  declare meta: EntityTable<MetaEntry, 'key'>;
  declare work: EntityTable<WorkRecord, 'tracking'>;
  declare outbox: EntityTable<OutboxEntry, 'id'>;
  declare photos: Table<PhotoEntry, [string, string]>;
  declare pictures: EntityTable<PictureEntry, 'sha256'>;

  constructor(name: string = OFFICER_DB_NAME) {
    super(name);
    this.version(1).stores({
      meta: 'key',
      work: 'tracking, due',
      outbox: 'id, &seq, state',
      photos: '[owner+sha256], owner, uploaded',
      pictures: 'sha256',
    });
  }
}

let current: OfficerDb | undefined;

/** The database, opened lazily (a citizen's visit never creates it). */
export function officerDb(): OfficerDb {
  current ??= new OfficerDb();
  return current;
}

/** Deletes everything the officer's device holds (sign-out). */
export async function deleteOfficerData(): Promise<void> {
  const db = officerDb();
  db.close();
  current = undefined;
  await Dexie.delete(db.name);
}
