/**
 * The form engine on the demo catalog: every datatype as its control, errors
 * that are specific, linked from a focused summary and never lose what was
 * typed; location by device (with accuracy) or by words; Check your answers
 * with Change links; and the receipt once sent.
 */
import { test, expect } from '@playwright/test';
import path from 'node:path';
import { makeBombPng, makePng } from './fixtures/png';
import { HomePage, allowLocation, expectAccessible } from './pages/citizen-pages';

test('every datatype is the right control; a failed Continue shows a focused summary and keeps the answers', async ({
  page,
}) => {
  const home = new HomePage(page);
  await home.open();
  const form = await home.startRequest('Streetlight not working');

  // number → decimal keyboard; datetime → date and time; lists → radios and checkboxes; display-only → text.
  const lamps = form.textbox('How many lamps are out?');
  await expect(lamps).toHaveAttribute('inputmode', 'decimal');
  await expect(page.getByLabel(/When did you first notice it\?/)).toHaveAttribute('type', 'datetime-local');
  await expect(form.group('What is wrong with the light?').getByRole('radio')).toHaveCount(4);
  await expect(form.group(/What is near the light\? \(optional\)/).getByRole('checkbox')).toHaveCount(5);
  await expect(page.getByText(/stay away and call 112 first/)).toBeVisible();
  await expect(page.getByText('*')).toHaveCount(0);

  await form.continue();
  const summary = form.errorSummary();
  await expect(summary).toBeFocused();
  const lampsError = 'Enter a number for “How many lamps are out?”, for example 2';
  await expect(summary.getByRole('link', { name: lampsError })).toBeVisible();
  await expect(
    summary.getByRole('link', { name: 'Choose an answer for “What is wrong with the light?”' }),
  ).toBeVisible();
  await expect(lamps).toHaveAttribute('aria-invalid', 'true');
  await expect(lamps).toHaveAccessibleDescription(/Error: Enter a number for/);
  await summary.getByRole('link', { name: lampsError }).click();
  await expect(lamps).toBeFocused();

  await lamps.fill('two');
  await form.choose('What is wrong with the light?', 'It flickers');
  await form.continue();
  await expect(form.errorSummary()).toBeFocused();
  await expect(form.errorSummary()).toContainText(
    'Use only numbers for “How many lamps are out?”, for example 2',
  );
  await expect(lamps).toHaveValue('two');
  await expect(page.getByRole('radio', { name: 'It flickers' })).toBeChecked();
  await expectAccessible(page);

  // Reloading keeps it all: every change went to the device at once.
  await page.reload();
  await expect(lamps).toHaveValue('two');

  // One-line and long-text answers.
  await page.goto('/');
  const cert = await home.startRequest('Copy of a birth certificate');
  await expect(cert.page.getByRole('textbox', { name: /full name/i })).toHaveJSProperty('tagName', 'INPUT');
  await page.goto('/');
  await home.startRequest('Ask for social help');
  await expect(page.getByRole('textbox', { name: /situation/i })).toHaveJSProperty('tagName', 'TEXTAREA');
});

test('the whole form: device location with accuracy, Check your answers with Change links, and the receipt', async ({
  page,
  context,
}) => {
  const home = new HomePage(page);
  await home.open();
  const form = await home.startRequest('Streetlight not working');
  await form.textbox('How many lamps are out?').fill('2');
  await form.choose('What is wrong with the light?', 'It is dark');
  await form.tick(/What is near the light\?/, 'A school');
  await page.getByLabel(/When did you first notice it\?/).fill('2026-03-05T19:30');
  await form.continue('Tell us more');

  await form.textbox(/Describe what you need/).fill('Dark for a week.');
  await expect(page.getByText('You have 3,984 characters left')).toBeVisible();
  await form.continue('Where is it?');

  // No permission yet: a plain message and the typed alternative.
  await page.getByRole('button', { name: 'Use my location' }).click();
  await expect(page.getByText(/Your phone did not let us see your location/)).toBeVisible();
  await form.continue();
  await expect(form.errorSummary()).toContainText('Tell us where it is.');
  await expectAccessible(page);
  await allowLocation(context, 12);
  await page.getByRole('button', { name: 'Use my location' }).click();
  await expect(page.getByText('We have your location. It is correct to about 12 metres.')).toBeVisible();
  await form.continue('How can we tell you about it?');

  await form.textbox(/Email address/).fill('not-an-email');
  await form.continue();
  await expect(form.errorSummary()).toContainText(
    'Enter an email address in the right form, like name@example.com',
  );
  await form.textbox(/Email address/).fill('ada@example.com');
  await page.getByRole('checkbox', { name: 'Send me updates about my request' }).check();
  await form.continue('Check your answers');

  await expect(form.answer('How many lamps are out?')).toHaveText('2');
  await expect(form.answer('What is wrong with the light?')).toHaveText('It is dark');
  await expect(form.answer('What is near the light?')).toHaveText('A school');
  await expect(form.answer('When did you first notice it?')).toContainText('2026');
  await expect(form.answer('Where it is')).toHaveText('Your location (correct to about 12 metres)');
  await expect(form.answer('Email address')).toHaveText('ada@example.com');
  await expectAccessible(page);

  await form.change('How many lamps are out?').click();
  await expect(form.heading('Answer a few questions')).toBeVisible();
  await expect(form.textbox('How many lamps are out?')).toBeFocused();
  await form.textbox('How many lamps are out?').fill('3');
  await form.continue('Check your answers');
  await expect(form.answer('How many lamps are out?')).toHaveText('3');

  const receipt = await form.send();
  await expect(receipt.heading('Request sent')).toBeVisible({ timeout: 30_000 });
  await expect(receipt.trackingNumber()).toBeVisible();
  await expect(page.getByText(/^Expect action by .+\d{4}\.$/)).toBeVisible();
  // Progress: the step it is at now is "Sent".
  await expect(page.locator('[aria-current="step"]')).toContainText('Sent');
  await expectAccessible(page);
});

