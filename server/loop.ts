/**
 * A background job run at start and then `intervalMs` after each run ends,
 * never two at once; a failed run is logged and the next one goes ahead.
 * The media worker and the contact retention sweep run on it.
 */
export interface Loop {
  /** Stops the timer and waits for a run in progress to end. */
  stop(): Promise<void>;
}

export function startLoop(run: () => Promise<void>, intervalMs: number, failure: string): Loop {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = run().catch((err: unknown) => console.error(`${failure}:`, err));
    void running.then(() => {
      if (!stopped) timer = setTimeout(tick, intervalMs);
    });
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
