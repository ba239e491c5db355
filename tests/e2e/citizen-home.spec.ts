/**
 * Home: services by group with a search in the person's language, working
 * offline; drafts to continue or discard (with a confirmation).
 */
import { test, expect } from '@playwright/test';
import { HomePage, expectAccessible } from './pages/citizen-pages';

test('services are grouped, searchable by name and keyword in the person’s language, and listed offline', async ({
  page,
  context,
}) => {
  const home = new HomePage(page);
  await home.open();
  await expect(home.groupHeading('Streets and lighting')).toBeVisible();
  await expect(home.groupHeading('Waste and cleanliness')).toBeVisible();
  // One language picker per page, in the header, showing the current language in itself.
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveCount(1);
  await expect(page.getByRole('banner').getByRole('combobox', { name: 'Language' })).toHaveValue('en');
  await expect(
    page.getByRole('banner').getByRole('combobox', { name: 'Language' }).locator('option:checked'),
  ).toHaveText('English');

  await home.search().fill('rubbish');
  await expect(page.getByRole('status').filter({ hasText: '2 services found' })).toBeAttached();
  await expect(home.serviceLink('Missed waste collection')).toBeVisible();
  await expect(home.serviceLink('Illegal dumping')).toBeVisible();
  await expect(home.serviceLink('Pothole')).toHaveCount(0);

  await home.search().fill('zebra crossing paint');
  await expect(page.getByText('No services match “zebra crossing paint”.', { exact: false })).toBeVisible();

  // Keywords in French, typed without accents, find the French service name.
  await home.chooseLanguage('Français');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.getByRole('searchbox', { name: 'Chercher un service' }).fill('eclairage');
  await expect(home.serviceLink('Lampadaire en panne')).toBeVisible();
  await home.chooseLanguage('English');

  await home.waitForOfflineReady();
  await context.setOffline(true);
  await page.reload();
  await expect(home.serviceLink('Pothole')).toBeVisible();
  await expect(home.groupHeading('Certificates and support')).toBeVisible();
  await context.setOffline(false);
});

test('a saved form can be continued, and discarded only after saying yes', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  const form = await home.startRequest('Pothole');
  await form.choose('How big is the hole?', 'Bigger than a car tyre');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();

  const drafts = home.drafts();
  await expect(drafts.getByText('Pothole', { exact: true })).toBeVisible();
  await drafts.getByRole('button', { name: 'Discard: Pothole' }).click();
  const question = page.getByText('Discard your form for Pothole? You cannot get it back.');
  await expect(question).toBeFocused();
  await expectAccessible(page);
  await drafts.getByRole('button', { name: 'No, keep it' }).click();
  await expect(drafts.getByRole('button', { name: 'Discard: Pothole' })).toBeFocused();

  await drafts.getByRole('link', { name: 'Continue: Pothole' }).click();
  await expect(form.heading('Answer a few questions')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Bigger than a car tyre' })).toBeChecked();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await home.drafts().getByRole('button', { name: 'Discard: Pothole' }).click();
  await home.drafts().getByRole('button', { name: 'Yes, discard it' }).click();
  await expect(home.drafts()).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Form discarded.' })).toBeAttached();
});
