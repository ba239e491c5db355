/**
 * The whole citizen flow with the keyboard alone — no mouse, no filling of
 * elements by the test: only key presses. From home to a service (by search),
 * every kind of field (number, radios with arrow keys, checkboxes with Space,
 * date and time, long text, an address, contact details), a failed Continue
 * whose summary takes focus and links to the field, Check your answers with a
 * Change link, Send, the receipt, then My requests from the header. After
 * every Tab focus must be visible; after every page change it is on the h1.
 */
import { test, expect } from '@playwright/test';
import { FormPage } from './pages/citizen-pages';
import { expectFocusVisible, expectHeadingFocused, tabTo } from './pages/keyboard';

// The service whose questions have the most datatypes: display-only text,
// number, single choice, multiple choice, date and time. The built-in steps
// add long text (description), an address and one-line text (contact).
const SERVICE = 'Streetlight not working';
const LAMPS = 'How many lamps are out?';
const PROBLEM = 'What is wrong with the light?';
const NEAR = /What is near the light\?/;
const WHEN = /When did you first notice it\?/;

// Dates are typed in the order the browser shows their parts: month, day, year; 12-hour time.
test.use({ locale: 'en-US' });

test('the whole citizen flow with the keyboard alone, focus always visible', async ({ page }) => {
  test.setTimeout(120_000);
  const form = new FormPage(page);
  const keys = page.keyboard;
  const button = (name: string) => page.getByRole('button', { name, exact: true });

  await page.goto('/');
  const search = page.getByRole('searchbox', { name: 'Search for a service' });
  await expect(search).toBeVisible({ timeout: 20_000 });

  // Home: the first Tab reaches the skip link; then on to the search, which filters as you type.
  await tabTo(page, page.getByRole('link', { name: 'Skip to main content' }), { maxTabs: 1 });
  await tabTo(page, search);
  await keys.type('lamp');
  await expect(page.getByRole('status').filter({ hasText: '1 service found' })).toBeAttached();
  await tabTo(page, page.getByRole('link', { name: SERVICE, exact: true }), { maxTabs: 3 });
  await keys.press('Enter');

  // The service's start page.
  await expectHeadingFocused(page, SERVICE);
  await tabTo(page, button('Start now'));
  await keys.press('Enter');
  await expectHeadingFocused(page, 'Answer a few questions');

  // Continue with nothing answered: the summary takes focus and links to each field.
  await tabTo(page, button('Continue'));
  await keys.press('Enter');
  const summary = form.errorSummary();
  await expect(summary).toBeFocused();
  await expectFocusVisible(page);
  const lamps = form.textbox(LAMPS);
  await tabTo(page, summary.getByRole('link', { name: `Enter a number for “${LAMPS}”, for example 2` }), {
    maxTabs: 1,
  });
  await keys.press('Enter');
  await expect(lamps).toBeFocused();
  await expectFocusVisible(page);
  await keys.type('2');
  await expect(lamps).toHaveValue('2');

  // Single choice: Tab into the group, then arrow keys move the choice.
  const problem = form.group(PROBLEM);
  await tabTo(page, problem.getByRole('radio', { name: 'It is dark' }));
  await keys.press('ArrowDown');
  await keys.press('ArrowDown');
  await keys.press('ArrowUp');
  const flickers = problem.getByRole('radio', { name: 'It flickers' });
  await expect(flickers).toBeFocused();
  await expect(flickers).toBeChecked();
  await expectFocusVisible(page);

  // Multiple choice: Space ticks each box.
  const near = form.group(NEAR);
  for (const answer of ['A zebra crossing', 'A school']) {
    await tabTo(page, near.getByRole('checkbox', { name: answer }));
    await keys.press('Space');
    await expect(near.getByRole('checkbox', { name: answer })).toBeChecked();
  }
  await expect(near.getByRole('checkbox', { checked: true })).toHaveCount(2);

  // Date and time: typed into the field's parts (month, day, year, then → to the time).
  const when = page.getByLabel(WHEN);
  await tabTo(page, when);
  await keys.type('03052026');
  await keys.press('ArrowRight');
  await keys.type('0730P');
  await expect(when).toHaveValue('2026-03-05T19:30');

  await tabTo(page, button('Continue'));
  await keys.press('Enter');
  await expectHeadingFocused(page, 'Tell us more');

  // Long text.
  await tabTo(page, form.textbox(/Describe what you need/));
  await keys.type('The lamp by the school gate has been dark for a week.');
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this phone' })).toBeAttached();
  // On past the photo buttons (file inputs drawn as buttons: their label shows the ring).
  await tabTo(page, button('Continue'));
  await keys.press('Enter');
  await expectHeadingFocused(page, 'Where is it?');

  // A place typed in words, past "Use my location".
  await tabTo(page, form.textbox(/Address or a place near it/));
  await keys.type('Outside 12 Market Road');
  await tabTo(page, button('Continue'));
  await keys.press('Enter');
  await expectHeadingFocused(page, 'How can we tell you about it?');

  // Contact: one-line text fields and a checkbox.
  await tabTo(page, form.textbox(/Your name/));
  await keys.type('Ada Obi');
  await tabTo(page, form.textbox(/Phone number/), { maxTabs: 2 });
  await keys.type('0801 234 5678');
  await tabTo(page, form.textbox(/Email address/), { maxTabs: 2 });
  await keys.type('ada@example.com');
  const consent = page.getByRole('checkbox', { name: 'Send me updates about my request' });
  await tabTo(page, consent, { maxTabs: 2 });
  await keys.press('Space');
  await expect(consent).toBeChecked();
  await tabTo(page, button('Continue'));
  await keys.press('Enter');
  await expectHeadingFocused(page, 'Check your answers');

  await expect(form.answer(LAMPS)).toHaveText('2');
  await expect(form.answer(PROBLEM)).toHaveText('It flickers');
  await expect(form.answer('What is near the light?')).toHaveText('A zebra crossingA school');
  await expect(form.answer('When did you first notice it?')).toHaveText(/^Mar 5, 2026, 7:30\sPM$/);
  await expect(form.answer('Description')).toHaveText(
    'The lamp by the school gate has been dark for a week.',
  );
  await expect(form.answer('Where it is')).toHaveText('Outside 12 Market Road');
  await expect(form.answer('Name')).toHaveText('Ada Obi');
  await expect(form.answer('Phone number')).toHaveText('0801 234 5678');
  await expect(form.answer('Email address')).toHaveText('ada@example.com');
  await expect(form.answer('Send updates')).toHaveText('Yes');

  // One Change link: it opens the question's step with focus on the field, and Continue comes back.
  await tabTo(page, page.getByRole('link', { name: `Change: ${LAMPS}` }));
  await keys.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Answer a few questions' })).toBeVisible();
  await expect(lamps).toBeFocused();
  await expectFocusVisible(page);
  await keys.press('Backspace');
  await keys.type('3');
  await expect(lamps).toHaveValue('3');
  await tabTo(page, button('Continue'));
  await keys.press('Enter');
  await expectHeadingFocused(page, 'Check your answers');
  await expect(form.answer(LAMPS)).toHaveText('3');

  // Send: the receipt, then My requests from the header (backwards, the way it came).
  await tabTo(page, button('Send request'));
  await keys.press('Enter');
  await page.waitForURL(/\/requests\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByRole('heading', { level: 1, name: 'Request sent' })).toBeVisible({
    timeout: 30_000,
  });
  const tracking = ((await page.getByText(/^CD-[2-9A-HJKMNP-Z]{8}$/).textContent()) ?? '').trim();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await tabTo(page, nav.getByRole('link', { name: 'My requests' }), { back: true });
  await keys.press('Enter');
  await expectHeadingFocused(page, 'My requests');
  const item = page.getByRole('listitem').filter({ hasText: tracking });
  await expect(item.getByRole('link', { name: SERVICE })).toBeVisible();
  await expect(item.getByText('Sent', { exact: true })).toBeVisible();
});

test('on a phone the header links wait behind Menu, which Enter, Space and Escape work', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  const menu = nav.getByRole('button', { name: 'Menu' });
  const track = nav.getByRole('link', { name: 'Track a request' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(track).toBeHidden();

  await tabTo(page, menu, { maxTabs: 3 });
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await tabTo(page, nav.getByRole('link', { name: 'My requests' }), { maxTabs: 2 });
  // Escape closes it and gives focus back to the button.
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();
  await expect(track).toBeHidden();

  await page.keyboard.press(' ');
  await tabTo(page, track, { maxTabs: 4 });
  await page.keyboard.press('Enter');
  await expectHeadingFocused(page, 'Track a request');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');

  // Where there is room the links show and the button is gone.
  await page.setViewportSize({ width: 1024, height: 640 });
  await expect(menu).toBeHidden();
  await expect(track).toBeVisible();
});
