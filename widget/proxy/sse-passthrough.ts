const KEEP_ALIVE = new TextEncoder().encode(': keep-alive\n\n');
const CR = 0x0d;
const LF = 0x0a;

/** Options of {@link passThroughSse}. */
export interface SsePassThroughOptions {
  /** Silence after which `: keep-alive` is sent; `0` never sends one. */
  readonly keepAliveMs: number;
  /** Called when the reader of the result goes away, to abort the upstream request. */
  readonly onCancel: () => void;
}

/**
 * Passes an SSE body through byte for byte, each chunk as soon as it arrives (pull-based, so a
 * slow client slows the upstream read instead of filling memory).
 *
 * After `keepAliveMs` of upstream silence it adds a `: keep-alive` comment so proxies and
 * browsers keep the connection open, but only where an event has just ended (or before the
 * first one): a comment in the middle of a line would corrupt it.
 */
export function passThroughSse(body: ReadableStream<Uint8Array>, options: SsePassThroughOptions): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let tail: number[] = []; // the last bytes passed, enough to see a blank line
  let timer: ReturnType<typeof setTimeout> | undefined;

  const stopKeepAlive = () => clearTimeout(timer);
  const scheduleKeepAlive = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    stopKeepAlive();
    if (options.keepAliveMs <= 0) return;
    timer = setTimeout(() => {
      if (endsWithBlankLine(tail)) controller.enqueue(KEEP_ALIVE.slice()); // a fresh copy: readers may take ownership
      scheduleKeepAlive(controller);
    }, options.keepAliveMs);
  };

  return new ReadableStream<Uint8Array>(
    {
      start: scheduleKeepAlive,
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            stopKeepAlive();
            controller.close();
            return;
          }
          tail = [...tail, ...value.subarray(-4)].slice(-4);
          controller.enqueue(value);
          scheduleKeepAlive(controller);
        } catch (error) {
          stopKeepAlive();
          throw error;
        }
      },
      async cancel(reason) {
        stopKeepAlive();
        options.onCancel();
        await reader.cancel(reason).catch(() => {}); // already errored by the abort: nothing left to release
      },
    },
    { highWaterMark: 0 },
  );
}

/** True before anything was passed, or when the bytes end with an empty line (`\n`, `\r\n` or `\r` endings). */
function endsWithBlankLine(tail: readonly number[]): boolean {
  if (tail.length === 0) return true;
  let end = tail.length; // drop the final line ending (CRLF counts as one)…
  if (tail[end - 1] === LF) end -= 1;
  if (tail[end - 1] === CR) end -= 1;
  if (end === tail.length) return false;
  return end === 0 || tail[end - 1] === LF || tail[end - 1] === CR; // …then look for another right before it
}
