/**
 * Hostile text is shown inert on every page, and the Content-Security-Policy
 * blocks inline script (issue 15). Requests whose description, answers,
 * address and contact name carry markup go in through the app and the sync
 * API; a manager adds a public message, a private note and a template with
 * the same markup; then the citizen's receipt and request page, the track
 * page, the staff queue, detail and templates, the officer's work, the kiosk
 * receipt and the scorecard are opened. Each page must show the text as
 * typed, hold no element the markup would have made, fire no dialog and
 * report no CSP violation (markup that became HTML would trip the policy).
 * One server (the suite's), one signed-in state per room.
 */
import {
  expect,
  request as apiContext,
  test,
  type Browser,
  type BrowserContext,
  type Page,
} from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { HomePage } from './pages/citizen-pages';
import { KioskPage } from './kiosk/kiosk-page';
import { OfficerApp } from './pages/officer-app';
import { StaffDesk, account } from './pages/staff-desk';

test.describe.configure({ mode: 'serial' });

/** Each payload calls __hit(name) if it ever runs; the names say which one did. */
const hostile = (where: string) =>
  [
    `${where} <img src=x onerror="__hit('img ${where}')">`,
    `<script>__hit('script ${where}')</script>`,
    `"><svg onload="__hit('svg ${where}')">`,
    `javascript:__hit('url ${where}')`,
  ].join(' ');

/** Runs before any page script: records hits and CSP violations, and answers every dialog. */
function guard(): void {
  const w = window as unknown as { __xss: string[]; __violations: string[]; __hit: (n: string) => void };
  w.__xss = [];
  w.__violations = [];
  w.__hit = (n) => w.__xss.push(n);
  document.addEventListener('securitypolicyviolation', (e) =>
    w.__violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`),
  );
}

const dialogs: string[] = [];

async function room(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  await context.addInitScript(guard);
  const page = await context.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return { context, page };
}

/** The page shows each text literally and nothing in it ran or became markup. */
async function expectInert(page: Page, texts: readonly string[]): Promise<void> {
  const body = page.locator('body');
  for (const text of texts) await expect(body).toContainText(text);
  const made = await page.evaluate(() => ({
    handlers: document.querySelectorAll('[onerror], [onload]').length,
    images: document.querySelectorAll('img[src="x"]').length,
    inlineScripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
    jsLinks: document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i]').length,
  }));
  expect(made, 'elements made from the text').toEqual({
    handlers: 0,
    images: 0,
    inlineScripts: 0,
    jsLinks: 0,
  });
  const seen = await page.evaluate(() => {
    const w = window as unknown as { __xss: string[]; __violations: string[] };
    return { hits: w.__xss, violations: w.__violations };
  });
  expect(seen).toEqual({ hits: [], violations: [] });
  expect(dialogs).toEqual([]);
}

const filed = { description: hostile('description'), safety: hostile('answer'), address: hostile('address') };
const contactName = hostile('name');
const publicMessage = hostile('message');
const privateNote = hostile('note');
const template = { name: `Tpl <b onmouseover=__hit('tpl')>bold</b>`, text: hostile('template') };
let tracking = '';
let shortCode = '';
let staff: { context: BrowserContext; page: Page };
let desk: StaffDesk;

test.beforeAll(async ({ browser }) => {
  staff = await room(browser);
  desk = new StaffDesk(staff.page);
  await desk.signIn(account('manager').email, account('manager').password);
  await expect(staff.page).toHaveURL(/\/staff$/);
  const api = staff.page.request;

  // The citizen's request comes in anonymously, as the app sends it.
  const citizen = await apiContext.newContext({ baseURL: test.info().project.use.baseURL ?? '' });
  const sync = await citizen.post('/api/sync', {
    data: {
      events: [
        {
          id: randomUUID().replace(/^(.{14})./, '$17'),
          at: new Date().toISOString(),
          type: 'create_request',
          channel: 'web',
          request: {
            service_code: 'illegal-dumping',
            attributes: { waste_kind: ['household'], amount: 'bags', witness: filed.safety },
            description: filed.description,
            location: { lat: 12.0001, long: 8.5001, address_string: filed.address },
            contact: { name: contactName, phone: '+234 802 000 1111', consent_updates: true },
            language: 'en',
          },
        },
      ],
    },
  });
  expect(sync.status()).toBe(200);
  const answer = await sync.text();
  await citizen.dispose();
  const receipt = (
    JSON.parse(answer) as { results: { receipt?: { tracking: string; short_code?: string } }[] }
  ).results[0]?.receipt;
  tracking = receipt?.tracking ?? '';
  shortCode = receipt?.short_code ?? '';
  expect(tracking, answer).toMatch(/^CD-/);

  const ok = async (path: string, data: unknown) => {
    const res = await api.post(path, { data });
    expect(res.status(), await res.text()).toBeLessThan(300);
  };
  await ok('/api/staff/templates', {
    service_code: null,
    status: 'acknowledged',
    name: template.name,
    texts: { en: template.text },
  });
  await ok(`/api/staff/requests/${tracking}/acknowledge`, { message: publicMessage });
  await ok(`/api/staff/requests/${tracking}/notes`, { text: privateNote, public: false });
  const users = (await (await api.get('/api/staff/users')).json()) as {
    users: { id: string; email: string }[];
  };
  const officer = users.users.find((u) => u.email === account('officer').email);
  await ok(`/api/staff/requests/${tracking}/assign`, { user_id: officer?.id ?? null });
});
test.afterAll(() => staff.context.close());

test('the citizen’s receipt, request page and track page show hostile text as typed', async ({ browser }) => {
  const { context, page } = await room(browser);
  const home = new HomePage(page);
  await home.open();
  const form = await home.startRequest('Pothole');
  const typed = { description: hostile('form description'), address: hostile('form address') };
  await form.choose('How big is the hole?', 'Smaller than a plate');
  await form.choose('Where is it?', 'On the road');
  await form.continue('Tell us more');
  await form.textbox(/Describe what you need/).fill(typed.description);
  await form.continue('Where is it?');
  await form.textbox(/Address or a place near it/).fill(typed.address);
  await form.continue('How can we tell you about it?');
  await form.continue('Check your answers');
  await expectInert(page, [typed.description, typed.address]);
  await form.send();
  await expect(page.getByText(/^CD-[2-9A-HJKMNP-Z]{8}$/)).toBeVisible({ timeout: 20_000 });
  await expectInert(page, []);
  // My requests shows the first 80 characters of the description.
  await page.getByRole('link', { name: 'See all your requests' }).click();
  await expectInert(page, [typed.description.slice(0, 79)]);

  await page.goto(`/track?number=${tracking}#code=${encodeURIComponent(shortCode)}`);
  await expect(page.getByRole('heading', { level: 2, name: `Request ${tracking}` })).toBeVisible();
  await expectInert(page, [publicMessage]);
  await expect(page.locator('body')).not.toContainText('note <img');
  await context.close();
});

