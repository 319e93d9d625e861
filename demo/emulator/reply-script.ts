import { sseFrames } from './sse-frames.js';
import { tokenize } from './tokenize.js';
import type { EmulatorFaults } from './types.js';

/** One thing the stream does: wait, then write a chunk; or wait, then drop the connection. */
export type ScriptStep =
  | { readonly delayMs: number; readonly chunk: string }
  | { readonly delayMs: number; readonly drop: true };

/** A reply stream planned in full before it plays, so faults are easy to reason about and test. */
export interface ReplyScript {
  readonly steps: readonly ScriptStep[];
  /** How the stream ends when the client stays: with `done`, cut short, or with an `error` event. */
  readonly outcome: 'done' | 'cut' | 'error';
}

/**
 * Plans the SSE stream of a reply: a `text` event per token, each after `nextDelay()` ms, then
 * `done`, with the faults applied. A cut or error fault always ends the stream without `done`, even
 * when the reply is shorter than the token count.
 */
export function scriptReply(reply: string, faults: EmulatorFaults, nextDelay: () => number): ReplyScript {
  const frames = sseFrames(faults.crlf);
  const tokens = tokenize(reply);
  const steps: ScriptStep[] = [];
  const write = (chunk: string, delayMs = 0) => steps.push({ delayMs, chunk });

  const errorAt = faults.errorAfterTokens;
  const cutAt = faults.cutAfterTokens;
  const outcome = errorAt !== undefined && (cutAt === undefined || errorAt <= cutAt) ? 'error' : cutAt !== undefined ? 'cut' : 'done';
  const sent = Math.min(tokens.length, (outcome === 'error' ? errorAt : cutAt) ?? Infinity);
  const middle = Math.floor(sent / 2);

  if (faults.unknownEvents) write(frames.data({ type: 'thinking', content: 'Reading the message…' }));
  tokens.slice(0, sent).forEach((content, index) => {
    if (faults.unknownEvents && index === middle) {
      write(frames.data({ type: 'tool_call', id: 'call_1', name: 'search_docs', arguments: { query: 'agento' } }));
      write(frames.data({ type: 'foo', note: 'an event with its own name' }, 'foo'));
    }
    write(frames.data({ type: 'text', content }), nextDelay());
    if (faults.ping) write(frames.comment('ping'));
  });

  if (outcome === 'error') {
    write(frames.data({ type: 'error', error: { code: 'agent_failed', message: 'The agent failed while answering (emulated fault).' } }));
  } else if (outcome === 'cut') {
    if (faults.cutMode === 'abort') steps.push({ delayMs: 0, drop: true });
  } else {
    if (faults.unknownEvents) write(frames.data({ type: 'sources', sources: [{ title: 'Agento', url: 'https://agento.host' }] }));
    write(faults.doneSentinel ? frames.doneSentinel() : frames.data({ type: 'done' }), nextDelay());
  }
  return { steps, outcome };
}
