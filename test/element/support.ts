import { configure, waitFor, within } from '@testing-library/preact';
import { vi } from 'vitest';
import { AgentoChatElement } from '../../widget/element/agento-chat-element.js';
import { defineAgentoChat } from '../../widget/element/define.js';

// The first panel load transforms Preact, the core and Markdown on demand: on a busy machine that takes
// longer than waitFor's default second.
configure({ asyncUtilTimeout: 5000 });

export interface Recorded {
  readonly method: string;
  readonly url: string;
  readonly body: unknown;
  readonly signal: AbortSignal | undefined;
}

/**
 * A fake proxy on `fetch`, following the proxy contract. Each `POST /messages` takes the next planned
 * answer: a JSON error, or (by default) a stream the test feeds with `reply.text()` and ends with `reply.done()`.
 */
export function stubProxy({ history = [] as unknown[] } = {}) {
  const requests: Recorded[] = [];
  const plan: Array<{ status: number; code: string }> = [];
  let stream: ReadableStreamDefaultController<Uint8Array> | undefined;
  // What the test wrote before the reply's request arrived; the next stream starts with it.
  let pending: Array<string | null> = [];
  const encoder = new TextEncoder();
  const write = (chunk: string | null) => {
    if (!stream) return void pending.push(chunk);
    if (chunk === null) {
      stream.close();
      stream = undefined;
    } else stream.enqueue(encoder.encode(chunk));
  };
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const url = String(input);
    requests.push({ method, url, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined, signal: init.signal ?? undefined });
    if (method === 'POST' && url.endsWith('/sessions')) return Response.json({ sessionId: 'tok-1' }, { status: 201 });
    if (method === 'GET') return Response.json({ data: history, pagination: { total: history.length, limit: 50, offset: 0 } });
    const planned = plan.shift();
    if (planned) return Response.json({ error: { code: planned.code, message: planned.code } }, { status: planned.status });
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        stream = controller;
        init.signal?.addEventListener('abort', () => controller.error(init.signal?.reason));
        const written = pending;
        pending = [];
        written.forEach(write);
      },
    });
    return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
  });
  vi.stubGlobal('fetch', fetch);
  const sends = () => requests.filter((r) => r.method === 'POST' && r.url.endsWith('/messages'));
  return {
    fetch,
    requests,
    sends,
    /** The next `POST /messages` answers with this error (413 is never retried). */
    failNext(status = 413, code = 'message_too_long') {
      plan.push({ status, code });
    },
    reply: {
      text(content: string) {
        write(`data: ${JSON.stringify({ type: 'text', content })}\n\n`);
      },
      done() {
        write('data: {"type":"done"}\n\n');
        write(null);
      },
    },
  };
}

const mounted: HTMLElement[] = [];

/** Creates `<agento-chat>` with these attributes in `parent` (the body by default). */
export function mount(attributes: Record<string, string> = { endpoint: '/api/agento' }, parent: Element | ShadowRoot = document.body) {
  defineAgentoChat();
  const el = document.createElement('agento-chat');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  parent.append(el);
  mounted.push(el);
  return handles(el);
}

/** Queries into an element's shadow root. */
export function handles(el: AgentoChatElement) {
  const root = el.shadowRoot!;
  const part = <T extends Element = HTMLElement>(name: string) => root.querySelector<T>(`[part~=${name}]`);
  const parts = <T extends Element = HTMLElement>(name: string) => [...root.querySelectorAll<T>(`[part~=${name}]`)];
  /** Resolves once the lazily loaded panel is in the shadow root. */
  const panel = () =>
    waitFor(() => {
      const found = part('panel');
      if (!found) throw new Error('no panel yet');
      return found;
    });
  return { el, root, part, parts, panel, screen: within(root as unknown as HTMLElement) };
}

/** Removes what `mount` added and the stored sessions. */
export function cleanup(): void {
  for (const el of mounted.splice(0)) el.remove();
  localStorage.clear();
  document.documentElement.removeAttribute('lang');
  document.documentElement.removeAttribute('dir');
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
}

/** Shown: nothing between it and the shadow root is `hidden`. */
export const isShown = (node: Element | null) => !!node && node.closest('[hidden]') === null;

export const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));
