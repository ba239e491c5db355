/**
 * Draft durability (issue 15): a tab is killed at random moments while the
 * person types — the renderer crashed through the DevTools protocol
 * (Page.crash: no pagehide, no unload, nothing gets to finish) — some of
 * them while a large photo is being processed. A new tab on the same device
 * opens each draft again: it must be there with everything typed up to
 * SAVED_WITHIN_MS before the kill (autosave.ts promises 300 ms; the margin
 * is for this loaded machine), nothing that was not typed, and either no
 * photo or a whole one that draws.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makePng } from '../fixtures/png';
import { CitizenApp, POTHOLE } from '../pages/citizen-app';
import { between, mulberry32, sleep, type Random } from './random';

export const SAVED_WITHIN_MS = 500;

export interface DraftKillResult {
  readonly killed: number;
  readonly restored: number;
  /** Of the kills, how many came while a photo was being processed. */
  readonly duringPhoto: number;
  /** Drafts that came back with every keystroke, even the last ones. */
  readonly complete: number;
  /** Of the photo kills, how many drafts came back with the photo (the others died before it was stored). */
  readonly photoKept: number;
  readonly problems: string[];
  readonly line: string;
}

const WORDS = [
  'deep',
  'hole',
  'near',
  'the',
  'bus',
  'stop',
  'getting',
  'bigger',
  'every',
  'week',
  'cars',
  'swerve',
];

function sentence(random: Random, n: number): string {
  const words = Array.from({ length: 14 }, () => WORDS[Math.floor(random() * WORDS.length)] ?? 'hole');
  return `Draft ${n}: ${words.join(' ')}`;
}

interface Typed {
  at: number;
  length: number;
}

/** Types `text` a key at a time, noting when each key had gone in, until the tab dies. */
async function typeUntilKilled(page: Page, text: string, typed: Typed[]): Promise<void> {
  await page.getByRole('textbox', { name: /Describe what you need or what is wrong/ }).focus();
  for (let i = 0; i < text.length; i++) {
    await page.keyboard.type(text[i] ?? '');
    typed.push({ at: Date.now(), length: i + 1 });
  }
}

async function crash(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const crashed = new Promise<void>((resolve) => page.once('crash', () => resolve()));
  // The call never answers: the renderer is gone.
  void cdp.send('Page.crash').catch(() => undefined);
  await Promise.race([crashed, sleep(10_000)]);
  await page.close().catch(() => undefined);
}

interface Back {
  text: string;
  photos: number;
  drawn: boolean;
  /** What the page said instead of the draft's "Tell us more" step, if it did. */
  instead?: string;
}

async function reopen(context: BrowserContext, id: string): Promise<Back> {
  const page = await context.newPage();
  await page.goto(`/drafts/${id}/details`);
  const heading = page.getByRole('heading', { level: 1 });
  const step = page.getByRole('heading', { level: 1, name: 'Tell us more' });
  await step.waitFor({ timeout: 20_000 }).catch(() => undefined);
  if (!(await step.isVisible())) {
    const instead = `${page.url()}: ${(await heading.allTextContents()).join(' | ') || 'no heading'}`;
    await page.close();
    return { text: '', photos: 0, drawn: true, instead };
  }
  const box = page.getByRole('textbox', { name: /Describe what you need or what is wrong/ });
  const text = await box.inputValue();
  const photos = page.getByRole('img', { name: /^Photo \d+ that you added$/ });
  const count = await photos.count();
  const drawn =
    count === 0 ||
    (await photos.evaluateAll((imgs) =>
      imgs.every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0),
    ));
  await page.close();
  return { text, photos: count, drawn };
}

export async function runDraftKills(
  browser: Browser,
  baseURL: string,
  options: { seed: number; kills: number; log: (line: string) => void },
): Promise<DraftKillResult> {
  const random = mulberry32(options.seed);
  options.log(`drafts: seed ${options.seed}, ${options.kills} kills`);
  const context = await browser.newContext({ baseURL });
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const folder = mkdtempSync(path.join(tmpdir(), 'civic-draft-kill-'));
  const bigPhoto = path.join(folder, 'large.png');
  // Large enough that resizing it takes the app a while: the kill lands mid-processing.
  writeFileSync(bigPhoto, makePng(options.seed % 991, 2400, 1800));
  await new CitizenApp(await context.newPage()).open();
  const problems: string[] = [];
  let restored = 0;
  let duringPhoto = 0;
  let complete = 0;
  let photoKept = 0;
  for (let n = 1; n <= options.kills; n++) {
    const page = context.pages()[0] ?? (await context.newPage());
    const app = new CitizenApp(page);
    await page.goto('/');
    const form = await app.startRequest(POTHOLE.service);
    for (const { question, answer } of POTHOLE.answers) await form.choose(question, answer);
    await form.continue('Tell us more');
    const id = form.draftId();
    const text = sentence(random, n);
    const typed: Typed[] = [];
    const withPhoto = random() < 0.3;
    let killAt: number;
    if (withPhoto) {
      // Some words, then a photo; the kill comes while it is being read and resized.
      await typeUntilKilled(page, text.slice(0, between(random, 10, text.length)), typed);
      await page.getByLabel('Choose a photo').setInputFiles(bigPhoto);
      await sleep(between(random, 0, 1_200));
      killAt = Date.now();
      duringPhoto++;
    } else {
      const typing = typeUntilKilled(page, text, typed).catch(() => undefined);
      await sleep(between(random, 200, 2_500));
      killAt = Date.now();
      await crash(context, page);
      await typing;
    }
    if (withPhoto) await crash(context, page);
    const back = await reopen(context, id);
    const saved = typed.filter((t) => t.at <= killAt - SAVED_WITHIN_MS).pop()?.length ?? 0;
    const all = typed.at(-1)?.length ?? 0;
    const wrong: string[] = back.instead ? [`reopened, it showed ${back.instead}`] : [];
    if (!text.startsWith(back.text)) wrong.push(`text ${JSON.stringify(back.text)} was never typed`);
    if (back.text.length < saved)
      wrong.push(`${back.text.length} of ${saved} characters saved before the kill`);
    if (back.photos > 1 || !back.drawn) wrong.push(`${back.photos} photos, drawn: ${back.drawn}`);
    if (wrong.length) problems.push(`draft ${n} (${id}): ${wrong.join('; ')}`);
    else restored++;
    if (back.text.length >= all && wrong.length === 0) complete++;
    if (withPhoto && back.photos === 1) photoKept++;
  }
  await context.close();
  const line = `drafts: killed ${options.kills}, restored ${restored} (${duringPhoto} during photo processing, of which ${photoKept} kept the photo; ${complete} with every keystroke) (seed ${options.seed})`;
  options.log(line);
  return { killed: options.kills, restored, duringPhoto, complete, photoKept, problems, line };
}