test('Listen reads a question aloud in the person’s language, and is hidden when the phone has no voice for it', async ({
  page,
  context,
}) => {
  // A stand-in for the device's speech engine with only an English voice.
  await context.addInitScript(() => {
    const spoken: { text: string; lang: string }[] = [];
    class Utterance extends EventTarget {
      voice: unknown = null;
      lang = '';
      rate = 1;
      constructor(readonly text: string) {
        super();
      }
    }
    const synth = Object.assign(new EventTarget(), {
      getVoices: () => [
        { name: 'Test English', lang: 'en-GB', localService: true, default: true, voiceURI: 'en' },
      ],
      speak: (u: Utterance) => {
        spoken.push({ text: u.text, lang: u.lang });
        setTimeout(() => u.dispatchEvent(new Event('end')), 10);
      },
      cancel: () => undefined,
    });
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
    Object.defineProperty(window, 'spokenForTest', { value: spoken });
  });
  const home = new HomePage(page);
  await home.open();
  await home.startRequest('Streetlight not working');
  await page.getByRole('button', { name: 'Listen: How many lamps are out? For example 2' }).click();
  const spoken = await page.evaluate(() => (window as unknown as { spokenForTest: unknown[] }).spokenForTest);
  expect(spoken).toEqual([{ text: 'How many lamps are out? For example 2', lang: 'en-GB' }]);

  await home.chooseLanguage('Hausa');
  await expect(page.getByRole('button', { name: /^Listen/ })).toHaveCount(0);
});

test('photos: added from the gallery as thumbnails, removed with Remove, and files that are no photo, cut off or a decompression bomb are explained', async ({
  page,
}) => {
  const home = new HomePage(page);
  await home.open();
  const form = await home.startRequest('Pothole');
  await form.choose('How big is the hole?', 'Smaller than a plate');
  await form.choose('Where is it?', 'On the road');
  await form.continue('Tell us more');

  await page.getByLabel('Choose a photo').setInputFiles(path.resolve('public/icons/icon-192.png'));
  await expect(page.getByRole('img', { name: 'Photo 1 that you added' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('img', { name: 'Photo 1 that you added' })).toBeVisible();

  await page.getByLabel('Choose a photo').setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('not a picture'),
  });
  await expect(page.getByText(/We could not open this file/).first()).toBeVisible();
  await expectAccessible(page);
  // Hostile files, each refused with its own reason before anything decodes them; the photo already added stays.
  const png = makePng(5, 200, 150);
  for (const [file, message] of [
    [
      { name: 'holiday.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('%PDF-1.7 a document') },
      /We could not open this file/,
    ],
    [
      { name: 'cut.png', mimeType: 'image/png', buffer: png.subarray(0, png.length >> 1) },
      /This photo file is incomplete/,
    ],
    [
      { name: 'bomb.png', mimeType: 'image/png', buffer: makeBombPng(12_000, 12_000) },
      /This picture is too big to add/,
    ],
  ] as const) {
    await page.getByLabel('Choose a photo').setInputFiles(file);
    await expect(page.getByText(message).first()).toBeVisible();
    await expect(page.getByRole('img', { name: /that you added/ })).toHaveCount(1);
  }

  await page.getByRole('button', { name: 'Remove photo 1' }).click();
  await expect(page.getByRole('img', { name: 'Photo 1 that you added' })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Photo removed.' })).toBeAttached();
  await expect(page.getByRole('button', { name: 'Take a photo' })).toBeFocused();
});

test('Send on an unfinished form lists what is missing, each link opening its page with the error shown', async ({
  page,
}) => {
  const home = new HomePage(page);
  await home.open();
  const form = await home.startRequest('Pothole');
  await page.goto(`/drafts/${form.draftId()}/check`);
  await expect(form.heading('Check your answers')).toBeVisible();
  await page.getByRole('button', { name: 'Send request' }).click();
  const summary = form.errorSummary();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveCount(3);
  await summary.getByRole('link', { name: /^Tell us where it is/ }).click();
  await expect(form.heading('Where is it?')).toBeVisible();
  await expect(form.errorSummary()).toBeFocused();
  await form.textbox(/Address or a place near it/).fill('By the clinic');
  // Back to "Check your answers", not on through the rest of the form.
  await form.continue('Check your answers');
  await expect(form.answer('Where it is')).toHaveText('By the clinic');
});
