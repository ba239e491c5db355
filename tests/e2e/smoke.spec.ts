import { test, expect } from '@playwright/test';

test('the app loads, the service worker takes control, and it still opens offline', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // A deep link the app has never opened is served from the precached shell too.
  await page.goto('/some/deep/link');
  await expect(page.getByRole('link', { name: 'Civic Desk' })).toBeVisible();
  await context.setOffline(false);
});