test('the staff queue, request detail and templates show hostile text as typed', async () => {
  const page = staff.page;
  await page.goto(`/staff?tab=all&q=${tracking}`);
  await expect(page.getByRole('link', { name: tracking, exact: true })).toBeVisible();
  await expectInert(page, [filed.description.slice(0, 60)]);
  await desk.openRequest(tracking);
  await expectInert(page, [
    filed.description,
    filed.safety,
    filed.address,
    contactName,
    publicMessage,
    privateNote,
  ]);

  await page.getByRole('link', { name: 'Templates' }).click();
  await expect(desk.heading('Response templates')).toBeVisible();
  await expectInert(page, [template.name]);
});

test('the officer’s work shows hostile text as typed', async ({ browser }) => {
  const { context, page } = await room(browser);
  const officer = new OfficerApp(page);
  await page.goto('/officer/sign-in');
  await officer.signIn(account('officer').email, account('officer').password);
  await officer.openWorkItem(tracking);
  await expectInert(page, [filed.description, filed.address]);
  await context.close();
});

test('the kiosk’s check page and receipt, and the scorecard, stay inert', async ({ browser }) => {
  const { context, page } = await room(browser);
  const origin = test.info().project.use.baseURL ?? '';
  const added = await page.request.post('/api/e2e/civic', {
    data: { args: ['kiosk', 'add', '--name', 'Hostile text desk', '--url', origin] },
  });
  expect(added.status()).toBe(200);
  const link = /^(http\S+\/kiosk\/enrol#\S+)$/m.exec(
    ((await added.json()) as { output: string }).output,
  )?.[1];
  const kiosk = new KioskPage(page);
  await kiosk.enrol(link ?? '', 'Hostile text desk');
  const person = {
    sentence: hostile('kiosk description'),
    name: hostile('kiosk name'),
    phone: '0800 000 000',
  };
  await kiosk.fillUpToContact(person);
  await kiosk.continue('Check your answers');
  await expectInert(page, [person.sentence, person.name]);
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your request has been sent' })).toBeVisible({
    timeout: 20_000,
  });
  await expectInert(page, []);

  await page.goto('/scorecard');
  await expect(page.getByRole('heading', { level: 1, name: 'How we are doing' })).toBeVisible();
  await expectInert(page, []);
  await context.close();
});

test('the Content-Security-Policy blocks an inline script and an inline handler', async ({ browser }) => {
  const { context, page } = await room(browser);
  await page.goto('/');
  const result = await page.evaluate(async () => {
    const w = window as unknown as { __ran?: string[]; __violations: string[] };
    w.__ran = [];
    const violation = new Promise<string>((resolve) =>
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), {
        once: true,
      }),
    );
    const script = document.createElement('script');
    script.textContent = "window.__ran.push('inline script')";
    document.head.append(script);
    const directive = await violation;
    const handler = new Promise<string>((resolve) =>
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), {
        once: true,
      }),
    );
    const div = document.createElement('div');
    div.innerHTML = `<img src="data:," onerror="window.__ran.push('handler')">`;
    document.body.append(div);
    return { directive, handlerDirective: await handler, ran: w.__ran };
  });
  expect(result).toEqual({ directive: 'script-src-elem', handlerDirective: 'script-src-attr', ran: [] });
  await context.close();
});
