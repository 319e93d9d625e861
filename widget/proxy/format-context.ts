import type { Visitor } from './types.js';

/** The most context Agento accepts, in characters, after formatting. */
export const MAX_CONTEXT_LENGTH = 2000;

/**
 * Turns a visitor's context into the text sent to Agento.
 *
 * - A string is kept as is; an object becomes one `key: value` line per entry, in insertion
 *   order. `null` and `undefined` values are skipped, objects and arrays are JSON-encoded, and
 *   line breaks inside keys and values become spaces so a value cannot forge another line.
 * - Longer than {@link MAX_CONTEXT_LENGTH}: cut after the last whole line that fits, so the agent
 *   never sees half a line. A first line that alone is too long is cut at the limit.
 * - Empty: `undefined`, and no context is sent.
 */
export function formatContext(context: Visitor['context']): string | undefined {
  if (context === undefined || context === null) return undefined;
  const text = typeof context === 'string' ? context : toLines(context);
  return text === '' ? undefined : truncate(text);
}

function toLines(context: Readonly<Record<string, unknown>>): string {
  return Object.entries(context)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${oneLine(key)}: ${oneLine(valueText(value))}`)
    .join('\n');
}

function valueText(value: unknown): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}

function truncate(text: string): string {
  if (text.length <= MAX_CONTEXT_LENGTH) return text;
  const lastBreak = text.lastIndexOf('\n', MAX_CONTEXT_LENGTH);
  if (lastBreak > 0) return text.slice(0, lastBreak).replace(/\r$/, '');
  // One over-long line: cut at the limit, but never through a surrogate pair.
  const end = isHighSurrogate(text.charCodeAt(MAX_CONTEXT_LENGTH - 1)) ? MAX_CONTEXT_LENGTH - 1 : MAX_CONTEXT_LENGTH;
  return text.slice(0, end);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
