/// <reference types="node" />
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorResponse, internalError } from './errors.js';

/** A web-standard handler, such as the one {@link createAgentoProxy} returns. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** A `node:http` request listener that is also Express / Connect middleware. */
export type NodeListener = (req: IncomingMessage, res: ServerResponse, next?: (err?: unknown) => void) => void;

// Node manages these itself; copying them from a web Response would corrupt the framing.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'set-cookie']);

/**
 * Serves a web-standard handler from `node:http`, Express or Connect.
 *
 * The body is streamed both ways and never buffered or compressed: every chunk the handler's
 * response yields is written as it arrives. When the client goes away, `request.signal` aborts
 * and the response body is cancelled. A handler that throws answers `500` with no details.
 *
 * As middleware it answers every request it is given and never calls `next`: mount it at its
 * prefix. It may come before or after a body parser (a body already parsed is passed on).
 *
 * @example
 * ```ts
 * http.createServer(toNodeListener(proxy)).listen(3000);
 * app.use('/api/agento', toNodeListener(proxy));
 * ```
 */
export function toNodeListener(handler: FetchHandler): NodeListener {
  return (req, res) => {
    serve(handler, req, res).catch(() => res.destroy());
  };
}

async function serve(handler: FetchHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const disconnect = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) disconnect.abort();
  });

  let response: Response;
  try {
    response = await handler(toRequest(req, disconnect.signal));
  } catch (error) {
    response = errorResponse(internalError(error));
  }
  await writeResponse(response, res, disconnect.signal);
}

function toRequest(req: IncomingMessage, signal: AbortSignal): Request {
  // Express strips the mount path from `url` and keeps the full one in `originalUrl`.
  const path = (req as { originalUrl?: string }).originalUrl ?? req.url ?? '/';
  const protocol = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  // Concatenated, not resolved: a path such as `//other.host/x` must not change the host.
  const url = new URL(`${protocol}://${req.headers.host ?? 'localhost'}${path}`);

  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':') || value === undefined) continue; // HTTP/2 pseudo-headers
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }

  const method = req.method ?? 'GET';
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal };
  if (method !== 'GET' && method !== 'HEAD') {
    init.body = requestBody(req);
    init.duplex = 'half';
  }
  return new Request(url, init);
}

/** The request body as a stream, or what a body parser mounted earlier already read from it. */
function requestBody(req: IncomingMessage): BodyInit {
  const parsed = (req as { body?: unknown }).body;
  if (req.readableEnded && parsed !== undefined) {
    if (typeof parsed === 'string') return parsed;
    return parsed instanceof Uint8Array ? new Uint8Array(parsed) : JSON.stringify(parsed);
  }
  return bodyStream(req);
}

/**
 * The request as a web stream, reading only as fast as the handler does. Written out rather
 * than `Readable.toWeb` so the proxy imports no Node module and loads in Workers as well.
 */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let detach = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const onData = (chunk: Uint8Array) => {
        controller.enqueue(new Uint8Array(chunk));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      };
      const onEnd = () => controller.close();
      const onError = (error: Error) => controller.error(error);
      req.on('data', onData).once('end', onEnd).once('error', onError);
      detach = () => req.off('data', onData).off('end', onEnd).off('error', onError);
    },
    pull() {
      req.resume();
    },
    cancel() {
      // The handler has read enough (a body too large, say): discard the rest, keep the socket for the answer.
      detach();
      req.resume();
    },
  });
}

async function writeResponse(response: Response, res: ServerResponse, disconnected: AbortSignal): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (!HOP_BY_HOP.has(name)) res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('Set-Cookie', cookies);

  if (!response.body || disconnected.aborted) {
    await response.body?.cancel();
    res.end();
    return;
  }
  res.flushHeaders();

  const reader = response.body.getReader();
  const cancel = () => void reader.cancel().catch(() => {});
  disconnected.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await drained(res);
    }
    res.end();
  } catch {
    // The body failed mid-way: cut the connection so the client sees an interrupted answer.
    res.destroy();
  } finally {
    disconnected.removeEventListener('abort', cancel);
  }
}

/** Waits for the socket to take more, or for the client to leave. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
