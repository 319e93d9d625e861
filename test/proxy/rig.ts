import { onTestFinished } from 'vitest';
import { createEmulator, EMULATOR_AGENT_ID, type Emulator, type EmulatorOptions } from '../../demo/emulator/index.js';
import { createAgentoProxy, type AgentoProxyOptions, type Visitor } from '../../widget/proxy/index.js';
import { listen } from '../helpers/http-server.js';

/** Looks like a live key, so a leak anywhere would be unmistakable. */
export const API_KEY = 'ak_live_7Hq2mXv9Lr4Tz8Wp3Ns6Kd1Fb5Jc0Gy';
export const SECRET = 'test-secret-that-is-long-enough-0123456789';
export const AGENT_ID = EMULATOR_AGENT_ID;

type Handler = (request: Request) => Promise<Response>;

export interface Rig {
  /** Base URL of the proxy, mounted at `/api/agento`. */
  readonly endpoint: string;
  /** Base URL of the upstream (the emulator, or the test's own handler). */
  readonly upstreamUrl: string;
  /** The emulator, when the rig uses it. */
  readonly emulator: Emulator;
  /** A client acting as visitor `peerId` (`null`: nobody the proxy knows). */
  as(peerId: string | null): VisitorClient;
}

export interface RigOptions {
  /** The upstream to proxy to. @defaultValue an emulator with instant tokens */
  readonly upstream?: Handler;
  readonly emulator?: EmulatorOptions;
  /** Overrides of the proxy options. */
  readonly proxy?: Partial<AgentoProxyOptions>;
  /** Context the proxy attaches for each visitor. */
  readonly context?: (peerId: string) => Visitor['context'];
}

/** Starts an upstream and a proxy in front of it, both over real HTTP; stopped when the test ends. */
export async function startRig(options: RigOptions = {}): Promise<Rig> {
  const emulator = createEmulator({ apiKeys: [API_KEY], tokenDelayMs: 0, ...options.emulator });
  const upstream = await listen(options.upstream ?? emulator.handler);
  onTestFinished(() => upstream.close());

  const proxy = await listen(
    createAgentoProxy({
      apiKey: API_KEY,
      agentId: AGENT_ID,
      baseUrl: upstream.url,
      secret: SECRET,
      identify: (request) => {
        const peerId = request.headers.get('x-visitor');
        return peerId ? { peerId, context: options.context?.(peerId) } : null;
      },
      ...options.proxy,
    }),
  );
  onTestFinished(() => proxy.close());

  const endpoint = `${proxy.url}/api/agento`;
  return { endpoint, upstreamUrl: upstream.url, emulator, as: (peerId) => visitorClient(endpoint, peerId) };
}

export interface VisitorClient {
  send(body: unknown, init?: RequestInit): Promise<Response>;
  history(query: Record<string, string>, init?: RequestInit): Promise<Response>;
  newSession(init?: RequestInit): Promise<Response>;
  /** A new session's token. */
  session(): Promise<string>;
}

function visitorClient(endpoint: string, peerId: string | null): VisitorClient {
  const headers: Record<string, string> = peerId ? { 'X-Visitor': peerId } : {};
  const client: VisitorClient = {
    send: (body, init) =>
      fetch(`${endpoint}/messages`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
        ...init,
      }),
    history: (query, init) => fetch(`${endpoint}/messages?${new URLSearchParams(query)}`, { headers, ...init }),
    newSession: (init) => fetch(`${endpoint}/sessions`, { method: 'POST', headers, ...init }),
    async session() {
      const response = await client.newSession();
      if (response.status !== 201) throw new Error(`POST /sessions answered ${response.status}`);
      return ((await response.json()) as { sessionId: string }).sessionId;
    },
  };
  return client;
}

/** One request a purpose-built upstream received. */
export interface UpstreamCall {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Headers;
  readonly body: unknown;
  readonly signal: AbortSignal;
}

/** A purpose-built upstream: records every call and answers with `respond`. */
export function fakeUpstream(respond: (call: UpstreamCall) => Response | Promise<Response>) {
  const calls: UpstreamCall[] = [];
  const handler: Handler = async (request) => {
    const url = new URL(request.url);
    const text = await request.text();
    const call: UpstreamCall = {
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      body: text ? JSON.parse(text) : undefined,
      signal: request.signal,
    };
    calls.push(call);
    return respond(call);
  };
  return { handler, calls };
}

/** A stream the test writes into by hand, to hold it open or pace it. */
export function manualStream() {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    start: (c) => void (controller = c),
    cancel: () => void (cancelled = true),
  });
  return {
    body,
    push: (text: string) => controller.enqueue(encoder.encode(text)),
    close: () => controller.close(),
    get cancelled() {
      return cancelled;
    },
  };
}

export const sseHeaders = { 'Content-Type': 'text/event-stream' };

/** Resolves when `signal` aborts. */
export function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** Reads a response body chunk by chunk as text. */
export function chunksOf(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  return {
    /** The next chunk, or null at the end. */
    next: async () => {
      const { done, value } = await reader.read();
      return done ? null : value;
    },
    /** Reads until the text so far contains `needle`; returns all of it. */
    async until(needle: string, sofar = ''): Promise<string> {
      while (!sofar.includes(needle)) {
        const { done, value } = await reader.read();
        if (done) throw new Error(`stream ended before ${JSON.stringify(needle)}; got ${JSON.stringify(sofar)}`);
        sofar += value;
      }
      return sofar;
    },
    cancel: () => reader.cancel(),
  };
}

/** Status, headers and body of an answer as one string, for scanning. */
export async function everything(response: Response): Promise<string> {
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
  return `${response.status}\n${headers}\n\n${await response.text()}`;
}

/** The JSON error an answer carries. */
export async function errorOf(response: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await response.json()) as { error: { code: string; message: string } };
  return { status: response.status, ...body.error };
}
