/**
 * A citizen who uses the app in French, files the demo pothole with an
 * e-mail address, a phone number and consent for updates, and follows it.
 * Names come from the French locale files and the demo catalog's French,
 * found by role as a screen reader would.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import fr from '../../../src/i18n/locales/fr.json' with { type: 'json' };
import frPush from '../../../src/i18n/locales/push/fr.json' with { type: 'json' };

export const FR = { ...fr, push: frPush.push };

export interface Person {
  readonly description: string;
  readonly email: string;
  readonly phone: string;
}

export class FrenchCitizen {
  constructor(readonly page: Page) {}

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name, exact: true });
  }

  private async continueTo(step: string): Promise<void> {
    await this.page.getByRole('button', { name: FR.form.continue, exact: true }).click();
    await expect(this.heading(step)).toBeVisible();
  }

  /** Files the request and waits for its receipt; answers the tracking number. */
  async fileRequest(person: Person): Promise<string> {
    const p = this.page;
    await p.goto('/');
    await p.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await p
      .getByRole('region', { name: FR.services.title })
      .getByRole('link', { name: 'Nid-de-poule', exact: true })
      .click();
    await p.getByRole('button', { name: FR.services.start }).click();
    await expect(this.heading(FR.form.steps.questions)).toBeVisible();
    await p
      .getByRole('group', { name: 'Quelle est la taille du trou ?' })
      .getByRole('radio', { name: "Plus petit qu'une assiette" })
      .check();
    await p
      .getByRole('group', { name: 'Où se trouve-t-il ?' })
      .getByRole('radio', { name: 'Sur la route' })
      .check();
    await this.continueTo(FR.form.steps.details);
    await p.getByRole('textbox', { name: new RegExp(FR.field.description.label) }).fill(person.description);
    await this.continueTo(FR.form.steps.location);
    await p
      .getByRole('textbox', { name: new RegExp(FR.field.location.addressLabel) })
      .fill('12 rue du Marché');
    await this.continueTo(FR.form.steps.contact);
    await p.getByRole('textbox', { name: new RegExp(FR.field.contact.email) }).fill(person.email);
    await p.getByRole('textbox', { name: new RegExp(FR.field.contact.phone) }).fill(person.phone);
    await p.getByRole('checkbox', { name: FR.field.contact.consent }).check();
    await this.continueTo(FR.form.steps.check);
    await p.getByRole('button', { name: FR.check.send }).click();
    await p.waitForURL(/\/requests\/[^/]+$/);
    await expect(this.heading(FR.confirmation.sentTitle)).toBeVisible({ timeout: 30_000 });
    return (await p.getByText(/^CD-[2-9A-HJKMNP-Z]{8}$/).textContent())?.trim() ?? '';
  }

  /** The request page's box that offers notifications on this phone. */
  pushBox(): Locator {
    return this.page.getByRole('region', { name: FR.push.title });
  }

  updates(): Locator {
    return this.page.getByRole('region', { name: FR.confirmation.progressTitle });
  }
}
