/**
 * An error the proxy answers with. `message` is what the browser sees, so it never holds
 * details of the upstream call; `cause` keeps those for the {@link AgentoProxyOptions.onError} hook.
 */
export class AgentoProxyError extends Error {
  override name = 'AgentoProxyError' as const;
  /** The HTTP status of the answer. */
  readonly status: number;
  /** Machine-readable, for example `forbidden_session`. */
  readonly code: string;
  /** Extra answer headers, for example `Retry-After`. */
  readonly headers: HeadersInit | undefined;

  constructor(status: number, code: string, message: string, options?: { cause?: unknown; headers?: HeadersInit }) {
    super(message, options);
    this.status = status;
    this.code = code;
    this.headers = options?.headers;
  }
}

/** A JSON answer that no cache keeps and no browser sniffs. */
export function jsonResponse(body: unknown, status = 200, headers?: HeadersInit): Response {
  const merged = new Headers(headers);
  merged.set('Content-Type', 'application/json; charset=utf-8');
  merged.set('Cache-Control', 'no-store');
  merged.set('X-Content-Type-Options', 'nosniff');
  return new Response(JSON.stringify(body), { status, headers: merged });
}

/** The contract's error shape: `{ "error": { "code", "message" } }`. */
export function errorResponse(error: AgentoProxyError): Response {
  return jsonResponse({ error: { code: error.code, message: error.message } }, error.status, error.headers);
}

/** Anything unexpected: the browser learns nothing but that it failed. */
export function internalError(cause: unknown): AgentoProxyError {
  return new AgentoProxyError(500, 'internal', 'Internal error', { cause });
}
