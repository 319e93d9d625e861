/** Agento's limit on the context, counted after formatting. */
export const MAX_CONTEXT_LENGTH = 2000;

/**
 * Formats a request's `context` the way Agento describes it: a string as is, an object as
 * `key: value` lines (non-string values as JSON). Returns `undefined` for no context and `null`
 * for a value that cannot be a context (a number, an array).
 */
export function formatContext(context: unknown): string | undefined | null {
  if (context === undefined || context === null) return undefined;
  if (typeof context === 'string') return context;
  if (typeof context !== 'object' || Array.isArray(context)) return null;
  return Object.entries(context)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('\n');
}

/** Reads one `key: value` line of a formatted context, e.g. the visitor's `name`. */
export function contextValue(context: string | undefined, key: string): string | undefined {
  for (const line of context?.split('\n') ?? []) {
    const colon = line.indexOf(':');
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === key) return line.slice(colon + 1).trim() || undefined;
  }
  return undefined;
}
