/**
 * A new version of the app lands mid-run (pages/next-version.ts serves a
 * byte-different sw.js through the proxy): the device's tab asks the browser
 * to look for it, the person presses "Update now", the page reloads under the
 * new worker — all while its outbox is being flushed.
 */
import type { NextVersionServer } from '../pages/next-version';
import type { Device } from './device';
import { sleep } from './random';

/** True once the device runs the released worker (it took control and nothing waits). */
export async function updateWorker(device: Device, proxy: NextVersionServer): Promise<boolean> {
  const page = device.tab(0);
  proxy.release();
  const banner = page.getByRole('status').filter({ hasText: 'A new version of Civic Desk is ready.' });
  const before = proxy.servedNext;
  for (let attempt = 0; attempt < 5 && !(await banner.isVisible()); attempt++) {
    // The server may be down this very second (the proxy answers 502): look again a little later.
    await page
      .evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update())
      .catch(() => undefined);
    await banner.waitFor({ timeout: 5_000 }).catch(() => undefined);
    if (!(await banner.isVisible())) await sleep(1_000);
  }
  if (proxy.servedNext === before || !(await banner.isVisible())) return false;
  const reloaded = page.waitForEvent('load', { timeout: 30_000 });
  await banner.getByRole('button', { name: 'Update now' }).click();
  await reloaded;
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return reg !== undefined && reg.waiting === null && reg.active !== null;
  });
}
