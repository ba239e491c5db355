/**
 * A lock file holding the owner's process id. PGlite's data folder may be
 * opened by one process at a time; a stale lock (its process gone) is taken over.
 */
import { open, readFile, rm } from 'node:fs/promises';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function tryCreate(file: string): Promise<boolean> {
  try {
    const handle = await open(file, 'wx');
    await handle.writeFile(String(process.pid));
    await handle.close();
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/** Takes the lock or throws naming the process that holds it; resolves to a release function. */
export async function acquireFolderLock(file: string): Promise<() => Promise<void>> {
  if (!(await tryCreate(file))) {
    const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid))
      throw new Error(
        `the database in ${file.replace(/\.lock$/, '')} is in use by process ${pid}; stop it first`,
      );
    await rm(file, { force: true });
    if (!(await tryCreate(file))) throw new Error(`could not lock ${file}`);
  }
  return () => rm(file, { force: true });
}
