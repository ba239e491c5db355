/**
 * Page objects for the staff desk, in English, finding things by role and
 * accessible name as a screen reader does. Accounts come from
 * fixtures/staff-accounts.json, made by the real CLI before the server
 * starts (scripts/e2e-server.mjs).
 */
import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import accounts from '../fixtures/staff-accounts.json' with { type: 'json' };

export type StaffRole = 'agent' | 'officer' | 'manager' | 'admin';

export function account(role: StaffRole): { email: string; name: string; password: string } {
  const a = accounts.accounts.find((x) => x.role === role);
  if (!a) throw new Error(`no ${role} in the fixture`);
  return { email: a.email, name: a.name, password: accounts.password };
}

export class StaffDesk {
  constructor(readonly page: Page) {}

  /**
   * A browser context signed in once (the file's one signed-in state). The language is the
   * browser's (English) until a test chooses another, as a person does, in localStorage.
   */
  static async signedIn(
    browser: Browser,
    role: StaffRole,
    options: { viewport?: { width: number; height: number } } = {},
  ): Promise<{ context: BrowserContext; desk: StaffDesk }> {
    const context = await browser.newContext(options.viewport ? { viewport: options.viewport } : {});
    const desk = new StaffDesk(await context.newPage());
    await desk.signIn(account(role).email, account(role).password);
    await expect(desk.page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(desk.page).toHaveURL(/\/staff$/);
    return { context, desk };
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.goto('/staff/sign-in');
    await this.page.getByRole('textbox', { name: 'E-mail address' }).fill(email);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  /** Searches the queue's All tab for a tracking number and opens the request. */
  async openRequest(tracking: string): Promise<void> {
    await this.page.goto(`/staff?tab=all&q=${tracking}`);
    await this.page.getByRole('link', { name: tracking, exact: true }).click();
    await expect(this.heading(new RegExp(tracking))).toBeVisible();
  }

  action(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** Picks a template in an action's box; its text lands in the message box. */
  async pickTemplate(box: Locator, name: string): Promise<void> {
    await box.getByRole('combobox', { name: 'Start from a template' }).selectOption({ label: name });
  }

  notice(text: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  history(): Locator {
    return this.page.getByRole('region', { name: 'History' }).getByRole('table');
  }
}
