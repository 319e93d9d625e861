import { h, type VNode } from 'preact';
import { useRef } from 'preact/hooks';
import { createBlockParser } from './parse-blocks.js';
import { renderChildren } from './render-blocks.js';

/** Props of {@link Markdown}. */
export interface MarkdownProps {
  /** The Markdown source: a whole message, or the part of a reply received so far. */
  text: string;
  /**
   * The reply is still arriving: its last block renders half-typed syntax leniently (no flash of
   * `**` or a bare fence). While `true`, `text` must only grow by appending (checked cheaply, on the
   * characters before the join); a replaced text needs a new `key`. When `false`, the text renders
   * exactly, and any text is accepted.
   * @defaultValue `false`
   */
  streaming?: boolean;
  /**
   * Load remote images. Otherwise an image shows as a link, so a reply cannot make the browser
   * fetch a URL (image-based exfiltration) without a click.
   * @defaultValue `false`
   */
  allowImages?: boolean;
}

/** Renders growing Markdown text incrementally; what {@link Markdown} keeps between renders. */
export interface MarkdownRenderer {
  readonly images: boolean;
  /** VNodes for `text`: resumes where the last call stopped when `text` extends it, else starts over. */
  render(text: string, streaming: boolean): VNode<any>[];
}

/** Creates a {@link MarkdownRenderer}. */
export function createMarkdownRenderer(images = false): MarkdownRenderer {
  let parser = createBlockParser();
  let prev = '';
  let closed = false;
  let last: VNode<any>[] | undefined;
  let lastStreaming = false;
  const o = { images };
  return {
    images,
    render(text, streaming) {
      if (last && text === prev && streaming === lastStreaming) return last;
      // Resume only on a text that extends the last one. While streaming, comparing the whole prefix
      // would cost O(length) per update (quadratic over a reply), so only its last 64 characters are
      // compared; the final render compares it all, once.
      const tail = prev.slice(-64);
      if (closed || !(streaming ? text.slice(prev.length - tail.length, prev.length) === tail : text.startsWith(prev))) parser = createBlockParser();
      const undo = parser.feed(text, !streaming);
      prev = text;
      closed = !streaming;
      lastStreaming = streaming;
      last = renderChildren(parser.root, streaming, o);
      undo();
      return last;
    },
  };
}

/**
 * Markdown as Preact VNodes — never an HTML string. While `streaming`, only the open tail of the
 * reply is parsed and rendered again on each update; finished blocks keep their VNodes (and DOM).
 * History goes through the same path with `streaming` false.
 */
export function Markdown({ text, streaming = false, allowImages = false }: MarkdownProps): VNode<any> {
  const ref = useRef<MarkdownRenderer>(undefined);
  if (ref.current?.images !== allowImages) ref.current = createMarkdownRenderer(allowImages);
  return h('div', { class: 'ac-md' }, ref.current.render(text, streaming));
}
