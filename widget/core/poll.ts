/** The longest pause between two polls. */
const MAX_POLL_MS = 120_000;

/** A backing-off poll, see {@link createPoll}. */
export interface Poll {
  /** Starts polling for one more watcher; returns the function that stops it (once). */
  watch(): () => void;
  /** Polls at once and goes back to the first pace (the page became visible again, or online). */
  now(): void;
  /** Cancels the next poll. */
  stop(): void;
}

/**
 * Runs `check` every `everyMs` while someone watches and `can()` says so, doubling the pause while
 * `check` finds nothing new, up to 2 min. `everyMs` 0: never.
 */
export function createPoll(everyMs: number, can: () => boolean, check: () => Promise<boolean>): Poll {
  let watchers = 0;
  let interval = everyMs;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function next(wait = interval): void {
    clearTimeout(timer);
    timer =
      watchers > 0 && everyMs > 0 && can()
        ? setTimeout(async () => {
            interval = (await check()) ? everyMs : Math.min(interval * 2, MAX_POLL_MS);
            next();
          }, wait)
        : undefined;
  }

  return {
    watch() {
      watchers++;
      interval = everyMs;
      next();
      let watching = true;
      return () => {
        if (watching) (watching = false), watchers--, next();
      };
    },
    now() {
      interval = everyMs;
      next(0);
    },
    stop: () => clearTimeout(timer),
  };
}
