import { abortableDelay } from './abortable-delay.js';
import type { SessionScope, SessionStore } from './session-store.js';
import type { EmulatorFaults, RequestLogEntry, SessionResponseShape } from './types.js';

/** The log entry as the emulator fills it in while answering. */
export type LogEntryDraft = { -readonly [K in keyof RequestLogEntry]: RequestLogEntry[K] };

/** What the route handlers share for the life of an emulator. */
export interface EmulatorState {
  readonly sessions: SessionStore;
  readonly faults: EmulatorFaults;
  readonly now: () => number;
  readonly nextTokenDelay: () => number;
  readonly reply: (message: string, context: string | undefined) => string;
  readonly sessionResponseShape: SessionResponseShape;
  readonly onStreamAbort: ((entry: RequestLogEntry) => void) | undefined;
}

/** One authenticated request to a known agent, ready for its route handler. */
export interface ApiCall {
  readonly request: Request;
  readonly url: URL;
  /** The parsed JSON body, `undefined` when empty. */
  readonly body: unknown;
  readonly agentId: string;
  readonly apiKey: string;
  readonly entry: LogEntryDraft;
}

/** The default-session scope of a call for a given peerId. */
export function scopeOf(call: ApiCall, peerId: string | undefined): SessionScope {
  return { agentId: call.agentId, apiKey: call.apiKey, peerId };
}

/** Reads an optional string field; `false` when it is present but not a non-empty string. */
export function optionalString(value: unknown): string | undefined | false {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' && value !== '' ? value : false;
}

/** Waits `ms` before answering (the `responseDelayMs` fault). False when the client left meanwhile; the entry says so. */
export async function holdAnswer(call: ApiCall, ms: number | undefined): Promise<boolean> {
  if (!ms) return true;
  try {
    await abortableDelay(ms, call.request.signal);
    return true;
  } catch {
    call.entry.aborted = true;
    return false;
  }
}

/** The answer to a client that already left: nobody reads it, but the handler must return something. */
export function clientGone(): Response {
  return new Response(null, { status: 499, statusText: 'Client Closed Request' });
}
