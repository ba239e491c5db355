/**
 * The officer room as a person uses it, found by role and accessible name
 * (in English): sign in, log a visit (with photos and a request for the
 * person), the caseload and one request, the sync summary.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export interface VisitInput {
  readonly place?: string;
  readonly useLocation?: boolean;
  readonly asked: string;
  readonly outcome?:
    'Solved on the spot' | 'Needs follow-up' | 'Could not get access' | 'Referred to a service';
  readonly person?: { name: string; phone?: string };
  readonly photos?: readonly { name: string; mimeType: string; buffer: Buffer }[];
  /** File a pothole request for the person. */
  readonly pothole?: { language?: string };
}

export class OfficerApp {
  constructor(readonly page: Page) {}

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'E-mail address' }).fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await expect(this.heading("Today's field work")).toBeVisible();
  }

  nav(name: 'Today' | 'Log a visit' | 'My work' | 'Sync'): Locator {
    return this.page
      .getByRole('navigation', { name: 'Field officer' })
      .getByRole('link', { name, exact: true });
  }

  async go(name: 'Today' | 'Log a visit' | 'My work' | 'Sync', heading: string | RegExp): Promise<void> {
    await this.nav(name).click();
    await expect(this.heading(heading)).toBeVisible();
  }

  async logVisit(v: VisitInput): Promise<void> {
    const page = this.page;
    await this.go('Log a visit', 'Log a visit');
    if (v.useLocation) {
      await page.getByRole('button', { name: "Use this device's location" }).click();
      await expect(page.getByText(/Position found, accurate to about/)).toBeVisible();
    }
    if (v.place) await page.getByRole('textbox', { name: /Address or place name/ }).fill(v.place);
    if (v.person) {
      await page.getByRole('checkbox', { name: /agrees that their name/ }).check();
      await page.getByRole('textbox', { name: /^Name/ }).fill(v.person.name);
      if (v.person.phone) await page.getByRole('textbox', { name: /Phone number/ }).fill(v.person.phone);
    }
    await page.getByRole('textbox', { name: 'What they asked' }).fill(v.asked);
    await page.getByRole('radio', { name: v.outcome ?? 'Needs follow-up' }).check();
    if (v.photos?.length) {
      await page.getByLabel('Add a photo').setInputFiles([...v.photos]);
      await expect(page.getByRole('list', { name: 'Photos' }).getByRole('img')).toHaveCount(v.photos.length);
    }
    if (v.pothole) {
      await page.getByRole('checkbox', { name: 'File a request for this person' }).check();
      if (v.pothole.language) await page.getByLabel("The person's language").selectOption(v.pothole.language);
      await page.getByLabel('Service', { exact: true }).selectOption({ label: 'Pothole' });
      await page.getByRole('radio', { name: 'Smaller than a plate' }).check();
      await page.getByRole('radio', { name: 'On the road' }).check();
    }
    await page.getByRole('button', { name: 'Save visit' }).click();
    if (v.pothole) await expect(this.heading('Request filed')).toBeVisible();
    else await expect(page.getByText('Visit saved on this device.')).toBeVisible();
  }

  async openWorkItem(tracking: string): Promise<void> {
    await this.go('My work', 'My work');
    await this.page.getByRole('link', { name: new RegExp(tracking) }).click();
    await expect(this.heading(new RegExp(tracking))).toBeVisible();
  }

  async addNote(text: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add a note' });
    await form.getByRole('textbox', { name: 'Note' }).fill(text);
    await form.getByRole('button', { name: 'Save note' }).click();
    await expect(form.getByRole('status')).toHaveText(
      'Saved on this device. It is sent when there is signal.',
    );
  }

  async changeStatus(to: string, message?: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Change the status' });
    await form.getByRole('radio', { name: to, exact: true }).check();
    if (message) await form.getByRole('textbox', { name: /Message to the person/ }).fill(message);
    await form.getByRole('button', { name: 'Save status' }).click();
    await expect(form.getByRole('status')).toHaveText(
      'Saved on this device. It is sent when there is signal.',
    );
  }

  figure(name: 'waiting' | 'sent' | 'refused'): Locator {
    return this.page.locator(`[data-figure="${name}"]`);
  }

  async sendNow(): Promise<void> {
    await this.page.getByRole('button', { name: 'Send now' }).click();
    await expect(this.page.getByRole('button', { name: 'Send now' })).toBeEnabled();
  }

  /** SHA-256 of every photo the device holds, by owning event id, read from its own database. */
  async devicePhotoHashes(): Promise<Map<string, string[]>> {
    const rows = await this.page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('civic-officer');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error('open failed'));
      });
      const all = await new Promise<{ owner: string; blob: Blob; added_at: string }[]>((resolve, reject) => {
        const r = db.transaction('photos').objectStore('photos').getAll();
        r.onsuccess = () => resolve(r.result as { owner: string; blob: Blob; added_at: string }[]);
        r.onerror = () => reject(r.error ?? new Error('read failed'));
      });
      db.close();
      const out: [string, string, string][] = [];
      for (const p of all) {
        const digest = await crypto.subtle.digest('SHA-256', await p.blob.arrayBuffer());
        const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
        out.push([p.owner, hex, p.added_at]);
      }
      return out.sort((a, b) => a[2].localeCompare(b[2]));
    });
    const map = new Map<string, string[]>();
    for (const [owner, hex] of rows) map.set(owner, [...(map.get(owner) ?? []), hex]);
    return map;
  }
}
