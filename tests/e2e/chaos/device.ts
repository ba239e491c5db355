/**
 * One device of the chaos run: a browser context of its own (its own
 * IndexedDB, service worker and network), one or two tabs of the real app.
 * Requests are filed through the real form (CitizenApp); to reach volume the
 * device also gets copies of a form-made request written the way submit.ts
 * writes them (an outbox entry per event, a waiting request record, photo
 * records), in one IndexedDB transaction of the app's own schema. From then
 * on only the app's flush engine, its service worker and the server carry them.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { CitizenApp, POTHOLE } from '../pages/citizen-app';
import type { NetworkChaos } from './faults';

/** What the harness filed, to hold the server and the device to. */
export interface Item {
  readonly id: string;
  readonly device: number;
  readonly description: string;
  readonly attributes: Record<string, string>;
  /** sha-256 (hex) of each photo's bytes as the device attached them. */
  readonly photos: string[];
  readonly via: 'form' | 'copy';
}

export interface CopySpec {
  readonly id: string;
  readonly attachmentId: string;
  readonly description: string;
  readonly attributes: Record<string, string>;
  readonly photo?: { readonly bytes: Buffer; readonly width: number; readonly height: number };
}

/** The pothole answers the form fills in (POTHOLE), as the server stores them. */
export const FORM_ANSWERS = { size: 'small', location: 'road' } as const;

export class Device {
  readonly items: Item[] = [];

  private constructor(
    readonly index: number,
    readonly context: BrowserContext,
    readonly tabs: Page[],
  ) {}

  static async open(
    browser: Browser,
    baseURL: string,
    chaos: NetworkChaos,
    index: number,
    tabs: number,
  ): Promise<Device> {
    const context = await browser.newContext({ baseURL });
    // Under tsx (the bench) functions are named with a helper the page lacks; evaluate() code needs it there.
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await chaos.attach(context);
    const pages: Page[] = [];
    for (let i = 0; i < tabs; i++) pages.push(await context.newPage());
    const device = new Device(index, context, pages);
    await new CitizenApp(device.tab(0)).open();
    for (const page of pages.slice(1)) await page.goto('/requests');
    return device;
  }

  tab(n: number): Page {
    const page = this.tabs[n];
    if (!page) throw new Error(`device ${this.index} has no tab ${n}`);
    return page;
  }

  /** Fills the pothole form in tab `n` and sends it; returns once the receipt page shows. */
  async fileByForm(n: number, description: string, photoFile?: string): Promise<Item> {
    const app = new CitizenApp(this.tab(n));
    await this.tab(n).goto('/');
    await app.serviceLink(POTHOLE.service).waitFor();
    const form = await app.startRequest(POTHOLE.service);
    await form.fillPothole({ description, ...(photoFile ? { photo: photoFile } : {}) });
    const receipt = await form.send();
    const id = receipt.requestId();
    const photos = (await photoBytes(this.tab(n), id)).map((b) =>
      createHash('sha256').update(b).digest('hex'),
    );
    const item: Item = {
      id,
      device: this.index,
      description,
      attributes: { ...FORM_ANSWERS },
      photos,
      via: 'form',
    };
    this.items.push(item);
    return item;
  }

