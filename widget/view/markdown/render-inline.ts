import { h, type ComponentChildren } from 'preact';
import type { MarkdownLabels } from './markdown-labels.js';
import type { Inline } from './types.js';

/** Options that change how blocks render. */
export interface RenderOptions {
  /** Load images (`<img>`); otherwise an image is a link reading "🖼 alt". */
  images: boolean;
  /** The code blocks' words. */
  labels: MarkdownLabels;
  /** The level of the reply's first heading: it becomes `h3`, the rest follow from it. */
  top?: number;
}

// Every link opens in a new browsing context that cannot reach back, and passes no referrer or endorsement.
const LINK = { target: '_blank', rel: 'noopener noreferrer nofollow' } as const;

/**
 * Inline nodes to VNodes. Text is always a child string (a text node); the only attributes taken
 * from the input are `href`/`src` (checked by `safeUrl` in the parser), `title` and `alt`.
 */
export function renderInline(nodes: Inline[], o: RenderOptions): ComponentChildren[] {
  return nodes.map((n) =>
    typeof n === 'string'
      ? n
      : n.type === 'a'
        ? n.href
          ? h('a', { href: n.href, title: n.title, ...LINK }, renderInline(n.children, o))
          : renderInline(n.children, o)
        : n.type === 'img'
          ? !n.src
            ? n.alt
            : o.images
              ? h('img', { src: n.src, alt: n.alt, title: n.title, loading: 'lazy', referrerpolicy: 'no-referrer' })
              : h('a', { href: n.src, title: n.title, class: 'ac-img', ...LINK }, `🖼 ${n.alt}`)
          : h(n.type, null, 'children' in n ? renderInline(n.children, o) : 'text' in n ? n.text : null),
  );
}
