import type { AgentoProxyError } from './errors.js';
import type { RateLimitStore } from './rate-limiter.js';

/** Who is asking, as the integrator's backend knows it. */
export interface Visitor {
  /**
   * A stable ID of the end user. Agento keeps separate memory and history per peerId, and the
   * proxy binds every session token to it.
   */
  readonly peerId: string;
  /**
   * What the agent should know about this visitor (plan, name, page…). A string is sent as is;
   * an object becomes one `key: value` line per entry. At most 2000 characters are sent: longer
   * text is cut at the last line break before the limit (see {@link formatContext}).
   */
  readonly context?: string | Readonly<Record<string, unknown>>;
}

/**
 * Tells the proxy who sent a request, from the integrator's own session, cookie or auth header.
 * `null` answers `401`. Whatever the browser sends as peerId or context is never used.
 */
export type IdentifyVisitor = (request: Request) => Visitor | null | Promise<Visitor | null>;

/** A token bucket: bursts up to `capacity`, then `refillPerMinute` requests a minute. */
export interface BucketOptions {
  /** Requests allowed in a burst. */
  readonly capacity: number;
  /** Tokens added back per minute. */
  readonly refillPerMinute: number;
}

/** The proxy's own per-visitor limits, checked before anything reaches Agento. */
export interface RateLimitOptions {
  /** Sending messages. @defaultValue `{ capacity: 20, refillPerMinute: 10 }` */
  readonly send?: BucketOptions;
  /** History and new sessions. @defaultValue `{ capacity: 60, refillPerMinute: 120 }` */
  readonly other?: BucketOptions;
  /**
   * Where the buckets live. Share one store between all instances behind a load balancer
   * (see {@link RateLimitStore} for Redis). @defaultValue an in-memory store per proxy
   */
  readonly store?: RateLimitStore;
}

/** Options of {@link createAgentoProxy}. */
export interface AgentoProxyOptions {
  /** The Agento API key with the `chat` scope. Stays on the server: it is in no answer, error or log. */
  readonly apiKey: string;
  /** The agent to talk to. */
  readonly agentId: string;
  /** Where the Agento API lives; point it at the emulator in development. @defaultValue `'https://api.agento.host'` */
  readonly baseUrl?: string;
  /**
   * Signs the session tokens handed to browsers, binding each to its visitor. At least 32
   * characters, the same on every instance. Rotating it invalidates every token: visitors start
   * new conversations (their history stays upstream, under the old sessions).
   */
  readonly secret: string;
  /** Who is asking; `null` answers `401`. */
  readonly identify: IdentifyVisitor;
  /** Per-visitor rate limits, or `false` to leave limiting to something in front. @defaultValue see {@link RateLimitOptions} */
  readonly limits?: RateLimitOptions | false;
  /** The fetch used to call Agento. @defaultValue `globalThis.fetch` */
  readonly fetch?: typeof fetch;
  /** Longest message accepted, in UTF-16 code units; longer answers `413`. @defaultValue `4000` */
  readonly maxMessageLength?: number;
  /** Upstream silence after which a `: keep-alive` comment is sent; `0` never sends one. @defaultValue `15000` */
  readonly keepAliveMs?: number;
  /** How long Agento may take to start answering before the proxy gives up with `504`. @defaultValue `30000` */
  readonly upstreamTimeoutMs?: number;
  /**
   * Hears about upstream trouble and unexpected errors (what the browser gets as `5xx`), for
   * logging. The API key is redacted from every message. Client disconnects are not reported.
   * @defaultValue none: the proxy itself logs nothing
   */
  readonly onError?: (error: AgentoProxyError) => void;
}
