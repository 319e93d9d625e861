import { h, type VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { createBlockParser } from './parse-blocks.js';
import { englishLabels, type MarkdownLabels } from './markdown-labels.js';
import { renderChildren } from './render-blocks.js';
import type { RenderOptions } from './render-inline.js';

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
  /**
   * The code blocks' words. A new object renders the whole text afresh, finished blocks too (a
   * change of language).
   * @defaultValue {@link englishLabels}
   */
  labels?: MarkdownLabels;
}

/**
 * The most new characters one render of a streamed reply takes in. A burst (a fast model, a stalled
 * network, a busy page) then renders over several frames, never in one long task.
 */
export const RENDER_BUDGET = 4096;

/** Renders growing Markdown text incrementally; what {@link Markdown} keeps between renders. */
export interface MarkdownRenderer {
  readonly images: boolean;
  readonly labels: MarkdownLabels;
  /**
   * VNodes for `text`: resumes where the last call stopped when `text` extends it, else starts over.
   * A streamed reply, and the end of one, takes in at most {@link RENDER_BUDGET} new characters per
   * call, shown as still streaming; `more` then says to call again (the next frame) for the rest.
   */
  render(text: string, streaming: boolean): VNode<any>[];
  /** The last render showed only the start of its text. */
  readonly more: boolean;
}

/** Creates a {@link MarkdownRenderer}. */
export function createMarkdownRenderer(images = false, labels = englishLabels): MarkdownRenderer {
  let parser = createBlockParser();
  let prev = '';
  let last: VNode<any>[] | undefined;
  // The last render was of a stream: a finished text is never resumed.
  let lastStreaming = false;
  // Also the render options: `images`, `labels`, and the `top` heading level recorded by the first render.
  const r = {
    images,
    labels,
    top: undefined as RenderOptions['top'],
    more: false,
    render(text: string, streaming: boolean) {
      if (last && text === prev && streaming === lastStreaming) return last;
      // Resume only on a text that extends the last one. While streaming, comparing the whole prefix
      // would cost O(length) per update (quadratic over a reply), so only its last 64 characters are
      // compared; the final render compares it all, once.
      const tail = prev.slice(-64);
      if (!lastStreaming || !(streaming ? text.slice(prev.length - tail.length, prev.length) === tail : text.startsWith(prev))) {
        parser = createBlockParser();
        prev = '';
        r.top = undefined; // a new text's first heading is h3 again
      }
      // Over the budget: up to the last line end within it if there is one, else never between the
      // halves of a surrogate pair. (History, rendered whole at once, is not a stream.)
      let end = prev.length + RENDER_BUDGET;
      if ((r.more = (streaming || lastStreaming) && end < text.length)) {
        const nl = text.lastIndexOf('\n', end - 1) + 1;
        text = text.slice(0, nl > prev.length ? nl : end - +(text.charCodeAt(end - 1) >> 10 === 54));
        streaming = true;
      }
      const undo = parser.feed(text, !streaming);
      prev = text;
      lastStreaming = streaming;
      last = renderChildren(parser.root, streaming, r);
      undo();
      return last;
    },
  };
  return r;
}

/**
 * Markdown as Preact VNodes — never an HTML string. While `streaming`, only the open tail of the
 * reply is parsed and rendered again on each update; finished blocks keep their VNodes (and DOM).
 * A burst larger than {@link RENDER_BUDGET} shows over the next frames, the end of the reply too.
 * History goes through the same path with `streaming` false, whole at once.
 */
export function Markdown({ text, streaming = false, allowImages = false, labels = englishLabels }: MarkdownProps): VNode<any> {
  const my = useRef<{ r?: MarkdownRenderer; out?: VNode<any>[]; frame?: number }>({}).current;
  const redraw = useState<object>()[1];
  if (my.r?.images !== allowImages || my.r.labels !== labels) my.r = createMarkdownRenderer(allowImages, labels);
  // Behind after a burst: the rest comes a budget per frame, from the frame asked for here. Renders
  // in between (more text arrived) leave it to that frame, so no frame takes in two budgets.
  if (!my.frame) {
    my.out = my.r.render(text, streaming);
    if (my.r.more) my.frame = requestAnimationFrame(() => redraw(((my.frame = 0), {})));
  }
  useEffect(() => () => cancelAnimationFrame(my.frame!), []);
  return h('div', { class: 'ac-md' }, my.out);
}
