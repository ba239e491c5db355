/**
 * Prints Lighthouse accessibility and best-practices scores for the citizen's
 * home, a form (after "Start now") and My requests, against the built app on
 * the real server. Performance is left out on purpose: on this kind of
 * machine its score swings with CPU load (see TOOLCHAIN.md); sizes are
 * measured by bytes in bench/bundle-size.ts instead.
 */
import { spawn, execSync } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { startFlow } from 'lighthouse';

const CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const executablePath = process.env.CHROME_PATH ?? CHROMIUMS.find((p) => existsSync(p));
if (!executablePath) {
  console.log('Lighthouse: skipped, no Chromium found (set CHROME_PATH).');
  process.exit(0);
}

execSync('node scripts/build-if-needed.mjs', { stdio: 'ignore' });
const port = 21000 + (process.pid % 9000);
const base = `http://localhost:${port}`;
const server = spawn(process.execPath, ['dist-server/main.js'], {
  env: { ...process.env, PORT: String(port), DATA_DIR: mkdtempSync(path.join(tmpdir(), 'civic-lh-')) },
  stdio: 'ignore',
});

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not start');
}

try {
  await waitForServer();
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const page = await browser.newPage();
  const flow = await startFlow(page, {
    config: {
      extends: 'lighthouse:default',
      settings: { onlyCategories: ['accessibility', 'best-practices'] },
    },
  });
  await flow.navigate(base + '/', { name: 'Home' });
  await page.goto(base + '/services/pothole');
  const start = await page.waitForSelector('::-p-aria(Start now)');
  await start?.click();
  await page.waitForSelector('::-p-aria(Answer a few questions)');
  await flow.snapshot({ name: 'A form (first step)' });
  await flow.navigate(base + '/requests', { name: 'My requests' });
  const result = await flow.createFlowResult();
  console.log('Lighthouse 12 scores (0–100):');
  for (const step of result.steps) {
    const c = step.lhr.categories;
    const score = (k: string) => Math.round((c[k]?.score ?? 0) * 100);
    console.log(
      `  ${step.name.padEnd(22)} accessibility ${score('accessibility')}  best practices ${score('best-practices')}`,
    );
  }
  await browser.close();
} finally {
  server.kill();
}
