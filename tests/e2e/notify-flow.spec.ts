/**
 * The whole loop of keeping a person informed, through the real app, the
 * real service worker and a real server of its own (NOTIFY_POLL_MS small):
 * a citizen using the app in French files a request with an e-mail address,
 * a phone number and consent for updates, and agrees to notifications on
 * the request page (by keyboard; the page passes axe). A manager at /staff
 * acknowledges it with a template, assigns it to an officer and resolves it.
 * After each public step the app shows it, and the e-mail (a local SMTP
 * server), the SMS (a local webhook) and the push (a local push service;
 * the test decrypts the payload with the subscription's keys and hands it
 * to the service worker, which shows it) arrive once each, in French, with
 * the way to stop. The person can then turn the notifications off.
 */
import AxeBuilder from '@axe-core/playwright';
import {
  test,
  expect,
  request,
  type APIRequestContext,
  type BrowserContext,
  type Page,
} from '@playwright/test';
import { pushPayloadSchema, type PushPayloadJson } from '../../src/core/push';
import notifyFr from '../../server/notify/locales/fr.json' with { type: 'json' };
import { startEdgeServer, type EdgeServer } from '../server/helpers/edge-http';
import { startMailSink, type MailSink, type ReceivedMail } from '../server/helpers/mail';
import { checkVapid, makeSubscriber, type TestSubscriber } from '../server/helpers/push-keys';
import accounts from './fixtures/staff-accounts.json' with { type: 'json' };
import { startOwnServer, type OwnServer } from './fixtures/own-server';
import {
  fakePushSubscription,
  pushDelivery,
  shownNotifications,
  subscribeCalls,
  type PushDelivery,
} from './notify/fake-push';
import { FR, FrenchCitizen } from './notify/french-citizen';
import { tabTo } from './pages/keyboard';
import { StaffDesk, account } from './pages/staff-desk';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const PERSON = {
  description: 'Un trou profond devant la boulangerie, les vélos tombent.',
  email: 'amelie.notify@example.org',
  phone: '+221 77 123 45 67',
};

interface SmsCall {
  to: string;
  text: string;
  language: string;
  request: string;
}

let mail: MailSink;
let edge: EdgeServer;
let server: OwnServer;
let subscriber: TestSubscriber;
let citizenContext: BrowserContext;
let citizen: FrenchCitizen;
let page: Page;
let push: PushDelivery;
let staffContext: BrowserContext;
let desk: StaffDesk;
let admin: APIRequestContext;
let tracking = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  mail = await startMailSink();
  edge = await startEdgeServer();
  server = await startOwnServer({
    name: 'notify',
    env: {
      SMTP_URL: mail.url,
      MAIL_FROM: 'Ville de Test <updates@city.example>',
      SMS_WEBHOOK_URL: `${edge.origin}/sms`,
      PUSH_ALLOW_PRIVATE: '1',
      NOTIFY_POLL_MS: '250',
    },
    setup(civic) {
      for (const a of accounts.accounts)
        civic(['user', 'add', '--email', a.email, '--role', a.role, '--name', a.name], {
          CIVIC_PASSWORD: accounts.password,
        });
    },
  });
  subscriber = makeSubscriber();
  citizenContext = await browser.newContext({ baseURL: server.origin, locale: 'fr-FR' });
  await citizenContext.grantPermissions(['notifications'], { origin: server.origin });
  await fakePushSubscription(citizenContext, {
    endpoint: `${edge.origin}/push/phone-1`,
    keys: subscriber.keys,
  });
  page = await citizenContext.newPage();
  citizen = new FrenchCitizen(page);

  staffContext = await browser.newContext({ baseURL: server.origin });
  desk = new StaffDesk(await staffContext.newPage());
  await desk.signIn(account('manager').email, account('manager').password);
  await expect(desk.page).toHaveURL(/\/staff$/);
  const keep = (name: string, status: string, en: string, fr: string) =>
    desk.page.request.post('/api/staff/templates', {
      data: { service_code: null, status, name, texts: { en, fr } },
    });
  for (const res of [
    await keep(
      'We have it',
      'acknowledged',
      'We have your request {tracking}. Expect action by {due}.',
      'Nous avons bien votre demande {tracking}. Une équipe passera avant le {due}.',
    ),
    await keep('Fixed', 'resolved', 'The crew has filled the hole.', 'L’équipe a bouché le trou. Merci !'),
  ])
    expect(res.status()).toBe(201);

  admin = await request.newContext({ baseURL: server.origin });
  const signedIn = await admin.post('/api/auth/login', {
    data: { email: account('admin').email, password: account('admin').password },
  });
  expect(signedIn.ok()).toBe(true);
});

