/**
 * The managers' dashboard on the real server: requests the test takes at
 * the desk (by phone and at the counter, one service no other spec uses)
 * fill the figures; a manager opens the page from the desk's navigation,
 * narrows it to that service, opens a table and downloads its CSV, whose
 * content is read back. Figures with fewer than 5 answers say so. An agent
 * is refused, on the page and by the API. One signed-in state per role.
 */
import { readFile } from 'node:fs/promises';
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { uuidv7 } from '../../src/core/ids';
import { StaffDesk } from './pages/staff-desk';

test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;

const CHANNELS = ['phone', 'phone', 'phone', 'phone', 'counter', 'counter'] as const;

test.beforeAll(async ({ browser }) => {
  ({
    context,
    desk: { page },
  } = await StaffDesk.signedIn(browser, 'manager'));
  for (const [i, channel] of CHANNELS.entries()) {
    const res = await context.request.post('/api/staff/intake', {
      data: {
        id: uuidv7(),
        channel,
        request: {
          service_code: 'fallen-tree',
          attributes: { state: 'branch' },
          description: `A branch across the dashboard test path, number ${i}`,
          location: { address_string: `Dashboard Lane ${i}`, lat: 7.4012, long: 3.9044 },
          language: 'en',
        },
        time: { minutes: 5, source: 'manual' },
      },
    });
    expect(res.status()).toBe(201);
  }
});
test.afterAll(() => context.close());

test('a manager narrows the figures to a service, opens a table and downloads its CSV', async () => {
  await page.getByRole('navigation', { name: 'Staff desk' }).getByRole('link', { name: 'Figures' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Figures' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Service' }).selectOption({ label: 'Fallen or dangerous tree' });
  await page.getByRole('button', { name: 'Show figures' }).click();
  await expect(page).toHaveURL(/service=fallen-tree/);

  const received = page.getByRole('region', { name: 'Requests received' });
  await expect(received.getByText(/6 requests came in/)).toBeVisible();
  await expect(received.getByRole('img', { name: /6 requests came in/ })).toBeVisible();
  // No answers yet: satisfaction is "not enough", never a number read off one person.
  await expect(page.getByRole('region', { name: 'Satisfaction', exact: true })).toContainText(
    'average rating (out of 5): not enough answers yet, from 0 answers',
  );

  await received.getByText('Show the table of “Requests received”').click();
  const table = received.getByRole('table', { name: 'Requests by channel' });
  await expect(table.getByRole('row', { name: /Phone/ })).toContainText('4');
  await expect(table.getByRole('row', { name: /Counter/ })).toContainText('2');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    received.getByRole('button', { name: 'Download CSV Requests by channel' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('requests-by-channel.csv');
  const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe('Channel,Requests,Share,Digital');
  expect(lines).toContain('phone,4,0.6666666666666666,No');
  expect(lines).toContain('counter,2,0.3333333333333333,No');
  expect(lines).toContain('web,0,0,Yes');

  // Staff time from the minutes typed at intake: 6 requests, 30 minutes.
  await expect(page.getByRole('region', { name: 'Staff time' })).toContainText(
    '30 minutes of staff time on 6 requests; minutes per request: 5.0',
  );
});

test('an agent is told the page is not for their role, and the API refuses them', async ({ browser }) => {
  const { context: agentContext, desk } = await StaffDesk.signedIn(browser, 'agent');
  try {
    await expect(desk.page.getByRole('link', { name: 'Figures' })).toHaveCount(0);
    await desk.page.goto('/staff/dashboard');
    await expect(desk.page.getByText('Your role cannot use this page.')).toBeVisible();
    await expect(desk.page.getByRole('button', { name: 'Show figures' })).toHaveCount(0);
    expect((await agentContext.request.get('/api/staff/dashboard')).status()).toBe(403);
  } finally {
    await agentContext.close();
  }
});