  /** Writes copies of the queued request `templateId` with fresh ids, as submit.ts would have. */
  async copyRequest(templateId: string, copies: readonly CopySpec[]): Promise<void> {
    const wire = copies.map((c) => ({
      id: c.id,
      attachmentId: c.attachmentId,
      description: c.description,
      attributes: c.attributes,
      photo: c.photo
        ? {
            base64: c.photo.bytes.toString('base64'),
            sha256: createHash('sha256').update(c.photo.bytes).digest('hex'),
            width: c.photo.width,
            height: c.photo.height,
          }
        : undefined,
    }));
    const made = await this.tab(0).evaluate(
      async ({ templateId, wire }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('civic-desk');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error ?? new Error('open failed'));
        });
        const done = (r: IDBRequest | IDBTransaction) =>
          new Promise<unknown>((resolve, reject) => {
            if (r instanceof IDBTransaction) {
              r.oncomplete = () => resolve(undefined);
              r.onerror = () => reject(r.error ?? new Error('transaction failed'));
            } else {
              r.onsuccess = () => resolve(r.result);
              r.onerror = () => reject(r.error ?? new Error('request failed'));
            }
          });
        try {
          const tx = db.transaction(['outbox', 'requests', 'photos'], 'readwrite');
          const outbox = tx.objectStore('outbox');
          const template = (await done(outbox.get(templateId))) as
            | { event: { request: Record<string, unknown> }; draft?: { values: Record<string, unknown> } }
            | undefined;
          if (!template) throw new Error(`template ${templateId} is no longer queued`);
          const now = Date.now();
          const at = new Date(now).toISOString();
          for (const c of wire) {
            const photo = c.photo
              ? { sha256: c.photo.sha256, type: 'image/png' as const, size: atob(c.photo.base64).length }
              : undefined;
            const request: Record<string, unknown> = {
              ...template.event.request,
              description: c.description,
              attributes: c.attributes,
            };
            delete request['photos'];
            if (photo) request['photos'] = [photo];
            const event = { ...template.event, id: c.id, at, request };
            const values = template.draft?.values ?? {};
            const draft = template.draft && {
              ...template.draft,
              values: { ...values, description: c.description, attributes: c.attributes },
            };
            outbox.add({
              id: c.id,
              event,
              created_at: at,
              attempts: 0,
              next_attempt_at: now,
              ...(draft ? { draft } : {}),
            });
            tx.objectStore('requests').add({
              id: c.id,
              local_ref: `L-${c.id.slice(-4).toUpperCase()}`,
              service_code: request['service_code'],
              language: request['language'],
              created_at: at,
              summary: c.description,
              state: 'waiting',
              history: [],
            });
            if (photo && c.photo) {
              const bytes = Uint8Array.from(atob(c.photo.base64), (ch) => ch.charCodeAt(0));
              tx.objectStore('photos').add({
                ...photo,
                owner: c.id,
                blob: new Blob([bytes], { type: photo.type }),
                width: c.photo.width,
                height: c.photo.height,
                uploaded: false,
                added_at: at,
              });
              outbox.add({
                id: c.attachmentId,
                event: { id: c.attachmentId, at, type: 'attachment_added', request_event_id: c.id, photo },
                created_at: at,
                attempts: 0,
                next_attempt_at: now,
              });
            }
          }
          await done(tx);
          return wire.length;
        } finally {
          db.close();
        }
      },
      { templateId, wire },
    );
    if (made !== copies.length) throw new Error(`copied ${made} of ${copies.length}`);
    for (const [i, c] of copies.entries())
      this.items.push({
        id: c.id,
        device: this.index,
        description: c.description,
        attributes: c.attributes,
        photos: wire[i]?.photo ? [wire[i].photo.sha256] : [],
        via: 'copy',
      });
  }

  /** Entries in the outbox and requests not yet sent, read from IndexedDB. */
  async pending(): Promise<{ outbox: number; waiting: number }> {
    return this.tab(0).evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('civic-desk');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('open failed'));
      });
      try {
        const read = <T>(store: string): Promise<T[]> =>
          new Promise((resolve, reject) => {
            const r = db.transaction(store).objectStore(store).getAll();
            r.onsuccess = () => resolve(r.result as T[]);
            r.onerror = () => reject(r.error ?? new Error('read failed'));
          });
        const requests = await read<{ state: string }>('requests');
        return {
          outbox: (await read('outbox')).length,
          waiting: requests.filter((r) => r.state !== 'sent').length,
        };
      } finally {
        db.close();
      }
    });
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/** The bytes of every photo the device holds for request `owner`, oldest first. */
async function photoBytes(page: Page, owner: string): Promise<Buffer[]> {
  const all = await page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('civic-desk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    try {
      const rows = await new Promise<{ blob: Blob; added_at: string }[]>((resolve, reject) => {
        const r = db.transaction('photos').objectStore('photos').index('owner').getAll(id);
        r.onsuccess = () => resolve(r.result as { blob: Blob; added_at: string }[]);
        r.onerror = () => reject(r.error ?? new Error('read failed'));
      });
      rows.sort((a, b) => a.added_at.localeCompare(b.added_at));
      const out: string[] = [];
      for (const row of rows) {
        const bytes = new Uint8Array(await row.blob.arrayBuffer());
        let text = '';
        for (const b of bytes) text += String.fromCharCode(b);
        out.push(btoa(text));
      }
      return out;
    } finally {
      db.close();
    }
  }, owner);
  return all.map((b) => Buffer.from(b, 'base64'));
}
