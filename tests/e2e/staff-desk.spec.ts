/**
 * The loop the desk closes, on the real server: a citizen files a request in
 * the app; a manager signed in at /staff acknowledges it with a template,
 * assigns it to an officer and resolves it; after each step the citizen's
 * app, once its changes pull, shows it. Also: sign-in messages, keeping
 * templates, phone and counter intake read back, bulk acknowledge with a
 * template in each person's language. One signed-in state for the file.
 */
import { test, expect, type BrowserContext } from '@playwright/test';
import { CitizenApp } from './pages/citizen-app';
import { StaffDesk, account } from './pages/staff-desk';

test.describe.configure({ mode: 'serial' });

let staffContext: BrowserContext;
let desk: StaffDesk;

test.beforeAll(async ({ browser }) => {
  ({ context: staffContext, desk } = await StaffDesk.signedIn(browser, 'manager'));
});
test.afterAll(() => staffContext.close());

test('sign-in says when the password is wrong, and when there were too many tries', async ({ page }) => {
  const signIn = new StaffDesk(page);
  await signIn.signIn(account('agent').email, 'not the password at all');
  await expect(page.getByRole('alert')).toContainText('The e-mail address or the password is not right');
  // What was typed stays.
  await expect(page.getByRole('textbox', { name: 'E-mail address' })).toHaveValue(account('agent').email);
  // The limit is per e-mail and address: an address nobody has, so the real accounts stay usable.
  for (let i = 0; i < 5; i++) {
    await signIn.signIn('nobody@e2e.example', 'wrong password');
    await expect(page.getByRole('alert')).toBeVisible();
  }
  await signIn.signIn('nobody@e2e.example', 'wrong password');
  await expect(page.getByRole('alert')).toContainText(
    /Too many wrong tries\. For your safety, wait \d+ minutes?/,
  );
});

test('a manager keeps templates in several languages', async () => {
  const page = desk.page;
  await page.getByRole('link', { name: 'Templates' }).click();
  await expect(desk.heading('Response templates')).toBeVisible();
  const add = async (name: string, status: string, en: string, fr?: string) => {
    await page.getByRole('button', { name: 'Add a template' }).click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await page.getByRole('combobox', { name: 'For status' }).selectOption({ label: status });
    await page.getByRole('textbox', { name: 'Text in English' }).fill(en);
    if (fr) await page.getByRole('textbox', { name: /Text in Français/ }).fill(fr);
    await page.getByRole('button', { name: 'Save template' }).click();
    await expect(desk.notice(`Template “${name}” saved.`)).toBeVisible();
  };
  await add(
    'We have it',
    'Received',
    'We have your request {tracking}. Expect action by {due}.',
    'Nous avons votre demande {tracking}.',
  );
  await add('Fixed', 'Resolved', 'The crew has filled the hole. Thank you for telling us.');
  await expect(page.getByRole('row', { name: /We have it/ })).toContainText('English, Français');
});

test('a request goes from new to resolved at the desk, and the citizen sees each step', async ({ page }) => {
  test.setTimeout(180_000);
  const app = new CitizenApp(page);
  await app.open();
  const form = await app.startRequest('Pothole');
  await form.fillPothole({ description: 'A deep hole at the desk test crossing.' });
  const receipt = await form.send();
  const { tracking } = await receipt.receipt();
  const citizenSees = async (text: string | RegExp) => {
    await page.reload();
    await expect(page.getByText(text).first()).toBeVisible({ timeout: 30_000 });
  };

  await desk.openRequest(tracking);
  const p = desk.page;
  await expect(p.getByRole('term').filter({ hasText: 'Came in by' }).locator('..')).toContainText(
    'App or website',
  );
  await expect(p.getByText('A deep hole at the desk test crossing.')).toBeVisible();

  const ack = desk.action('Acknowledge');
  await desk.pickTemplate(ack, 'We have it');
  await expect(ack.getByRole('textbox', { name: /Public message/ })).toHaveValue(
    new RegExp(`We have your request ${tracking}\\. Expect action by \\w+`),
  );
  await ack.getByRole('button', { name: 'Acknowledge and tell the person' }).click();
  await expect(desk.notice('Acknowledged. The person has been told.')).toBeVisible();
  await citizenSees(`We have your request ${tracking}.`);

  const assign = desk.action('Assign');
  await assign
    .getByRole('combobox', { name: 'Assign to' })
    .selectOption({ label: `${account('officer').name} (field officer)` });
  await assign.getByRole('button', { name: 'Assign' }).click();
  await expect(desk.notice('Assigned.')).toBeVisible();
  await expect(p.getByRole('definition').filter({ hasText: account('officer').name })).toBeVisible();

  const status = desk.action('Change status');
  await status.getByRole('combobox', { name: 'New status' }).selectOption({ label: 'Resolved' });
  await desk.pickTemplate(status, 'Fixed');
  await status.getByRole('button', { name: 'Change status' }).click();
  await expect(desk.notice('Status changed.')).toBeVisible();
  await expect(desk.history().getByRole('row')).toHaveCount(5); // header + created, acknowledged, assigned, resolved
  await expect(desk.history()).toContainText(account('manager').name);
  await citizenSees('The crew has filled the hole. Thank you for telling us.');
  await expect(page.getByText('Resolved').first()).toBeVisible();
});

