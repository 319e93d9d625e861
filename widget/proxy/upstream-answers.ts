// Reading Agento's answers tolerantly: where the API reference says little, accept the likely shapes.
import type { HistoryPage, Role } from '../core/types.js';
import type { UpstreamHistoryQuery } from './upstream.js';

/** The session body is unpublished: accept `{sessionId}` or `{id}`, either inside `{data}`. */
export function sessionIdOf(body: unknown): string | undefined {
  const record = asRecord(body);
  const inner = asRecord(record?.data) ?? record;
  const id = inner?.sessionId ?? inner?.id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** Keeps only what the widget needs from each message, so nothing else upstream sends leaks out. */
export function historyPageOf(body: unknown, query: UpstreamHistoryQuery): HistoryPage | undefined {
  const record = asRecord(body);
  if (!Array.isArray(record?.data)) return undefined;
  const data = record.data.flatMap((item: unknown) => {
    const message = asRecord(item);
    if (!message || !isRole(message.role) || typeof message.content !== 'string') return [];
    return [{ role: message.role, content: message.content, timestamp: String(message.timestamp ?? '') }];
  });
  const pagination = asRecord(record.pagination);
  const numberOr = (value: unknown, fallback: number) => (typeof value === 'number' ? value : fallback);
  return {
    data,
    pagination: {
      total: numberOr(pagination?.total, data.length),
      limit: numberOr(pagination?.limit, query.limit ?? data.length),
      offset: numberOr(pagination?.offset, query.offset ?? 0),
    },
  };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

function isRole(value: unknown): value is Role {
  return value === 'user' || value === 'assistant';
}
