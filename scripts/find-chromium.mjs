// Finds a Chromium for Playwright: Playwright's own when installed, else Debian's.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export function findChromium() {
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return { path: own, own: true };
  } catch {
    // Playwright's browsers are not installed.
  }
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (existsSync(p)) return { path: p, own: false };
  }
  return undefined;
}
