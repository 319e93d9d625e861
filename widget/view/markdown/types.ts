import type { VNode } from 'preact';

// Node types are the HTML tags they render as, so most of them render generically.

/** Column alignment of a GFM table, from its delimiter row (`:--`, `:-:`, `--:`). */
export type Align = '' | 'left' | 'center' | 'right';

/**
 * Fields every block carries. `done` is set once a *complete* line has closed the block: from then on
 * nothing that can still arrive changes it, so it is rendered once and its VNode reused by identity.
 */
interface BlockBase {
  /** Closed by a complete line: final. */
  done?: boolean;
  /** @internal Cached VNode of a `done` block (see `render-blocks.ts`). */
  v?: VNode<any>;
  /** @internal Cached VNodes of full chunks of `done` children. */
  g?: VNode<any>[];
}

/** A paragraph; `text` is its lines joined by `\n`, container markers and indentation removed. */
export interface Paragraph extends BlockBase {
  type: 'p';
  text: string;
  /** @internal Inline nodes of `text` up to a stable cut, so a growing paragraph is scanned once. */
  cut?: InlineCut;
  /** @internal Offset of the paragraph's first character in the source. */
  at?: number;
}

/** An ATX heading (`#` … `######`), `level` 1–6. */
export interface Heading extends BlockBase {
  type: 'h';
  level: number;
  text: string;
}

/** A fenced code block. `text` ends with `\n` after each line; an unclosed fence runs to the end. */
export interface Code extends BlockBase {
  type: 'pre';
  /** First word of the info string, e.g. `ts`; empty when none. */
  lang: string;
  text: string;
  /** @internal The opening fence and its indentation, to recognise the closing fence. */
  fence: string;
  indent: number;
}

/** A thematic break (`---`, `***`, `___`). */
export interface Rule extends BlockBase {
  type: 'hr';
}

/** One table row; `head` for the header row. */
export interface Row extends BlockBase {
  type: 'tr';
  cells: string[];
  align: Align[];
  head?: boolean;
}

/** A GFM table: header row, alignments and body rows. */
export interface Table extends BlockBase {
  type: 'table';
  head: Row;
  align: Align[];
  children: Row[];
}

/** A blockquote. */
export interface Quote extends BlockBase {
  type: 'blockquote';
  children: Block[];
}

/** A bullet (`ul`) or ordered (`ol`) list. `marker` is `-`, `+`, `*`, `.` or `)`: another one starts a new list. */
export interface List extends BlockBase {
  type: 'ul' | 'ol';
  start: number;
  marker: string;
  children: Item[];
}

/** A list item; `indent` is the column its content starts at, which continuation lines must reach. */
export interface Item extends BlockBase {
  type: 'li';
  indent: number;
  children: Block[];
}

/** The document. */
export interface Root extends BlockBase {
  type: 'root';
  children: Block[];
}

/** Any block. */
export type Block = Paragraph | Heading | Code | Rule | Table | Quote | List | Item;
/** A block that holds blocks. */
export type Container = Root | Quote | List | Item;

/**
 * An inline node: a string is text (always rendered as a text node, never as markup).
 * `a.href` and `img.src` are present only when the URL passed `safeUrl`; a link without `href`
 * renders its text alone, an image without `src` its alt text.
 */
export type Inline =
  | string
  | { type: 'em' | 'strong' | 'del'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'br' }
  | { type: 'a'; href?: string; title?: string; children: Inline[] }
  | { type: 'img'; src?: string; alt: string; title?: string };

/** @internal Inline nodes of `text.slice(0, pos)`, final whatever follows. */
export interface InlineCut {
  pos: number;
  nodes: Inline[];
}
