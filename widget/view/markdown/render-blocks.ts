import { h, type VNode } from 'preact';
import { CodeBlock } from './code-block.js';
import { cells } from './parse-blocks.js';
import { parseInline } from './parse-inline.js';
import { renderInline, type RenderOptions } from './render-inline.js';
import type { Align, Block, Paragraph, Row, Table } from './types.js';

type Node = Block | Row;

// Siblings are grouped in chunks of this many, so a reply with hundreds of blocks costs a few
// skipped chunks per update instead of hundreds of skipped blocks.
const CHUNK = 32;

/**
 * Holds prebuilt VNodes: one block's, or a chunk of sibling blocks (a fragment). A `done` block gets
 * its `Frozen` VNode once and returns the same object on every update, and Preact skips a component
 * VNode identical to the previous one: no render, no diff. An open block gets a fresh `Frozen` of the
 * same type, so its DOM is kept when it closes. Built eagerly: the parser takes its tentative last
 * line back right after rendering.
 */
function Frozen({ v }: { v: VNode<any> | VNode<any>[] }): VNode<any> | VNode<any>[] {
  return v;
}

/** The element for one block; `tail` (the last block of a streamed reply) renders half-typed syntax leniently. */
function renderBlock(n: Node, tail: boolean, o: RenderOptions): VNode<any> {
  const inline = (text: string, lenient: boolean, cache?: Paragraph) => renderInline(parseInline(text, lenient, cache), o);
  switch (n.type) {
    case 'p': {
      // A streamed table's header row, before its delimiter row arrives: drawn as a table already,
      // so the reader sees no pipes that then jump into a grid.
      const table = tail && n.text[0] === '|' && speculativeTable(n.text);
      return table ? renderBlock(table, true, o) : h('p', null, inline(n.text, tail, n));
    }
    case 'h':
      // A reply sits under the panel's own h2: its first heading becomes h3 whatever its level, and
      // the rest keep their distance from it, so screen readers meet no skipped level.
      return h(`h${Math.min(Math.max(n.level - (o.top ??= n.level), 0) + 3, 6)}`, { class: `ac-h${n.level}` }, inline(n.text, tail));
    case 'pre':
      return h(CodeBlock, { lang: n.lang, text: n.text.slice(0, -1), labels: o.labels });
    case 'table':
      return h('div', { class: 'ac-table' }, h('table', null, h('thead', null, renderBlock(n.head, false, o)), h('tbody', null, renderChildren(n, tail, o))));
    case 'tr':
      return h(
        'tr',
        null,
        n.align.map((a, k) => h(n.head ? 'th' : 'td', { class: a ? `ac-al-${a}` : undefined }, inline(n.cells[k] ?? '', tail && k === n.cells.length - 1))),
      );
    default:
      // hr, blockquote, ul, ol, li
      return h(n.type, { start: 'start' in n && n.start !== 1 ? n.start : undefined }, 'children' in n ? renderChildren(n, tail, o) : null);
  }
}

/** The table a streamed paragraph of `|` rows will likely become; none when it has only delimiter rows. */
function speculativeTable(text: string): Table | undefined {
  const [head, ...rows] = text.split('\n').filter((line) => !/^[\s|:-]*$/.test(line) || !line.includes('-'));
  if (head === undefined) return undefined;
  const row = (line: string, first?: boolean): Row => ({ type: 'tr', cells: cells(line), align, head: first });
  const align: Align[] = cells(head).map(() => '');
  return { type: 'table', align, head: row(head, true), children: rows.map((line) => row(line)) };
}

function vnode(n: Node, tail: boolean, o: RenderOptions): VNode<any> {
  return n.done ? (n.v ??= h(Frozen, { v: renderBlock(n, false, o) })) : h(Frozen, { v: renderBlock(n, tail, o) });
}

/**
 * The VNodes of a container's children. Full chunks of finished blocks are cached on the container,
 * so an update costs O(open blocks + chunk size), not O(blocks so far). `tail` goes to the last child.
 */
export function renderChildren(owner: { children: Node[]; g?: VNode<any>[] }, tail: boolean, o: RenderOptions): VNode<any>[] {
  const list = owner.children;
  const out: VNode<any>[] = [];
  for (let k = 0; k < list.length; k += CHUNK) {
    let v = owner.g?.[k / CHUNK];
    if (!v) {
      v = h(Frozen, { v: list.slice(k, k + CHUNK).map((n, j) => vnode(n, tail && k + j === list.length - 1, o)) });
      // Blocks close in order: when a chunk's last block is done, all of it is.
      if (list[k + CHUNK - 1]?.done) (owner.g ??= [])[k / CHUNK] = v;
    }
    out.push(v);
  }
  return out;
}
