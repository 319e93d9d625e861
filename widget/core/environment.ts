import { signal, type ReadonlySignal } from '@preact/signals-core';

/**
 * A boolean that follows the browser: `read` again on each of `events` at `target`, until `until`
 * aborts. Without a target (server-side rendering, workers) it keeps its first value.
 */
function follow(read: () => boolean, target: EventTarget | undefined, events: readonly string[], until: AbortSignal): ReadonlySignal<boolean> {
  const value = signal(read());
  for (const name of events) target?.addEventListener?.(name, () => (value.value = read()), { signal: until });
  return value;
}

/** Whether the browser says it is online (`navigator.onLine`), kept current by `online` / `offline`. */
export const followOnline = (until: AbortSignal) =>
  follow(() => globalThis.navigator?.onLine !== false, globalThis as unknown as EventTarget, ['online', 'offline'], until);

/** Whether the page is visible (`document.visibilityState`), kept current by `visibilitychange`. */
export const followVisible = (until: AbortSignal) =>
  follow(() => globalThis.document?.visibilityState !== 'hidden', globalThis.document, ['visibilitychange'], until);
