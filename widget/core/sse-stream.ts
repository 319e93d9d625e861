import { createParser } from 'eventsource-parser';
import { StreamError, isAbort } from './errors.js';
import type { ChatStreamEvent } from './types.js';

/**
 * Characters read between two pauses for the event loop. A burst (a reply arriving faster than the
 * page reads it, thousands of events at once) is read in slices, each its own task, so that it
 * never becomes one long task: rendering and input get their turns in between.
 */
export const READ_SLICE = 16_384;

/** Options of {@link readChatEvents}. */
export interface ReadChatEventsOptions {
  /** Fail with a `StreamError` (`idle_timeout`) when no byte arrives for this long. Keep-alive comments count as bytes. */
  readonly idleTimeoutMs?: number;
}

/**
 * Reads an Agento SSE body into typed events. Comments, `event:` names, unknown types and
 * unparsable data are skipped, never fatal; `data: [DONE]` counts as done. The iterable ends
 * when the body ends, whether or not `done` came: the caller decides what a missing `done` means.
 */
export async function* readChatEvents(
  body: ReadableStream<Uint8Array>,
  { idleTimeoutMs }: ReadChatEventsOptions = {},
): AsyncGenerator<ChatStreamEvent> {
  const queue: ChatStreamEvent[] = [];
  const parser = createParser({
    onEvent: ({ data }) => {
      const event = toChatEvent(data);
      if (event) queue.push(event);
    },
  });
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let read = 0;
  try {
    for (;;) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const { done, value } = await Promise.race([
        reader.read(),
        new Promise<never>((_, reject) => {
          // Silence this long (not even a keep-alive comment) cuts the reply.
          if (idleTimeoutMs) timer = setTimeout(() => reject(new StreamError('idle_timeout', `No data from the server for ${Math.round(idleTimeoutMs / 1000)} s.`)), idleTimeoutMs);
        }),
      ])
        .finally(() => clearTimeout(timer))
        .catch((cause: unknown) => {
          // A dropped connection is a cut reply, like a missing `done`; an abort stays an abort.
          throw cause instanceof StreamError || isAbort(cause)
            ? cause
            : new StreamError('interrupted', 'The connection dropped during the reply.', { cause });
        });
      // A trailing event without its blank line is still an event: be tolerant at the end.
      const text = done ? decoder.decode() + '\n\n' : decoder.decode(value, { stream: true });
      for (let i = 0; i < text.length; i += READ_SLICE) {
        const slice = text.slice(i, i + READ_SLICE);
        // Counted across chunks: chunks that arrived together are read in one task too.
        if ((read += slice.length) > READ_SLICE) (read = slice.length), await new Promise((resolve) => setTimeout(resolve));
        parser.feed(slice);
        for (const event of queue.splice(0)) yield event;
      }
      if (done) return;
    }
  } finally {
    // Reached on completion, on a consumer's `break` and on errors: release the connection either way.
    reader.cancel().catch(() => {});
  }
}

/** `value` when it is a string. */
const string = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Maps one `data:` payload to an event, or null for anything the widget does not use. */
export function toChatEvent(data: string): ChatStreamEvent | null {
  let event: { type?: unknown; content?: unknown; message?: unknown; error?: { code?: unknown; message?: unknown } } | null;
  try {
    event = data.trim() === '[DONE]' ? { type: 'done' } : JSON.parse(data);
  } catch {
    return null;
  }
  // Numbers, strings and arrays have no `type` either: only `null` needs the `?.`.
  switch (event?.type) {
    case 'text':
      return typeof event.content === 'string' ? { type: 'text', content: event.content } : null;
    case 'done':
      return { type: 'done' };
    case 'error':
      return {
        type: 'error',
        code: string(event.error?.code) ?? 'agent_error',
        message: string(event.error?.message) ?? string(event.message) ?? 'The agent could not finish its reply.',
      };
    default:
      return null;
  }
  return null;
}