test('a phone request is taken in the caller’s language and read back', async () => {
  const p = desk.page;
  await p.getByRole('link', { name: 'Take a request' }).click();
  await expect(desk.heading('Take a request')).toBeVisible();
  await p.getByRole('radio', { name: 'Phone' }).check();
  await p.getByRole('combobox', { name: 'Language of the person' }).selectOption({ label: 'Hausa' });
  await p.getByRole('combobox', { name: 'Service' }).selectOption({ label: 'Pothole' });
  await p.getByRole('button', { name: 'Send the request' }).click();
  // The same rules as the app: the questions must be answered.
  await expect(p.getByRole('alert')).toContainText('There is a problem');
  await p
    .getByRole('group', { name: 'How big is the hole?' })
    .getByRole('radio', { name: 'Smaller than a plate' })
    .check();
  await p.getByRole('group', { name: 'Where is it?' }).getByRole('radio', { name: 'On the road' }).check();
  await p.getByRole('textbox', { name: 'Where is it?' }).fill('Kano Road by the mosque');
  await p.getByRole('textbox', { name: /Their phone number/ }).fill('+234 803 000 1111');
  await p.getByRole('checkbox', { name: /agrees to get updates/ }).check();
  await p.getByRole('button', { name: 'Send the request' }).click();
  await expect(desk.heading('Request sent')).toBeVisible();
  await expect(p.getByText('Read this back to the person:')).toBeVisible();
  const tracking = (await p.locator('.staff-receipt__number').textContent())?.trim() ?? '';
  expect(tracking).toMatch(/^CD-[2-9A-HJKMNP-Z]{8}$/);
  await p.getByRole('link', { name: 'Open the request' }).click();
  await expect(desk.heading(new RegExp(tracking))).toBeVisible();
  await expect(p.getByText(`Phone – taken by ${account('manager').name}`)).toBeVisible();
  await expect(p.getByText('Agreed to get updates')).toBeVisible();
});

test('bulk acknowledge gives each person the template in their language, or says who gets English', async () => {
  const p = desk.page;
  const intake = async () => {
    await p.goto('/staff/intake');
    await p.getByRole('radio', { name: 'Counter' }).check();
    await p.getByRole('combobox', { name: 'Language of the person' }).selectOption({ label: 'Kiswahili' });
    await p.getByRole('combobox', { name: 'Service' }).selectOption({ label: 'Pothole' });
    await p
      .getByRole('group', { name: 'How big is the hole?' })
      .getByRole('radio', { name: 'Smaller than a plate' })
      .check();
    await p.getByRole('group', { name: 'Where is it?' }).getByRole('radio', { name: 'On the road' }).check();
    await p.getByRole('textbox', { name: 'Where is it?' }).fill('Market gate');
    await p.getByRole('button', { name: 'Send the request' }).click();
    await expect(desk.heading('Request sent')).toBeVisible();
  };
  await intake();
  await intake();
  await p.goto('/staff?channel=counter&language=sw');
  await expect(p.getByRole('status').filter({ hasText: '2 requests' })).toBeVisible();
  await p.getByRole('checkbox', { name: 'Select all requests on this page' }).check();
  const bulk = p.getByRole('region', { name: 'Act on selected requests' });
  await expect(bulk).toContainText('2 requests selected.');
  await bulk.getByRole('combobox', { name: 'Message to each person' }).selectOption({ label: 'We have it' });
  await expect(bulk).toContainText('2 people will get the English text');
  await bulk.getByRole('button', { name: 'Apply to selected requests' }).click();
  await expect(bulk.getByRole('status').filter({ hasText: 'Done for 2 requests.' })).toBeVisible();
  await expect(
    p
      .getByRole('status')
      .filter({ hasText: 'There are no requests here.' })
      .or(p.getByText('There are no requests here.')),
  ).toBeVisible();
});
