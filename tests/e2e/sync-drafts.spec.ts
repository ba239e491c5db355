/**
 * Nothing typed is lost: a draft closed 200 ms after the last keystroke is
 * there when the form is opened again, and a photo survives a reload and
 * reaches the server byte for byte (same SHA-256).
 */
import { test, expect } from '@playwright/test';
import path from 'node:path';
import { CitizenApp, POTHOLE, RequestForm } from './pages/citizen-app';
import { SyncTraffic, serverRequest } from './pages/sync-traffic';

const PHOTO = path.resolve('public/icons/icon-192.png');

test('a draft survives closing the page 200 ms after the last keystroke', async ({ page, context }) => {
  const app = new CitizenApp(page);
  await app.open();
  const form = await app.startRequest(POTHOLE.service);
  for (const { question, answer } of POTHOLE.answers) await form.choose(question, answer);
  await form.continue('Tell us more');
  const id = form.draftId();
  await form.description().pressSequentially('Hole by the school gate', { delay: 30 });
  // The scenario itself: the tab is killed shortly after typing stops.
  await page.waitForTimeout(200);
  await page.close();

  const again = await context.newPage();
  await again.goto(`/drafts/${id}/details`);
  const reopened = new RequestForm(again);
  await expect(reopened.description()).toHaveValue('Hole by the school gate');
  await again.goto(`/drafts/${id}/questions`);
  await expect(again.getByRole('radio', { name: POTHOLE.answers[0].answer })).toBeChecked();
});

test('a photo survives a reload and arrives on the server intact', async ({ page, context, request }) => {
  const traffic = await SyncTraffic.attach(context);
  const app = new CitizenApp(page);
  await app.open();
  const form = await app.startRequest(POTHOLE.service);
  for (const { question, answer } of POTHOLE.answers) await form.choose(question, answer);
  await form.continue('Tell us more');
  await form.description().fill('Pothole with a photo');
  await form.addPhoto(PHOTO, 1);

  await page.reload();
  await expect(form.photo(1)).toBeVisible();
  await expect(form.description()).toHaveValue('Pothole with a photo');

  await form.continue('Where is it?');
  await form.place('Outside 12 Market Road');
  await form.continue('How can we tell you about it?');
  await form.continue('Check your answers');
  const receipt = await form.send();
  const { tracking, token } = await receipt.receipt();

  // The server hashes what it receives and refuses a mismatch (422), so a 2xx means the same bytes.
  expect(traffic.uploads).toHaveLength(1);
  const [upload] = traffic.uploads;
  expect(upload?.bodyHash).toBe(upload?.urlHash);
  expect(upload?.status).toBeLessThan(300);
  expect(upload?.answer).toMatchObject({ sha256: upload?.urlHash, type: 'image/jpeg' });
  // attachment_added is accepted only when the server holds a file with that hash, type and size.
  const attachments = traffic.delivered.flatMap((d) => d.events.filter((e) => e.type === 'attachment_added'));
  expect(attachments).toHaveLength(1);
  const results = traffic.delivered.flatMap((d) => d.results);
  expect(results.find((r) => r.id === attachments[0]?.id)?.outcome).toBe('accepted');
  expect((await serverRequest(request, tracking, token)).status).toBe(200);
});
