import { AgentoProxyError } from './errors.js';

/** What the browser may send to `POST …/messages`; anything else in the body is ignored. */
export interface SendRequest {
  readonly message: string;
  /** A session token, or undefined for the visitor's default session. */
  readonly sessionId: string | undefined;
}

/** What the browser may ask of `GET …/messages`. */
export interface HistoryRequest {
  readonly sessionId: string;
  /** ISO 8601, normalised. */
  readonly since: string | undefined;
  readonly limit: number | undefined;
  readonly offset: number | undefined;
}

/**
 * Reads and checks a send body. Requiring `application/json` is what makes a cross-site form
 * post impossible: a browser only sends that type cross-origin after a CORS preflight.
 */
export async function readSendRequest(request: Request, maxMessageLength: number): Promise<SendRequest> {
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new AgentoProxyError(415, 'unsupported_media_type', 'Send the body as application/json');
  }
  // Worst case JSON spends 6 bytes per character (`\uXXXX`); the rest is room for the other fields.
  const text = await readText(request, maxMessageLength * 6 + 4096);

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw badRequest('The body is not valid JSON');
  }
  const { message, sessionId } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (typeof message !== 'string' || message.trim() === '') throw badRequest('`message` must be a non-empty string');
  if (message.length > maxMessageLength) {
    throw new AgentoProxyError(413, 'message_too_long', `The message is longer than ${maxMessageLength} characters`);
  }
  if (sessionId !== undefined && sessionId !== null && typeof sessionId !== 'string') {
    throw badRequest('`sessionId` must be a string');
  }
  return { message, sessionId: sessionId ?? undefined };
}

/** Reads and checks the history query. */
export function readHistoryRequest(url: URL): HistoryRequest {
  const query = url.searchParams;
  const sessionId = query.get('sessionId');
  if (!sessionId) throw badRequest('`sessionId` is required');

  const since = query.get('since');
  const sinceTime = since === null ? undefined : Date.parse(since);
  if (Number.isNaN(sinceTime)) throw badRequest('`since` must be a date, for example 2024-05-01T12:00:00Z');

  return {
    sessionId,
    since: sinceTime === undefined ? undefined : new Date(sinceTime).toISOString(),
    limit: count(query, 'limit'),
    offset: count(query, 'offset'),
  };
}

function count(query: URLSearchParams, name: string): number | undefined {
  const text = query.get(name);
  if (text === null) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) throw badRequest(`\`${name}\` must be a whole number, 0 or more`);
  return value;
}

/** The body as text, refusing more than `maxBytes` without reading it all. */
async function readText(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () => new AgentoProxyError(413, 'body_too_large', 'The request body is too large');
  if (Number(request.headers.get('content-length')) > maxBytes) throw tooLarge();
  if (!request.body) return '';

  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
}

function badRequest(message: string): AgentoProxyError {
  return new AgentoProxyError(400, 'bad_request', message);
}
