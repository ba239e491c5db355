/**
 * Page objects for the citizen pages, finding things the way a screen reader
 * does: by role and accessible name (English texts from en.json).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

export class HomePage {
  constructor(readonly page: Page) {}

  /** Opens home and waits until the catalog is on the device. */
  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.serviceLink('Pothole')).toBeVisible({ timeout: 20_000 });
  }

  /** Waits until the service worker controls the page, so it opens offline too. */
  async waitForOfflineReady(): Promise<void> {
    await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  }

  serviceLink(name: string): Locator {
    return this.page.getByRole('link', { name, exact: true });
  }

  groupHeading(name: string): Locator {
    return this.page.getByRole('heading', { level: 3, name });
  }

  search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search for a service' });
  }

  drafts(): Locator {
    return this.page.getByRole('region', { name: 'Continue where you left off' });
  }

  recent(): Locator {
    return this.page.getByRole('region', { name: 'Your recent requests' });
  }

  async chooseLanguage(name: string): Promise<void> {
    // The header's picker, found without its label: the label is in the current language.
    await this.page.getByRole('banner').getByRole('combobox').selectOption({ label: name });
  }

  async startRequest(service: string): Promise<FormPage> {
    await this.serviceLink(service).click();
    await this.page.getByRole('button', { name: 'Start now' }).click();
    await this.page.waitForURL(/\/drafts\//);
    const form = new FormPage(this.page);
    await expect(form.heading('Answer a few questions')).toBeVisible();
    return form;
  }
}

export class FormPage {
  constructor(readonly page: Page) {}

  heading(name?: string): Locator {
    return this.page.getByRole('heading', { level: 1, ...(name ? { name } : {}) });
  }

  draftId(): string {
    const id = /\/drafts\/([^/?#]+)/.exec(this.page.url())?.[1];
    if (!id) throw new Error(`not on a form: ${this.page.url()}`);
    return id;
  }

  textbox(name: string | RegExp): Locator {
    return this.page.getByRole('textbox', { name });
  }

  group(name: string | RegExp): Locator {
    return this.page.getByRole('group', { name });
  }

  async choose(question: string | RegExp, answer: string): Promise<void> {
    await this.group(question).getByRole('radio', { name: answer, exact: true }).check();
  }

  async tick(question: string | RegExp, answer: string): Promise<void> {
    await this.group(question).getByRole('checkbox', { name: answer, exact: true }).check();
  }

  errorSummary(): Locator {
    return this.page
      .getByRole('alert')
      .filter({ has: this.page.getByRole('heading', { name: 'There is a problem' }) });
  }

  async continue(nextHeading?: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Continue' }).click();
    if (nextHeading) await expect(this.heading(nextHeading)).toBeVisible();
  }

  /** Check your answers: the value shown for a question. */
  answer(question: string): Locator {
    return this.page
      .locator('dl div')
      .filter({ has: this.page.getByRole('term').filter({ hasText: question }) })
      .getByRole('definition')
      .first();
  }

  change(question: string): Locator {
    return this.page.getByRole('link', { name: `Change: ${question}` });
  }

  async send(): Promise<ReceiptPage> {
    await this.page.getByRole('button', { name: 'Send request' }).click();
    await this.page.waitForURL(/\/requests\/[^/]+$/);
    return new ReceiptPage(this.page);
  }

  /** The pothole form with its two required answers and a typed place, up to Check your answers. */
  async fillPothole(description: string): Promise<void> {
    await this.choose('How big is the hole?', 'Smaller than a plate');
    await this.choose('Where is it?', 'On the road');
    await this.continue('Tell us more');
    await this.textbox(/Describe what you need/).fill(description);
    await this.continue('Where is it?');
    await this.textbox(/Address or a place near it/).fill('Outside 12 Market Road');
    await this.continue('How can we tell you about it?');
    await this.continue('Check your answers');
  }
}

export class ReceiptPage {
  constructor(readonly page: Page) {}

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  trackingNumber(): Locator {
    return this.page.getByText(/^CD-[2-9A-HJKMNP-Z]{8}$/);
  }

  /** Opens "Check on another phone" and reads the short access code as shown ("7K3M 9QX5"). */
  async accessCode(): Promise<string> {
    await this.page.getByText('Check on another phone').click();
    return (
      (await this.page.getByText(/^[2-9A-HJKMNP-Z]{4} [2-9A-HJKMNP-Z]{4}$/).textContent()) ?? ''
    ).trim();
  }

  anotherPhoneLink(): Locator {
    return this.page.getByRole('link', { name: 'Open it with this link' });
  }

  qrCode(): Locator {
    return this.page.getByRole('img', { name: 'QR code: scan it with another phone to open this request' });
  }
}

export class TrackPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/track');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Track a request' })).toBeVisible();
  }

  async find(tracking: string, code: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Tracking number' }).fill(tracking);
    await this.page.getByRole('textbox', { name: 'Access code' }).fill(code);
    await this.page.getByRole('button', { name: 'Find my request' }).click();
  }
}

/** Reads a request record straight from IndexedDB, as the device stores it. */
export async function storedRequest(page: Page, id: string): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(
    (id) =>
      new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
        const open = indexedDB.open('civic-desk');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const get = open.result.transaction('requests').objectStore('requests').get(id);
          get.onsuccess = () => {
            resolve(get.result as Record<string, unknown> | undefined);
            open.result.close();
          };
        };
      }),
    id,
  );
}

export async function allowLocation(context: BrowserContext, accuracy: number): Promise<void> {
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: 7.3964, longitude: 3.9167, accuracy });
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** An axe-core scan of the page as it is now (error states, filled forms), WCAG 2.2 A and AA. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const found = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found, `axe violations on ${page.url()}`).toEqual([]);
}