test.afterAll(async () => {
  await citizenContext?.close();
  await staffContext?.close();
  await admin?.dispose();
  await server?.stop();
  await edge?.close();
  await mail?.close();
});

const mailsFor = (): ReceivedMail[] => mail.received.filter((m) => m.to.includes(PERSON.email));
const smsFor = (): SmsCall[] =>
  edge
    .callsTo('/sms')
    .map((c) => JSON.parse(c.body.toString()) as SmsCall)
    .filter((s) => s.request === tracking);
const pushCalls = () => edge.callsTo('/push/phone-1');
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');

/**
 * Waits for the n-th e-mail, SMS and push about the request, checks what each
 * says and that it is in French with the way to stop, and hands the push to
 * the service worker as the phone's push service would. Answers the payload.
 */
async function messagesArrive(n: number, subject: string, smsLead: RegExp): Promise<PushPayloadJson> {
  await expect.poll(() => mailsFor().length, { timeout: 20_000 }).toBe(n);
  await expect.poll(() => smsFor().length, { timeout: 20_000 }).toBe(n);
  await expect.poll(() => pushCalls().length, { timeout: 20_000 }).toBe(n);

  const email = mailsFor()[n - 1]!;
  expect(email.headers.get('subject')).toBe(subject);
  expect(email.headers.get('content-language')).toBe('fr');
  expect(email.html).toContain('lang="fr"');
  const stop = new RegExp(`${server.origin}/stop/${tracking}/[A-Za-z0-9_-]{22}`);
  expect(email.headers.get('list-unsubscribe')).toMatch(stop);
  expect(email.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
  expect(email.text).toContain(notifyFr.stop);
  expect(email.text).toMatch(stop);

  const sms = smsFor()[n - 1]!;
  expect(sms).toMatchObject({ to: PERSON.phone, language: 'fr', request: tracking });
  expect(sms.text).toMatch(smsLead);
  expect(sms.text).toMatch(new RegExp(`${notifyFr.sms.stop.replace('{{url}}', '')}${stop.source}`));

  const call = pushCalls()[n - 1]!;
  expect(call.headers['content-encoding']).toBe('aes128gcm');
  const { publicKey } = checkVapid(call.headers.authorization, edge.origin);
  const subscribed = await subscribeCalls(page);
  expect(subscribed.map((s) => s.applicationServerKey)).toContain(publicKey);
  const data = subscriber.decrypt(call.body);
  const payload = pushPayloadSchema.parse(JSON.parse(data));
  expect(payload).toMatchObject({ lang: 'fr', tracking, title: subject, url: `/track?number=${tracking}` });
  await push.deliver(data);
  return payload;
}

test('after sending, the request page offers notifications, by keyboard, and passes axe', async () => {
  tracking = await citizen.fileRequest(PERSON);
  expect(tracking).toMatch(/^CD-/);
  const box = citizen.pushBox();
  await expect(box).toContainText(FR.push.offer);
  // Nothing is asked before the person presses the button.
  expect(await subscribeCalls(page)).toEqual([]);
  const axe = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(' ')).join(', ')}`)).toEqual(
    [],
  );

  push = await pushDelivery(page, server.origin);
  const button = box.getByRole('button', { name: FR.push.turnOn });
  await tabTo(page, button, { maxTabs: 60 });
  await page.keyboard.press('Enter');
  await expect(box.getByRole('status')).toHaveText(FR.push.on);
  await expect(box.getByRole('button', { name: FR.push.turnOff })).toBeFocused();
  expect(await subscribeCalls(page)).toEqual([
    { userVisibleOnly: true, applicationServerKey: expect.stringMatching(/^[A-Za-z0-9_-]{87}$/) },
  ]);
  const key = (await (await page.request.get('/api/push/key')).json()) as { publicKey: string };
  expect((await subscribeCalls(page))[0]?.applicationServerKey).toBe(key.publicKey);

  // The page says so on every visit, from this phone's own record.
  await page.reload();
  await expect(citizen.pushBox()).toContainText(FR.push.on);
  const again = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(again.violations.map((v) => v.id)).toEqual([]);
});

test('each step at the desk reaches the person in the app, by e-mail, SMS and push, once each, in French', async () => {
  test.setTimeout(180_000);
  const due = /\d{1,2} \S+ \d{4}/;
  const values = { tracking, service: 'Nid-de-poule' };

  await desk.openRequest(tracking);
  const ack = desk.action('Acknowledge');
  await desk.pickTemplate(ack, 'We have it');
  await ack.getByRole('button', { name: 'Acknowledge and tell the person' }).click();
  await expect(desk.notice('Acknowledged. The person has been told.')).toBeVisible();

  const first = await messagesArrive(
    1,
    fill(notifyFr.subject.acknowledged, values),
    new RegExp(`^${tracking} reçue\\. Action prévue au plus tard le`),
  );
  expect(first.body).toContain(`Nous avons bien votre demande ${tracking}. Une équipe passera avant le`);
  expect(first.body).toMatch(due);
  await expect
    .poll(() => shownNotifications(page))
    .toEqual([{ title: first.title, body: first.body, tag: `request-${tracking}`, lang: 'fr' }]);
  // The worker pulled the change when the push came: the open page shows it without a reload.
  await expect(citizen.updates()).toContainText(`Nous avons bien votre demande ${tracking}.`, {
    timeout: 15_000,
  });
  await expect(citizen.updates()).toContainText(FR.status.acknowledged);

  const assign = desk.action('Assign');
  await assign
    .getByRole('combobox', { name: 'Assign to' })
    .selectOption({ label: `${account('officer').name} (field officer)` });
  await assign.getByRole('button', { name: 'Assign' }).click();
  await expect(desk.notice('Assigned.')).toBeVisible();

  const status = desk.action('Change status');
  await status.getByRole('combobox', { name: 'New status' }).selectOption({ label: 'Resolved' });
  await desk.pickTemplate(status, 'Fixed');
  await status.getByRole('button', { name: 'Change status' }).click();
  await expect(desk.notice('Status changed.')).toBeVisible();

  // An assignment is not news for the person: the next message is the resolution.
  const second = await messagesArrive(
    2,
    fill(notifyFr.subject.resolved, values),
    new RegExp(`^${tracking} est réglée\\.`),
  );
  expect(second.body).toContain('L’équipe a bouché le trou. Merci !');
  // One notification per request: the resolution replaced the acknowledgement.
  await expect
    .poll(() => shownNotifications(page))
    .toEqual([{ title: second.title, body: second.body, tag: `request-${tracking}`, lang: 'fr' }]);
  await expect(citizen.updates()).toContainText('L’équipe a bouché le trou. Merci !', { timeout: 15_000 });
  await expect(citizen.updates()).toContainText(FR.status.resolved);
  const question = page.getByRole('region', { name: FR.feedback.title });
  await expect(question.getByRole('group', { name: FR.feedback.fixedQuestion })).toBeVisible();
  await expect(question.getByRole('group', { name: FR.feedback.question })).toBeVisible();

  // Exactly once: every row is delivered (nothing waits to be sent again), one per channel and step.
  const res = await admin.get(`/api/staff/notifications?tracking=${tracking}`);
  expect(res.ok()).toBe(true);
  const rows = ((await res.json()) as { notifications: { channel: string; kind: string; state: string }[] })
    .notifications;
  expect(rows.map((r) => `${r.channel} ${r.kind} ${r.state}`).sort()).toEqual([
    'email acknowledged delivered',
    'email resolved delivered',
    'push acknowledged delivered',
    'push resolved delivered',
    'sms acknowledged delivered',
    'sms resolved delivered',
  ]);
  expect([mailsFor().length, smsFor().length, pushCalls().length]).toEqual([2, 2, 2]);
});

test('the person turns notifications off, and offline is said plainly', async () => {
  const box = citizen.pushBox();
  await citizenContext.setOffline(true);
  await box.getByRole('button', { name: FR.push.turnOff }).click();
  await expect(box.getByRole('alert')).toHaveText(FR.push.offline);
  await expect(box).toContainText(FR.push.on);
  await citizenContext.setOffline(false);
  await box.getByRole('button', { name: FR.push.turnOff }).click();
  await expect(box.getByRole('status')).toHaveText(FR.push.off);
  await expect(box.getByRole('button', { name: FR.push.turnOn })).toBeVisible();
  // The server no longer has the subscription: a status change sends no push, the e-mail still goes.
  await desk.page.reload();
  const status = desk.action('Change status');
  await status.getByRole('combobox', { name: 'New status' }).selectOption({ label: 'In progress' });
  await status.getByRole('textbox', { name: /Public message/ }).fill('Nous revenons vérifier.');
  await status.getByRole('button', { name: 'Change status' }).click();
  await expect(desk.notice('Status changed.')).toBeVisible();
  await expect.poll(() => mailsFor().length, { timeout: 20_000 }).toBe(3);
  const res = await admin.get(`/api/staff/notifications?tracking=${tracking}&channel=push`);
  const rows = ((await res.json()) as { notifications: unknown[] }).notifications;
  expect(rows).toHaveLength(2);
  expect(pushCalls()).toHaveLength(2);
});
