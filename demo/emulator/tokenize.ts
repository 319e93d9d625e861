/**
 * Splits a reply into tokens roughly the size a language model streams: one word with the
 * whitespace after it. Joining the tokens gives the text back exactly.
 */
export function tokenize(text: string): string[] {
  return text.match(/^\s+|\S+\s*/g) ?? [];
}
