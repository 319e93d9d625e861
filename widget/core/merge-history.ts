import type { ChatMessage, HistoryMessage } from './types.js';

/** What identifies a message's text: its role and content. */
export const textKey = (m: HistoryMessage): string => m.role + '\n' + m.content;

/** What identifies a server message: its role, content and time. */
export const historyKey = (m: HistoryMessage): string => textKey(m) + '\n' + m.timestamp;

/**
 * Puts what the server returned into the conversation `list` with no duplicates. The rule: the server is
 * the truth for every message it returned. `data` holds the messages after the last server message
 * shown (`since` its time), or (`full`) the newest page of all; it replaces the local messages after
 * that point, except what the server cannot know:
 * - a local copy of a sent message or finished reply stays unless `data` holds one with the same
 *   role and content (each server message stands in for one copy), so a server that stores a reply
 *   a moment late hides nothing; a `full` load, whose page may not reach that far back, drops it
 *   unless it is newer than the page's newest message (sent while the page loaded);
 * - failed, sending and streaming messages stay, after the server's, in order;
 * - a cut-off or stopped reply goes right after its question, unless the server holds a finished
 *   reply there, which then replaces it (checked again at every sync until a newer server message).
 * Server messages already shown (same role, content and timestamp) are skipped, should a server's `since` include its bound.
 *
 * `served` tells the server's messages from local ones; `toMessage` turns a history message into a
 * new server message. Returns the new list (`list` itself when nothing moved) and the server's
 * messages that were not shown before.
 */
export function mergeHistory(
  list: readonly ChatMessage[],
  data: readonly HistoryMessage[],
  full: boolean,
  served: WeakSet<ChatMessage>,
  toMessage: (m: HistoryMessage) => ChatMessage,
): [next: readonly ChatMessage[], fresh: readonly ChatMessage[]] {
  const cut = full ? 0 : list.findLastIndex((m) => served.has(m)) + 1;
  const seen = new Set(list.slice(0, cut).map(historyKey));
  const fresh = data.filter((m) => !seen.has(historyKey(m))).map(toMessage);
  const copies = fresh.map(textKey);
  const out = [...list.slice(0, cut), ...fresh];
  const rest: ChatMessage[] = [];
  list.slice(cut).forEach((m, i) => {
    if (m.state === 'complete') {
      if (served.has(m)) return; // a server message `data` replaces (full load)
      const j = copies.indexOf(textKey(m));
      if (j >= 0) copies[j] = '';
      // A full page keeps only what is newer than its newest message (sent while it loaded).
      else if (!full || m.timestamp > (data.at(-1)?.timestamp ?? '')) rest.push(m);
    } else if (m.role === 'assistant' && m.state !== 'streaming') {
      // Its question: the server's own copy when shown, else the newest server message with its text.
      const question = list[cut + i - 1];
      let at = out.indexOf(question!);
      if (at < 0 && question?.role === 'user' && !rest.includes(question)) at = out.findLastIndex((x) => x.role === 'user' && x.content === question.content);
      const after = out[at + 1];
      if (at < 0) rest.push(m);
      else if (after?.role !== 'assistant' || after.state !== 'complete') out.splice(at + 1, 0, m);
    } else rest.push(m);
  });
  const next = [...out, ...rest];
  return [next.length !== list.length || next.some((m, i) => m !== list[i]) ? next : list, fresh];
}
