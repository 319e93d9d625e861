import { abortableDelay } from './abortable-delay.js';
import type { ReplyScript } from './reply-script.js';

/** What the player reports; exactly one of the two is called, once. */
export interface PlayHooks {
  /** The client went away (request aborted or body cancelled) before the script ended. */
  onAbort(): void;
  /** The script played to its end, or to its planned drop. */
  onEnd(outcome: ReplyScript['outcome']): void;
}

/**
 * Plays a reply script as a byte stream, waiting before each step. Pull-based with no read-ahead,
 * so a client that stops reading or leaves stops the script: both the request's `signal` and the
 * stream's `cancel()` count as the client leaving, since adapters signal it one way or the other.
 */
export function playScript(script: ReplyScript, signal: AbortSignal, hooks: PlayHooks): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const stop = new AbortController();
  let index = 0;
  let settled = false;

  const settle = (report: () => void) => {
    if (settled) return;
    settled = true;
    report();
  };
  const leave = () =>
    settle(() => {
      stop.abort(new Error('The client went away.'));
      hooks.onAbort();
    });

  /** The script's own end: a clean close, or the connection dropped on purpose. */
  const finish = (controller: ReadableStreamDefaultController<Uint8Array>, drop = false) => {
    settle(() => hooks.onEnd(script.outcome));
    signal.removeEventListener('abort', leave);
    if (drop) controller.error(new Error('Connection dropped (emulated fault).'));
    else controller.close();
  };

  if (signal.aborted) leave();
  else signal.addEventListener('abort', leave, { once: true });

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const step = script.steps[index++];
        if (!step) return finish(controller); // an empty script, e.g. a cut after 0 tokens
        try {
          await abortableDelay(step.delayMs, stop.signal);
        } catch (reason) {
          controller.error(reason); // a no-op once cancelled; ends the body if only the signal fired
          return;
        }
        if ('drop' in step) return finish(controller, true);
        controller.enqueue(encoder.encode(step.chunk));
        if (index === script.steps.length) finish(controller);
      },
      cancel: leave,
    },
    { highWaterMark: 0 },
  );
}
