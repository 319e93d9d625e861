import { useSignalEffect } from '@preact/signals';
import { useRef, useState } from 'preact/hooks';
import type { Chat } from '../core/index.js';
import { stateNote, type PanelStrings } from './strings.js';

export interface ReplyAnnouncerProps {
  chat: Chat;
  strings: PanelStrings;
}

/**
 * A visually hidden polite live region that tells screen-reader users about each reply once,
 * when it has finished. The message list itself is deliberately not a live region: it changes
 * with every streamed token, and a `role="log"` would read the reply out piece by piece.
 * Replies loaded from the history are not announced.
 */
export function ReplyAnnouncer({ chat, strings }: ReplyAnnouncerProps) {
  const [said, setSaid] = useState<{ id: string; text: string } | null>(null);
  const streaming = useRef(new Set<string>());

  useSignalEffect(() => {
    for (const message of chat.messages.value) {
      if (message.role !== 'assistant') continue;
      if (message.state === 'streaming') streaming.current.add(message.id);
      else if (streaming.current.delete(message.id) && message.content) {
        setSaid({ id: message.id, text: [`${strings.assistant}: ${speakable(message.content)}`, stateNote(message.state, strings)].filter(Boolean).join(' ') });
      }
    }
  });

  // A new node per reply (the key), so two replies with the same words are both announced.
  return (
    <div class="sr-only" aria-live="polite" aria-atomic="true">
      {said && <p key={said.id}>{said.text}</p>}
    </div>
  );
}

/** Markdown as it should be heard: without the marks (`##`, `**`, backticks, link targets, table pipes). */
export function speakable(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n?/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/^\s*\|?(\s*:?-{3,}:?\s*\|?)+\s*$/gm, '')
    .replace(/\|/g, ' ')
    .replace(/(\*\*|__|\*|_|~~|`)(?=\S)([^]*?\S)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
}
