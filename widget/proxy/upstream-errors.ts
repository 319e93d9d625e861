import { AgentoProxyError } from './errors.js';

/** The upstream headers the browser may see: rate-limit state and when to retry. */
export function passedOn(upstream: Headers): Headers {
  const headers = new Headers();
  upstream.forEach((value, name) => {
    if (name.startsWith('x-ratelimit-') || name === 'retry-after') headers.set(name, value);
  });
  return headers;
}

export function transportError(error: unknown, client: AbortSignal, timeout: AbortSignal): AgentoProxyError {
  if (error instanceof AgentoProxyError) return error;
  if (client.aborted) return new AgentoProxyError(499, 'client_closed', 'The client went away', { cause: error });
  if (timeout.aborted) {
    return new AgentoProxyError(504, 'upstream_timeout', 'The chat service took too long to answer', { cause: error });
  }
  return new AgentoProxyError(502, 'upstream_unreachable', 'The chat service cannot be reached', { cause: error });
}

/**
 * Maps an upstream error answer to what the browser may know. Upstream's own message is kept
 * for the `onError` hook only: an auth failure is about our key, not the visitor.
 */
export async function upstreamError(response: Response, aboutSession: boolean): Promise<AgentoProxyError> {
  const body = (await response.json().catch(() => null)) as { error?: { code?: unknown; message?: unknown } } | null;
  const cause = new Error(
    `Agento answered ${response.status}: ${String(body?.error?.code ?? '')} ${String(body?.error?.message ?? '')}`.trim(),
  );
  const headers = passedOn(response.headers);
  const options = { cause, headers };

  switch (response.status) {
    case 401:
    case 403:
      return new AgentoProxyError(502, 'upstream_auth', 'The chat service is not set up correctly', options);
    case 404:
      return aboutSession
        ? new AgentoProxyError(404, 'session_not_found', 'This conversation no longer exists', options)
        : new AgentoProxyError(502, 'upstream_not_found', 'The chat service is not set up correctly', options);
    case 429:
      return new AgentoProxyError(429, 'rate_limited', 'Too many requests, please try again later', options);
    case 503:
      return new AgentoProxyError(503, 'upstream_unavailable', 'The chat service is unavailable, please try again later', options);
    default:
      return new AgentoProxyError(502, 'upstream_error', 'The chat service failed to answer', options);
  }
}

export function invalidAnswer(detail: string): AgentoProxyError {
  return new AgentoProxyError(502, 'upstream_invalid', 'The chat service gave an unexpected answer', {
    cause: new Error(detail),
  });
}
