/**
 * Records that fail their guard (an older version's shape, a bug, tampering)
 * are moved aside in one transaction, into the meta table's 'set_aside' list
 * (a list in one row rather than a table of its own, so no database version
 * change is needed): the flush and the pages then
 * never trip on them, the rest still sends, and the record is kept as it was
 * for the person to read (My requests shows what it said). A waiting request
 * whose outbox entry is damaged goes with it, since it could never be sent.
 * No DOM: the service worker's flush runs this too.
 */
import { liveQuery, type Observable, type Table } from 'dexie';
import { db, nowIso } from './database';
import { guardWrite } from './errors';
import { isDraftRecord, isRequestRecord } from './guards';
import { outboxEvent } from './outbox-guard';
import type { OutboxRecord, SetAsideRecord } from './records';

type Guarded = SetAsideRecord['table'];

const SET_ASIDE = 'set_aside';

function isSetAside(x: unknown): x is SetAsideRecord {
  const r = x as Partial<SetAsideRecord> | null;
  return typeof r === 'object' && r !== null && typeof r.id === 'string' && typeof r.at === 'string';
}

async function readSetAside(): Promise<SetAsideRecord[]> {
  const value = (await db.meta.get(SET_ASIDE))?.value;
  return Array.isArray(value) ? value.filter(isSetAside) : [];
}

async function damaged(
  table: Table,
  name: Guarded,
  isSound: (x: unknown) => boolean,
): Promise<{ name: Guarded; key: unknown; record: unknown }[]> {
  const out: { name: Guarded; key: unknown; record: unknown }[] = [];
  await table.toCollection().each((record: unknown, cursor) => {
    if (!isSound(record)) out.push({ name, key: cursor.primaryKey, record });
  });
  return out;
}

/** Moves every damaged draft, outbox entry and request aside; answers how many. */
export async function setAsideDamaged(): Promise<number> {
  return guardWrite(() =>
    db.transaction('rw', [db.drafts, db.outbox, db.requests, db.meta], async () => {
      const outbox = await damaged(db.outbox, 'outbox', (x) => outboxEvent(x as OutboxRecord) !== undefined);
      const stuck = new Set(outbox.map((d) => d.key));
      const moves = [
        ...outbox,
        ...(await damaged(db.drafts, 'drafts', isDraftRecord)),
        ...(await damaged(
          db.requests,
          'requests',
          (x) => isRequestRecord(x) && !(x.state === 'waiting' && stuck.has(x.id)),
        )),
      ];
      if (moves.length === 0) return 0;
      const at = nowIso();
      const kept = await readSetAside();
      for (const m of moves) {
        const id = `${m.name}:${String(m.key)}`;
        kept.push({
          id: kept.some((k) => k.id === id) ? `${id}:${at}` : id,
          table: m.name,
          record: m.record,
          at,
        });
        await db.table(m.name).delete(m.key as string);
      }
      await db.meta.put({ key: SET_ASIDE, value: kept });
      return moves.length;
    }),
  );
}

/** Keys that hold no words of the person's: ids, codes, times, states. */
const NOT_TYPED = new Set(
  'id owner type service_code language state status token sha256 at created_at updated_at submitted_at next_attempt_at step channel device_id request_event_id short_code last_error attempts due'.split(
    ' ',
  ),
);

/** The words in a set-aside record that a person may have typed, each once, in the order found. */
export function typedWords(record: unknown): string[] {
  const found = new Set<string>();
  const walk = (x: unknown, key: string, depth: number): void => {
    if (depth > 6 || NOT_TYPED.has(key)) return;
    if (typeof x === 'string') {
      if (x.trim().length > 1) found.add(x.trim().slice(0, 2000));
    } else if (Array.isArray(x)) for (const v of x) walk(v, key, depth + 1);
    else if (typeof x === 'object' && x !== null && !(x instanceof Blob))
      for (const [k, v] of Object.entries(x)) walk(v, k, depth + 1);
  };
  walk(record, '', 0);
  return [...found];
}

export function liveSetAside(): Observable<SetAsideRecord[]> {
  return liveQuery(readSetAside);
}

/** The person has what they need from them. */
export async function clearSetAside(): Promise<void> {
  await guardWrite(() => db.meta.delete(SET_ASIDE));
}
