import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Chat, ChatStatus } from '../core/index.js';

/** Within this many pixels of the end, the reader is "at the bottom" and the list follows new text. */
const SLACK = 24;
/** Scrolled nearer the top than this, the page of history before is loaded. */
const NEAR_TOP = 100;

/** What the list scroll remembers between renders. */
interface Memory {
  /** Whether the list follows new text. */
  pinned: boolean;
  status: ChatStatus;
  open: boolean;
  /** The first message's element: when it moves down, older messages came in above it. */
  first: Element | null;
  /** `scrollTop` and `scrollHeight` right after the list last scrolled itself to the bottom. */
  top: number;
  height: number;
  /** The newest message's element, observed for growth. */
  last?: Element | null;
}

/**
 * Scrolling of the message list, like a chat app's: it follows the newest text while the reader is
 * at the bottom and stays put once they scroll up (then `away` is true: show "jump to latest");
 * opening the panel, loading the history and sending a message land at the bottom; scrolling near
 * the top loads older messages, which appear above without moving what the reader looks at.
 *
 * Cheap per streamed token: the core renders at most once per frame, and after a render this reads
 * layout only while following (one layout: `scrollHeight`, then reads of a clean layout) or when
 * older messages came in; the scroll handler records where the reader is. The list needs CSS
 * `overflow-anchor: none`, so the browser's own scroll anchoring cannot add to this.
 *
 * @returns whether the reader is away from the bottom, the function that jumps back (and follows
 * again), and the list's `scroll` handler.
 */
export function useStickToBottom(
  list: RefObject<HTMLElement | null>,
  chat: Chat,
  status: ChatStatus,
  open: boolean,
): [away: boolean, jump: () => void, onScroll: () => void] {
  const [away, setAway] = useState(false);
  const my = useRef<Memory>({ pinned: true, status, open: false, first: null, top: 0, height: 0 }).current;
  const pin = (on: boolean) => {
    my.pinned = on;
    my.top = my.height = 0;
    setAway(!on);
  };
  /** Keeps the end in view. */
  const follow = () => {
    const el = list.current!;
    // Scrolled up since, with the scroll event still to come (it fires with the next frame, and a
    // render can come first): stop following now. (A list that got shorter moves its top by itself.)
    if (el.scrollTop < my.top - SLACK && el.scrollHeight >= my.height) pin(false);
    else {
      el.scrollTop = el.scrollHeight;
      my.top = el.scrollTop;
      my.height = el.scrollHeight;
    }
  };
  // The newest message can grow without a render of the list (a burst of Markdown rendered over
  // several frames, an image loading): followed too, after layout, so reading sizes costs nothing.
  const [observer] = useState(() => new ResizeObserver(() => my.pinned && follow()));
  useEffect(() => () => observer.disconnect(), []);

  useLayoutEffect(() => {
    const el = list.current!;
    // Opened, or a message sent (or sent again): the visitor wants the newest, and the reply to come.
    if ((open && !my.open) || (status === 'submitted' && my.status !== status)) pin(true);
    my.open = open;
    my.status = status;
    const first = el.querySelector('article');
    const old = my.first;
    const last = el.querySelector('article:last-of-type');
    if (last && last !== my.last) observer.disconnect(), observer.observe((my.last = last));
    if (my.pinned) follow();
    else if (first && old !== first && old?.isConnected) {
      // Older messages came in above: scroll down by what they added, so the view stays where it was.
      el.scrollTop += (old as HTMLElement).offsetTop - first.offsetTop;
    }
    my.first = first;
  });

  return [
    away,
    () => {
      pin(true);
      // The button disappears: keep keyboard focus in the list rather than losing it to the page.
      list.current?.focus({ preventScroll: true });
    },
    () => {
      const { scrollTop, scrollHeight, clientHeight } = list.current!;
      const bottom = scrollHeight - scrollTop - clientHeight <= SLACK;
      if (bottom !== my.pinned) pin(bottom);
      if (scrollTop < NEAR_TOP && chat.hasOlder.peek()) void chat.loadOlder();
    },
  ];
}
