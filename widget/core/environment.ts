import { signal, type ReadonlySignal } from '@preact/signals-core';

/**
 * A boolean that follows the browser: `read` again on each of `events` at `target`. Without a
 * target (server-side rendering, workers) it keeps its first value. Returns it and the function
 * that stops following.
 */
function follow(read: () => boolean, target: EventTarget | undefined, events: readonly string[]): [ReadonlySignal<boolean>, () => void] {
  const value = signal(read());
  const update = () => void (value.value = read());
  for (const name of events) target?.addEventListener?.(name, update);
  return [value, () => events.forEach((name) => target?.removeEventListener?.(name, update))];
}

/** Whether the browser says it is online (`navigator.onLine`), kept current by `online` / `offline`. */
export const followOnline = () =>
  follow(() => globalThis.navigator?.onLine !== false, globalThis as unknown as EventTarget, ['online', 'offline']);

/** Whether the page is visible (`document.visibilityState`), kept current by `visibilitychange`. */
export const followVisible = () =>
  follow(() => globalThis.document?.visibilityState !== 'hidden', globalThis.document, ['visibilitychange']);
