import { createParser } from 'eventsource-parser';
import { createEmulator, EMULATOR_API_KEY, type Emulator, type EmulatorOptions } from '../../demo/emulator/index.js';
import { listen } from '../helpers/http-server.js';

/** An emulator served over real HTTP on 127.0.0.1, with small helpers to call it. */
export interface EmulatorRig {
  readonly url: string;
  readonly emulator: Emulator;
  /** Calls `path` under `/v1/agents/{agent}/chat` with the test key unless `headers` say otherwise. */
  call(path: string, init?: RequestInit & { agent?: string }): Promise<Response>;
  /** `POST …/messages` with a JSON body. */
  send(body: unknown, init?: RequestInit): Promise<Response>;
  /** `GET …/messages?…` parsed. */
  history(query: Record<string, string | number>): Promise<HistoryBody>;
  /** `POST …/sessions`, returning the new ID. */
  newSession(peerId?: string): Promise<string>;
  close(): Promise<void>;
}

export interface HistoryBody {
  data: { role: string; content: string; timestamp: string }[];
  pagination: { total: number; limit: number; offset: number };
}

/** Starts an emulator with instant tokens unless the options say otherwise. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorRig> {
  const emulator = createEmulator({ tokenDelayMs: 0, ...options });
  const server = await listen(emulator.handler);
  const call = (path: string, { agent = 'agent_demo', ...init }: RequestInit & { agent?: string } = {}) =>
    fetch(`${server.url}/v1/agents/${agent}/chat${path}`, {
      ...init,
      headers: { 'X-Api-Key': EMULATOR_API_KEY, 'Content-Type': 'application/json', ...init.headers },
    });
  return {
    url: server.url,
    emulator,
    call,
    send: (body, init) => call('/messages', { method: 'POST', body: JSON.stringify(body), ...init }),
    async history(query) {
      const response = await call(`/messages?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`);
      if (response.status !== 200) throw new Error(`history answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as HistoryBody;
    },
    async newSession(peerId) {
      const response = await call('/sessions', { method: 'POST', body: JSON.stringify(peerId ? { peerId } : {}) });
      const body = (await response.json()) as { data: { sessionId: string } };
      return body.data.sessionId;
    },
    close: () => server.close(),
  };
}

/** A reply stream read to its end: the raw text, and what an SSE parser makes of it. */
export interface ReadStream {
  readonly raw: string;
  /** Every event: its `event:` field and `data`, parsed as JSON when it is JSON. */
  readonly events: { event: string | undefined; data: unknown }[];
  /** `data` of events of type `text`, joined. */
  readonly text: string;
  readonly types: (string | undefined)[];
  readonly comments: string[];
}

/** Reads a whole SSE body. */
export async function readStream(response: Response): Promise<ReadStream> {
  const raw = await response.text();
  const events: ReadStream['events'] = [];
  const comments: string[] = [];
  const parser = createParser({
    onEvent: ({ event, data }) => events.push({ event, data: parseJson(data) }),
    onComment: (comment) => comments.push(comment.trim()),
  });
  parser.feed(raw);
  const types = events.map(({ data }) => (typeof data === 'object' && data ? (data as { type?: string }).type : String(data)));
  const text = events
    .map(({ data }) => data as { type?: string; content?: string })
    .filter((data) => data?.type === 'text')
    .map((data) => data.content)
    .join('');
  return { raw, events, text, types, comments };
}

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

/** A controllable clock for rate-limit and timestamp tests. */
export function manualClock(start = Date.UTC(2025, 0, 1)): { now: () => number; advance(ms: number): void } {
  let time = start;
  return {
    now: () => time,
    advance(ms) {
      time += ms;
    },
  };
}
