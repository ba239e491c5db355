/**
 * Page objects for the citizen app, as a person (or a screen reader) finds
 * things: by role and accessible name, in English. Used by the sync specs to
 * file requests through the real form, online or offline.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** The least the sync specs need to fill in: the demo catalog's pothole form. */
export const POTHOLE = {
  service: 'Pothole',
  answers: [
    { question: 'How big is the hole?', answer: 'Smaller than a plate' },
    { question: 'Where is it?', answer: 'On the road' },
  ],
} as const;

export class CitizenApp {
  constructor(readonly page: Page) {}

  /** Opens the home page and waits until the service worker controls it and the catalog is on the device. */
  async open(): Promise<void> {
    await this.page.goto('/');
    await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await this.warmUpPages();
    await this.page.goto('/');
    await expect(this.serviceLink(POTHOLE.service)).toBeVisible();
  }

  /**
   * Visits each citizen page once while online. The form, receipt and list
   * pages are lazily loaded chunks that the service worker caches on first
   * use, not at install (the precache holds the shell only); these specs are
   * about sending, so they make sure the pages themselves can open offline.
   */
  private async warmUpPages(): Promise<void> {
    const unknown = '01900000-0000-7000-8000-000000000000';
    for (const url of [
      '/services/pothole',
      `/drafts/${unknown}/questions`,
      `/requests/${unknown}`,
      '/requests',
    ]) {
      await this.page.goto(url);
      await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
    }
  }

  /** A service in the home page's list (recent requests further down can carry the same name). */
  serviceLink(name: string): Locator {
    return this.page
      .getByRole('region', { name: 'Choose a service' })
      .getByRole('link', { name, exact: true });
  }

  async startRequest(service: string): Promise<RequestForm> {
    await this.serviceLink(service).click();
    await this.page.getByRole('button', { name: 'Start now' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Answer a few questions' })).toBeVisible();
    return new RequestForm(this.page);
  }
}

export class RequestForm {
  constructor(readonly page: Page) {}

  /** The draft's id, from the address (/drafts/{id}/{step}). */
  draftId(): string {
    const id = /\/drafts\/([^/?#]+)/.exec(this.page.url())?.[1];
    if (!id) throw new Error(`not on a draft page: ${this.page.url()}`);
    return id;
  }

  async choose(question: string, answer: string): Promise<void> {
    await this.page.getByRole('group', { name: question }).getByRole('radio', { name: answer }).check();
  }

  async continue(nextHeading: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Continue' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: nextHeading })).toBeVisible();
  }

  description(): Locator {
    return this.page.getByRole('textbox', { name: /Describe what you need or what is wrong/ });
  }

  photo(n: number): Locator {
    return this.page.getByRole('img', { name: `Photo ${n} that you added` });
  }

  async addPhoto(file: string, n: number): Promise<void> {
    await this.page.getByLabel('Choose a photo').setInputFiles(file);
    await expect(this.photo(n)).toBeVisible();
  }

  async place(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: /Address or a place near it/ }).fill(text);
  }

  async send(): Promise<ReceiptPage> {
    await this.page.getByRole('button', { name: 'Send request' }).click();
    await this.page.waitForURL(/\/requests\/[^/]+$/);
    return new ReceiptPage(this.page);
  }

  /** Answers every step of the pothole form and arrives at "Check your answers". */
  async fillPothole(options: { description: string; photo?: string }): Promise<void> {
    for (const { question, answer } of POTHOLE.answers) await this.choose(question, answer);
    await this.continue('Tell us more');
    await this.description().fill(options.description);
    if (options.photo !== undefined) await this.addPhoto(options.photo, 1);
    await this.continue('Where is it?');
    await this.place('Outside 12 Market Road');
    await this.continue('How can we tell you about it?');
    await this.continue('Check your answers');
  }
}

export class ReceiptPage {
  constructor(readonly page: Page) {}

  /** The request's id on the device (= its create_request event id), from /requests/{id}. */
  requestId(): string {
    const id = /\/requests\/([^/?#]+)/.exec(this.page.url())?.[1];
    if (!id) throw new Error(`not on a request page: ${this.page.url()}`);
    return id;
  }

  waiting(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Your request is saved on this phone' });
  }

  sent(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Request sent' });
  }

  returned(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'We could not accept this request' });
  }

  waitingCount(n: number): Locator {
    return this.page.getByRole('status').filter({ hasText: `${n} waiting to send.` });
  }

  async sendNow(): Promise<void> {
    await this.page.getByRole('button', { name: 'Send now' }).click();
  }

  /**
   * Waits for the receipt and reads the tracking number and the access code
   * shown to the person (the short code, "7K3M 9QX5", returned without its
   * space: the server takes it wherever it takes the device's token).
   */
  async receipt(timeout = 30_000): Promise<{ tracking: string; token: string }> {
    await expect(this.sent()).toBeVisible({ timeout });
    const tracking = (await this.page.getByText(/^CD-[2-9A-HJKMNP-Z]{8}$/).textContent())?.trim() ?? '';
    await this.page.getByText('Check on another phone').click();
    const shown = await this.page.getByText(/^[2-9A-HJKMNP-Z]{4} [2-9A-HJKMNP-Z]{4}$/).textContent();
    return { tracking, token: (shown ?? '').replace(/\s/g, '') };
  }
}
