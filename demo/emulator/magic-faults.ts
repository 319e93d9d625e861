import type { EmulatorFaults } from './types.js';

/**
 * Faults a message can switch on for its own reply, so a browser demo can show every failure:
 * `/fault cut`, `/fault error ping tell me a story`, … Several names may follow `/fault`; the rest
 * of the message is answered as usual.
 */
export const MAGIC_FAULTS = {
  /** The stream ends after 8 tokens without `done`. */
  cut: { cutAfterTokens: 8 },
  /** The connection drops after 8 tokens. */
  drop: { cutAfterTokens: 8, cutMode: 'abort' },
  /** An `error` event after 8 tokens. */
  error: { errorAfterTokens: 8 },
  /** `429` with `Retry-After: 5`. */
  '429': { status: 429 },
  /** `500` with a JSON error. */
  '500': { status: 500 },
  /** 750 ms between tokens. */
  slow: { tokenDelayMs: 750 },
  /** No answer at all for 60 s (upstream timeout). */
  stall: { responseDelayMs: 60_000 },
  /** CRLF line endings. */
  crlf: { crlf: true },
  /** `: ping` comments between tokens. */
  ping: { ping: true },
  /** `thinking`, `tool_call`, `sources` and `event: foo` events interleaved. */
  unknown: { unknownEvents: true },
  /** `data: [DONE]` instead of `{"type":"done"}`. */
  done: { doneSentinel: true },
} as const satisfies Record<string, EmulatorFaults>;

export type MagicFaultName = keyof typeof MAGIC_FAULTS;

/** A message with its magic words taken apart. */
export interface ParsedMagic {
  readonly faults: EmulatorFaults;
  readonly names: readonly MagicFaultName[];
  /** The message without `/fault` and the fault names. */
  readonly message: string;
}

const isMagicName = (word: string): word is MagicFaultName => Object.hasOwn(MAGIC_FAULTS, word);

/** Splits `/fault cut ping hello` into the faults `cut` and `ping` and the message `hello`. */
export function parseMagicFaults(message: string): ParsedMagic {
  const match = /^\s*\/fault\b(.*)$/is.exec(message);
  if (!match) return { faults: {}, names: [], message };

  const words = (match[1] ?? '').trim().split(/(\s+|,)/);
  const names: MagicFaultName[] = [];
  let index = 0;
  for (; index < words.length; index++) {
    const word = (words[index] ?? '').toLowerCase();
    if (word.trim() === '' || word === ',') continue;
    if (!isMagicName(word)) break;
    names.push(word);
  }
  const faults: EmulatorFaults = Object.assign({}, ...names.map((name) => MAGIC_FAULTS[name]));
  return { faults, names, message: words.slice(index).join('').trim() };
}
