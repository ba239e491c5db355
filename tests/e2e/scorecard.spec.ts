/**
 * The public scorecard in a real browser: requests full of personal details
 * go in through the sync API, and the page shows the council's figures with
 * none of those details; it passes axe, its tables are reachable by keyboard,
 * and once visited it opens offline from the service worker's copy.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';

const PEOPLE = [0, 1, 2, 3, 4, 5].map((i) => ({
  name: `Zainab Scorecardtest${i}`,
  email: `zainab${i}@scorecard-private.example`,
  phone: `+234 809 777 00${i}${i}`,
  description: `Broken pipe behind house ${i} of the scorecard test`,
  address: `${i} Secret Close`,
}));

test('shows figures, never personal data, by keyboard and offline', async ({ page, context, request }) => {
  const events = PEOPLE.map((p) => ({
    id: randomUUID().replace(/^(.{14})./, '$17'),
    at: new Date().toISOString(),
    type: 'create_request',
    channel: 'web',
    request: {
      service_code: 'pothole',
      attributes: { size: 'large', location: 'road', depth: 12 },
      description: p.description,
      location: { lat: 7.412345, long: 3.923456, address_string: p.address },
      contact: { name: p.name, phone: p.phone, email: p.email, consent_updates: true },
      language: 'en',
    },
  }));
  const res = await request.post('/api/sync', { data: { events } });
  expect(res.status()).toBe(200);

  await page.goto('/scorecard');
  await expect(page.getByRole('heading', { level: 1, name: 'How we are doing' })).toBeVisible();
  const council = page.getByRole('region', { name: 'The whole council' });
  await expect(council.getByText('Requests received')).toBeVisible();
  await expect(
    page.getByRole('img', { name: /In 12 months the council received \d+ requests/ }),
  ).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Each service' }).getByRole('row', { name: /Pothole/ }),
  ).toBeVisible();

  const text = await page.locator('body').innerText();
  const html = await page.content();
  for (const p of PEOPLE)
    for (const value of [p.name, p.email, p.phone, p.description, p.address]) {
      expect(text).not.toContain(value);
      expect(html).not.toContain(value);
    }
  expect(html).not.toContain('7.412345');

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations).toEqual([]);

  // The wide tables scroll inside a focusable region: reachable with Tab alone.
  const region = page.getByRole('region', { name: 'Each service' });
  for (let i = 0; i < 40 && !(await region.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(region).toBeFocused();

  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.reload(); // the first load may have fetched the figures before the worker controlled the page
  await expect(council.getByText('Requests received')).toBeVisible();
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'How we are doing' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Each service' })).toBeVisible();
  await context.setOffline(false);
});
