/** Writes server-sent-event frames, with LF or (as a fault) CRLF line endings. */
export interface SseFrames {
  /** One event: an optional `event:` field and one `data:` line. */
  data(payload: unknown, event?: string): string;
  /** The `data: [DONE]` sentinel some APIs use instead of a done event. */
  doneSentinel(): string;
  /** A comment line, e.g. a keep-alive `: ping`. */
  comment(text: string): string;
}

export function sseFrames(crlf = false): SseFrames {
  const eol = crlf ? '\r\n' : '\n';
  return {
    data: (payload, event) => `${event ? `event: ${event}${eol}` : ''}data: ${JSON.stringify(payload)}${eol}${eol}`,
    doneSentinel: () => `data: [DONE]${eol}${eol}`,
    comment: (text) => `: ${text}${eol}${eol}`,
  };
}
