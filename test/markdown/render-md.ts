import { h, render } from 'preact';
import { Markdown, type MarkdownProps } from '../../widget/view/markdown/index.js';

/** Renders Markdown into a fresh detached div and returns the div (its first child is `.ac-md`). */
export function mount(text: string, props: Partial<MarkdownProps> = {}): HTMLDivElement {
  const div = document.createElement('div');
  render(h(Markdown, { text, ...props }), div);
  return div;
}

/** The inner HTML of `.ac-md` for `text` rendered in one go (history). */
export function html(text: string, props: Partial<MarkdownProps> = {}): string {
  return (mount(text, props).firstElementChild as HTMLElement).innerHTML;
}

/** A container that keeps one `Markdown` mounted, to feed it a growing text. */
export function streamer(props: Partial<MarkdownProps> = {}) {
  const div = document.createElement('div');
  return {
    div,
    update(text: string, streaming = true) {
      render(h(Markdown, { ...props, text, streaming }), div);
      return (div.firstElementChild as HTMLElement).innerHTML;
    },
  };
}

/** Splits text into tokens the way a model streams it: words with their following space, newlines apart. */
export function tokens(text: string): string[] {
  return text.match(/\n|[^\s]+ ?| +/g) ?? [];
}
