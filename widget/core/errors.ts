/** Base of every error the widget reports. `code` is machine-readable; `message` is for developers. */
export class AgentoError extends Error {
  override name: 'AgentoError' | 'HttpError' | 'NetworkError' | 'StreamError' = 'AgentoError';
  // `declare`: assigned in the constructor, so no class field needs emitting (bytes).
  declare readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** The proxy answered with a non-success status. */
export class HttpError extends AgentoError {
  override name = 'HttpError' as const;
  declare readonly status: number;
  /** Milliseconds to wait before trying again, when the server said: `Retry-After`, or `X-RateLimit-Reset` on a 429. */
  declare readonly retryAfter: number | undefined;

  constructor(status: number, code: string, message: string, retryAfter?: number, options?: { cause?: unknown }) {
    super(code, message, options);
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

/** The request never got an answer: DNS, CORS, connection refused (`network_error`), or the browser is offline (`offline`: nothing was sent). */
export class NetworkError extends AgentoError {
  override name = 'NetworkError' as const;
  constructor(message: string, options?: { cause?: unknown }, code: 'network_error' | 'offline' = 'network_error') {
    super(code, message, options);
  }
}

/** The reply stream broke: cut before `done`, an `error` event, or silence past the idle timeout. */
export class StreamError extends AgentoError {
  override name = 'StreamError' as const;
}

/**
 * Milliseconds until a retry is allowed, from `Retry-After` (seconds or HTTP date) or, with `reset`,
 * `X-RateLimit-Reset` (Unix seconds).
 */
export function retryAfterFrom(headers: Headers, now = Date.now(), reset = true): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const at = reset ? Number(headers.get('x-ratelimit-reset')) : 0;
  if (at > 0) return Math.max(0, at * 1000 - now);
  return undefined;
}

/** Builds an {@link HttpError} from a non-success response, reading its JSON error body when there is one. */
export async function httpErrorFrom(response: Response): Promise<HttpError> {
  const { status } = response;
  let code = `http_${status}`;
  let message = response.statusText || `HTTP ${status}`;
  try {
    // A body of `null` throws here too: the status says enough then.
    const error: { code?: unknown; message?: unknown } = (await response.json()).error ?? {};
    if (typeof error.code === 'string') code = error.code;
    if (typeof error.message === 'string') message = error.message;
  } catch {
    // Not JSON (a gateway's HTML page, say): the status says enough.
  }
  // Agento puts X-RateLimit-Reset on every answer: it says when to come back only on a 429.
  return new HttpError(status, code, message, retryAfterFrom(response.headers, undefined, status === 429));
}

/** Whether `error` is the rejection of an aborted signal or fetch. */
export const isAbort = (error: unknown): boolean => (error as { name?: string } | null)?.name === 'AbortError';

/** `error` as an {@link AgentoError}: itself, or wrapped with the code `unexpected`. */
export const toAgentoError = (error: unknown): AgentoError =>
  error instanceof AgentoError ? error : new AgentoError('unexpected', String((error as Error)?.message ?? error), { cause: error });
