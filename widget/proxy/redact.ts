const MAX_DEPTH = 5;

/**
 * A copy of `value` (an error and its causes, or a string) with every occurrence of `secret`
 * replaced, safe to hand to logging code. Errors keep `name`, `message`, `stack`, a string
 * `code` (such as `ECONNREFUSED`) and `cause`.
 */
export function redact(value: unknown, secret: string, depth = 0): unknown {
  const scrub = (text: string) => text.split(secret).join('[redacted]');
  if (typeof value === 'string') return scrub(value);
  if (!(value instanceof Error)) return value;

  const cause = depth < MAX_DEPTH ? redact(value.cause, secret, depth + 1) : undefined;
  const copy = new Error(scrub(value.message), cause === undefined ? undefined : { cause });
  copy.name = value.name;
  copy.stack = value.stack === undefined ? undefined : scrub(value.stack);
  const code = (value as { code?: unknown }).code;
  if (typeof code === 'string') Object.assign(copy, { code: scrub(code) });
  return copy;
}
