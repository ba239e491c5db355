/**
 * After sending: the receipt while waiting offline and once sent (Copy),
 * My requests, Track by number from any device, the satisfaction question (with "Is it fixed?")
 * once resolved, the settings that stay on the phone, and removing one's contact details.
 */
import { test, expect, type APIResponse } from '@playwright/test';
import { HomePage, TrackPage, expectAccessible, storedRequest } from './pages/citizen-pages';
import { account } from './pages/staff-desk';

test('waiting on the phone, then sent: receipt, My requests and Track by number', async ({
  page,
  context,
  browser,
}) => {
  const home = new HomePage(page);
  await home.open();
  await home.waitForOfflineReady();
  await context.setOffline(true);
  const form = await home.startRequest('Pothole');
  await form.fillPothole('Deep hole by the school gate');
  const receipt = await form.send();

  await expect(receipt.heading('Your request is saved on this phone')).toBeVisible();
  await expect(page.getByText('We will send it when you are online.')).toBeVisible();
  await expect(page.getByText(/^L-[0-9A-F]{4}$/)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '1 waiting to send.' })).toBeVisible();
  await expectAccessible(page);

  // "Send now" with no network says so; the network coming back sends it without a tap.
  await page.getByRole('button', { name: 'Send now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'You are offline.' })).toBeVisible();
  await context.setOffline(false);
  await expect(receipt.heading('Request sent')).toBeVisible({ timeout: 30_000 });
  const tracking = ((await receipt.trackingNumber().textContent()) ?? '').trim();
  const code = await receipt.accessCode();
  // The short code for another phone is kept with the receipt (the receipt page shows it later).
  const stored = await storedRequest(page, /\/requests\/([^/]+)$/.exec(page.url())?.[1] ?? '');
  const shortCode = typeof stored?.['short_code'] === 'string' ? stored['short_code'] : '';
  expect(shortCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
  // What the person carries is that short code, in two groups of four, with a link and a QR code.
  expect(code).toBe(`${shortCode.slice(0, 4)} ${shortCode.slice(4)}`);
  await expect(receipt.qrCode()).toBeVisible();
  const link = new URL((await receipt.anotherPhoneLink().getAttribute('href')) ?? '');
  expect(`${link.pathname}${link.search}${link.hash}`).toBe(`/track?number=${tracking}#code=${shortCode}`);

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Tracking number copied.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(tracking);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My requests' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My requests' })).toBeVisible();
  const item = page.getByRole('listitem').filter({ hasText: tracking });
  await expect(item.getByRole('link', { name: 'Pothole' })).toBeVisible();
  await expect(item.getByText('Sent', { exact: true })).toBeVisible();
  await expect(item.getByText(/^Expect action by /)).toBeVisible();
  await expectAccessible(page);

  const track = new TrackPage(page);
  await track.open();
  await track.find('cd 0000', code);
  await expect(page.getByRole('alert')).toContainText('Check your tracking number.');
  await expect(page.getByRole('textbox', { name: 'Tracking number' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  // Lower case and spaces are fine; the number is shown back in its printed form.
  await track.find(tracking.toLowerCase().replace('-', ' '), code);
  await expect(page.getByRole('heading', { level: 2, name: `Request ${tracking}` })).toBeVisible();
  await expect(page.getByText('Pothole', { exact: true })).toBeVisible();
  await expect(page.getByText('You made this request on this phone.')).toBeVisible();
  await expectAccessible(page);
  // The short code works too, copied by hand in two groups of four.
  await track.find(tracking, `${shortCode.slice(0, 4)} ${shortCode.slice(4).toLowerCase()}`);
  await expect(page.getByRole('heading', { level: 2, name: `Request ${tracking}` })).toBeVisible();
  // The link from the receipt, opened on another phone, fills both boxes and finds the request.
  const other = await browser.newPage();
  await other.goto(link.href);
  await expect(other.getByRole('heading', { level: 2, name: `Request ${tracking}` })).toBeVisible();
  await expect(other.getByRole('textbox', { name: 'Access code' })).toHaveValue(shortCode);
  await other.close();
  await track.find(tracking, 'A'.repeat(32));
  await expect(page.getByRole('alert')).toContainText(
    'We could not find a request with this tracking number',
  );
});

test('a resolved request asks once how satisfied the person is', async ({ page, context }) => {
  const home = new HomePage(page);
  await home.open();
  const form = await home.startRequest('Pothole');
  await form.fillPothole('Hole fixed test');
  const receipt = await form.send();
  await expect(receipt.heading('Request sent')).toBeVisible({ timeout: 30_000 });
  const tracking = ((await receipt.trackingNumber().textContent()) ?? '').trim();
  const due = (await storedRequest(page, /\/requests\/([^/]+)$/.exec(page.url())?.[1] ?? ''))?.['due'];

  // The council resolves it: the next pull of changes says so (the real answer, plus this change).
  await context.route('**/api/sync/changes**', async (route) => {
    let response: APIResponse;
    let body: { changes: Record<string, unknown>[]; cursor: string };
    try {
      response = await route.fetch();
      body = (await response.json()) as typeof body;
    } catch {
      // The page reloaded while this pull was on its way: the next pull comes through here again.
      return;
    }
    const at = new Date().toISOString();
    body.changes = body.changes.filter((c) => c['tracking'] !== tracking);
    body.changes.push({
      tracking,
      status: 'resolved',
      due,
      updated_at: at,
      history: [{ at, status: 'resolved', message: 'We filled the hole.' }],
    });
    await route.fulfill({ response, json: body }).catch(() => undefined);
  });
  await page.reload();
  await expect(page.getByText('We filled the hole.')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[aria-current="step"]')).toHaveCount(0);

  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Choose how satisfied you are');
  await expectAccessible(page);
  await page
    .getByRole('group', { name: /^Is it fixed\?/ })
    .getByRole('radio', { name: 'Partly', exact: true })
    .check();
  await page
    .getByRole('group', { name: 'How satisfied are you?' })
    .getByRole('radio', { name: 'Satisfied', exact: true })
    .check();
  await page.getByRole('textbox', { name: /Tell us why/ }).fill('Quick work');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByText('Thank you for telling us how we did.')).toBeVisible();
  await expect(page.getByRole('group', { name: 'How satisfied are you?' })).toHaveCount(0);
  const stored = await storedRequest(page, /\/requests\/([^/]+)$/.exec(page.url())?.[1] ?? '');
  expect(stored?.['feedback']).toMatchObject({ rating: 4, fixed: 'partly', comment: 'Quick work' });
});

test('text size is remembered on the phone, and settings say what is stored', async ({ page }) => {
  await page.goto('/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.getByRole('radio', { name: 'Extra large' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'xlarge');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'xlarge');
  await expect(page.getByRole('radio', { name: 'Extra large' })).toBeChecked();
  await expect(page.getByText(/^Civic Desk uses .+ on this phone\./)).toBeVisible();
  await page.getByRole('radio', { name: 'Normal' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', '');
});

test('the person removes their contact details from a sent request, after a question', async ({
  page,
  browser,
}) => {
  const home = new HomePage(page);
  await home.open();
  const form = await home.startRequest('Pothole');
  await form.choose('How big is the hole?', 'Smaller than a plate');
  await form.choose('Where is it?', 'On the road');
  await form.continue('Tell us more');
  await form.textbox(/Describe what you need/).fill('Remove my details test');
  await form.continue('Where is it?');
  await form.textbox(/Address or a place near it/).fill('Outside 12 Market Road');
  await form.continue('How can we tell you about it?');
  await form.textbox('Email address').fill('ada@example.org');
  await form.continue('Check your answers');
  const receipt = await form.send();
  await expect(receipt.heading('Request sent')).toBeVisible({ timeout: 30_000 });
  const tracking = ((await receipt.trackingNumber().textContent()) ?? '').trim();

  await page.getByRole('button', { name: 'Remove my contact details' }).click();
  const question = page.getByRole('group', { name: /Remove your name, phone and e-mail/ });
  await expect(question).toBeVisible();
  await expectAccessible(page);
  // "No" keeps them and goes back to the button.
  await question.getByRole('button', { name: 'No, keep them' }).click();
  await expect(page.getByRole('button', { name: 'Remove my contact details' })).toBeFocused();
  await page.getByRole('button', { name: 'Remove my contact details' }).click();
  await page.getByRole('button', { name: 'Yes, remove them' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Your contact details were removed' }),
  ).toBeVisible();
  await expectAccessible(page);

  // The council's desk no longer has them.
  const staff = await browser.newContext();
  const login = await staff.request.post('/api/auth/login', {
    data: { email: account('admin').email, password: account('admin').password },
  });
  expect(login.status()).toBe(200);
  const detail = (await (await staff.request.get(`/api/staff/requests/${tracking}`)).json()) as {
    contact: unknown;
  };
  expect(detail.contact).toBeNull();
  await staff.close();
});
