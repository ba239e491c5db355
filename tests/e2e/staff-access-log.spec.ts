/**
 * The record of who saw contact details, on the real server: an admin opens
 * a request with contact details at the desk, then finds that view at the
 * top of the access log (linked in the admin's navigation), which passes axe.
 * One signed-in state for the file.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type BrowserContext } from '@playwright/test';
import { uuidv7 } from '../../src/core/ids';
import { StaffDesk, account } from './pages/staff-desk';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let desk: StaffDesk;

test.beforeAll(async ({ browser }) => {
  ({ context, desk } = await StaffDesk.signedIn(browser, 'admin'));
});
test.afterAll(() => context.close());

test("an admin's view of contact details is in the access log", async () => {
  const res = await context.request.post('/api/staff/intake', {
    data: {
      id: uuidv7(),
      channel: 'phone',
      request: {
        service_code: 'pothole',
        attributes: { size: 'large', location: 'road' },
        description: 'Access log test',
        location: { address_string: 'Market Road 4', lat: 7.3964, long: 3.9167 },
        contact: { name: 'Awa', phone: '+234 801 000 2222', consent_updates: true },
        language: 'en',
      },
    },
  });
  expect(res.status()).toBe(201);
  const { tracking } = ((await res.json()) as { receipt: { tracking: string } }).receipt;
  await desk.openRequest(tracking);
  await expect(desk.page.getByText('Awa', { exact: true })).toBeVisible();

  await desk.page.getByRole('link', { name: 'Contact views' }).click();
  await expect(desk.heading('Who saw contact details')).toBeVisible();
  const table = desk.page.getByRole('table', { name: 'Who saw contact details' });
  const first = table.getByRole('row').nth(1);
  await expect(first).toContainText(tracking);
  await expect(first).toContainText(account('admin').email);
  await expect(first).toContainText('Request page');
  const results = await new AxeBuilder({ page: desk.page }).withTags(TAGS).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
});
