/** The three routes of the Agento Chat API that the emulator serves. */
export type EmulatorRoute = 'send' | 'sessions' | 'history';

/**
 * Ways to make the emulator misbehave, all off by default. Set them through
 * {@link EmulatorOptions.faults}, by mutating {@link Emulator.faults} between requests, or for one
 * message with magic words (`/fault cut …`, see {@link MAGIC_FAULTS}). Per-message faults win.
 */
export interface EmulatorFaults {
  /** Answer with this status and a JSON error instead of doing the work. */
  status?: 429 | 500 | 503;
  /** The routes `status` hits. @defaultValue every route */
  statusRoutes?: readonly EmulatorRoute[];
  /** `Retry-After` of a `status: 429` fault, in seconds. @defaultValue 5 */
  retryAfterSeconds?: number;
  /** Holds the answer (headers included) this long before sending it, to test upstream timeouts. Aborts with the request. */
  responseDelayMs?: number;
  /** Ends the reply stream after this many text tokens, without `done`. */
  cutAfterTokens?: number;
  /**
   * How a cut ends: `close` finishes the body cleanly (the server gave up), `abort` errors the body so
   * the connection drops mid-response (a network cut).
   * @defaultValue 'close'
   */
  cutMode?: 'close' | 'abort';
  /** Sends `{"type":"error","error":{"code":"agent_failed",…}}` after this many text tokens, then ends the stream. */
  errorAfterTokens?: number;
  /** Milliseconds between tokens, overriding {@link EmulatorOptions.tokenDelayMs}: slow tokens. */
  tokenDelayMs?: number;
  /** Ends SSE lines with CRLF instead of LF. */
  crlf?: boolean;
  /** Sends a `: ping` comment between tokens. */
  ping?: boolean;
  /** Interleaves events a client must ignore: `thinking`, `tool_call`, `sources`, and one named with an `event: foo` field. */
  unknownEvents?: boolean;
  /** Ends a reply with `data: [DONE]` instead of `data: {"type":"done"}`. */
  doneSentinel?: boolean;
}

/** Where the new session ID sits in the `201` body of `POST …/sessions`; the real shape is unpublished. */
export type SessionResponseShape = 'data.sessionId' | 'data.id' | 'sessionId' | 'id';

/** Options of {@link createEmulator}. */
export interface EmulatorOptions {
  /** The accepted `X-Api-Key` values. @defaultValue `['ak_test_emulator']` */
  apiKeys?: readonly string[];
  /** The agent IDs that exist. @defaultValue `['agent_demo']` */
  agents?: readonly string[];
  /**
   * Milliseconds between reply tokens: a fixed number, or a `[min, max]` range picked at random per token.
   * `0` sends the whole reply at once (tests).
   * @defaultValue `[15, 30]`
   */
  tokenDelayMs?: number | readonly [min: number, max: number];
  /**
   * Requests allowed per API key in a sliding window, or `false` for no limit.
   * @defaultValue `{ limit: 120, windowMs: 60_000 }`
   */
  rateLimit?: { limit: number; windowMs?: number } | false;
  /** The clock, for rate limits and message timestamps. @defaultValue `Date.now` */
  now?: () => number;
  /** Faults on from the start; copied into {@link Emulator.faults} and restored by `reset()`. */
  faults?: EmulatorFaults;
  /** The body shape of `POST …/sessions`. @defaultValue `'data.sessionId'` (`{ "data": { "sessionId": "ses_…" } }`) */
  sessionResponseShape?: SessionResponseShape;
  /** Replaces the built-in replies; receives the message (magic words removed) and the formatted context. */
  reply?: (message: string, context: string | undefined) => string;
  /** How many requests {@link Emulator.log} keeps; older ones are dropped so a long-running demo does not grow. @defaultValue 1000 */
  maxLogEntries?: number;
  /** Called when a client goes away before a reply stream ended. */
  onStreamAbort?: (entry: RequestLogEntry) => void;
}

/** How a reply stream ended. `streaming` while it runs. */
export type StreamOutcome = 'streaming' | 'done' | 'cut' | 'error' | 'aborted';

/** One request the emulator received, for tests to inspect. */
export interface RequestLogEntry {
  /** When it arrived, by the emulator's clock. */
  readonly at: number;
  readonly method: string;
  /** The URL path as received, prefix included. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Every request header, names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed JSON body; the raw text when it is not JSON; `undefined` when there is none. */
  readonly body: unknown;
  /** The API route matched, if any. */
  readonly route: EmulatorRoute | undefined;
  /** The status answered; `0` until the answer is ready. */
  readonly status: number;
  /** How the reply stream ended; absent for answers that are not streams. */
  readonly stream?: StreamOutcome;
  /** True when the client went away before the answer was complete. */
  readonly aborted: boolean;
}

/** A running emulator: a web-standard handler plus what tests need to steer and observe it. */
export interface Emulator {
  /** Serves the Agento Chat API. Matches routes by path suffix, so it can be mounted under any prefix. */
  readonly handler: (request: Request) => Promise<Response>;
  /** The faults in force; mutate freely between requests. */
  readonly faults: EmulatorFaults;
  /** The requests received, oldest first (the last {@link EmulatorOptions.maxLogEntries}). */
  readonly log: readonly RequestLogEntry[];
  /** Forgets sessions, the log and rate-limit counts, and restores the initial faults. */
  reset(): void;
}

/** A message as the history endpoint returns it. */
export interface StoredMessage {
  readonly role: 'user' | 'assistant';
  readonly content: string;
  /** ISO 8601, strictly increasing within a session so `since` never skips a message. */
  readonly timestamp: string;
}
