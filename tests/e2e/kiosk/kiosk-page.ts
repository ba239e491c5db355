/**
 * The kiosk as a person at it finds things: by role and accessible name, in
 * English unless a test chooses a language.
 */
import { expect, type Page } from '@playwright/test';

export class KioskPage {
  constructor(readonly page: Page) {}

  /** Opens the enrolment link and goes on to the welcome screen; the device is then a kiosk. */
  async enrol(link: string, name = 'Ikeja service centre'): Promise<void> {
    await this.page.goto(link);
    await expect(this.page.getByText(`This device is now the kiosk “${name}”.`)).toBeVisible();
    await this.page.getByRole('link', { name: 'Open the welcome screen' }).click();
    await this.welcome();
    await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  }

  async welcome(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Welcome. How can we help?' })).toBeVisible(
      {
        timeout: 30_000,
      },
    );
  }

  async startPothole(): Promise<void> {
    await this.page.getByRole('button', { name: 'Pothole' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Answer a few questions' })).toBeVisible();
  }

  async continue(next: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Continue' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: next })).toBeVisible();
  }

  /** The pothole form up to the contact step, with the person's sentence, name and phone. */
  async fillUpToContact(person: { sentence: string; name: string; phone: string }): Promise<void> {
    await this.startPothole();
    await this.page
      .getByRole('group', { name: 'How big is the hole?' })
      .getByRole('radio', { name: 'Smaller than a plate' })
      .check();
    await this.page
      .getByRole('group', { name: 'Where is it?' })
      .getByRole('radio', { name: 'On the road' })
      .check();
    await this.continue('Tell us more');
    await this.page.getByRole('textbox', { name: /Describe what you need/ }).fill(person.sentence);
    await this.continue('Where is it?');
    await this.page
      .getByRole('textbox', { name: /Address or a place near it/ })
      .fill('Outside 12 Market Road');
    await this.continue('How can we tell you about it?');
    await this.page.getByRole('textbox', { name: 'Your name' }).fill(person.name);
    await this.page.getByRole('textbox', { name: /Phone number/ }).fill(person.phone);
  }
}
