/**
 * Characters the Markdown parsers have looked at since the counter was last reset: the block parser
 * counts the new text it searches for line ends and the prefix (indentation, markers) it reads to
 * classify a line; the inline parser counts the span it tokenizes. Tests read it to prove that a
 * streamed reply costs work linear in its length; it costs one addition per parse step.
 */
export const parseStats = { scanned: 0 };
