/**
 * The device's storage as a whole: asking the browser to keep our data
 * (persistent storage, so drafts and the outbox are not evicted under
 * pressure) and how much space is used, for the settings page. A write that
 * finds the disk full throws StorageFullError (errors.ts).
 */
export { StorageFullError, DataError, type DataErrorCode } from './errors';

export interface StorageUse {
  /** Bytes this origin uses. */
  readonly usage: number;
  /** Bytes the browser would let it use. */
  readonly quota: number;
  readonly persisted: boolean;
}

function storageManager(): StorageManager | undefined {
  // Absent in old browsers and in non-secure contexts.
  return (globalThis as { navigator?: { storage?: StorageManager } }).navigator?.storage;
}

/** True when the browser promises not to evict our data. Never throws. */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = storageManager();
  if (!storage?.persist) return false;
  try {
    if (await storage.persisted()) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}

/** Usage and quota, or undefined where the browser does not say. */
export async function storageEstimate(): Promise<StorageUse | undefined> {
  const storage = storageManager();
  if (!storage?.estimate) return undefined;
  try {
    const [estimate, persisted] = await Promise.all([storage.estimate(), storage.persisted?.() ?? false]);
    return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, persisted };
  } catch {
    return undefined;
  }
}
