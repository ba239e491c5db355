/**
 * The device's IndexedDB database, 'civic-desk' (Dexie 4); a kiosk uses the same
 * tables in a database of its own, 'civic-kiosk' (kiosk/store.ts). What lives where
 * (record shapes in records.ts):
 *
 *   services  service_code      the catalog for offline forms; `position` keeps the server's order
 *   meta      key               jurisdiction, catalog ETag, sync cursor, language (see meta.ts)
 *   drafts    id (UUIDv7)       forms in progress as typed; indexed by updated_at for "continue"
 *   photos    [owner+sha256]    resized photo Blobs; owner = draft id = create_request event id
 *   outbox    id (event id)     validated sync events; next_attempt_at drives the retry backoff
 *   requests  id (event id)     everything this device asked for: local state, receipt, history
 *
 * Every read that can reach the UI or the network goes through a guard
 * (guards.ts): a record damaged by an old version or a bug is skipped, not
 * rendered or sent. Schema changes add a new version() below and never edit
 * an old one, so devices upgrade in place without losing drafts or the outbox.
 *
 * No DOM here: the service worker opens the same database to flush the outbox.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type {
  DraftRecord,
  MetaRecord,
  OutboxRecord,
  PhotoRecord,
  RequestRecord,
  ServiceRecord,
} from './records';

export const DB_NAME = 'civic-desk';

export class CivicDb extends Dexie {
  // `declare`: Dexie assigns the tables itself; a class field would overwrite them.
  declare services: EntityTable<ServiceRecord, 'service_code'>;
  declare meta: EntityTable<MetaRecord, 'key'>;
  declare drafts: EntityTable<DraftRecord, 'id'>;
  declare photos: Table<PhotoRecord, [string, string]>;
  declare outbox: EntityTable<OutboxRecord, 'id'>;
  declare requests: EntityTable<RequestRecord, 'id'>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores({
      services: 'service_code',
      meta: 'key',
      drafts: 'id, updated_at',
      photos: '[owner+sha256], owner',
      outbox: 'id, next_attempt_at',
      // tracking is unique once known; waiting requests have none and are not indexed.
      requests: 'id, &tracking, created_at, draft_id',
    });
  }
}

/** A kiosk's database: the same tables, apart from the citizen's (see src/db/kiosk/store.ts). */
export const KIOSK_DB_NAME = 'civic-kiosk';

/**
 * The database every query module uses: the citizen's, shared with the service
 * worker's flush, unless the page is a kiosk. Dexie opens it on first use, so
 * a kiosk page that switches before anything reads never touches the other.
 */
// A live binding (let): switched once at start, before any query.
export let db = new CivicDb();

/** Makes this page a kiosk: every query module works on the kiosk's own database from now on. */
export function useKioskDatabase(): void {
  if (db.name !== KIOSK_DB_NAME) db = new CivicDb(KIOSK_DB_NAME);
}

/** An ISO instant for records and events (UTC, which the event schema accepts as an offset). */
export function nowIso(now: number = Date.now()): string {
  return new Date(now).toISOString();
}
