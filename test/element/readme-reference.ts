import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One Markdown table of the README's reference: header cells and body rows, cells trimmed, `\|` unescaped. */
export interface Table {
  readonly headers: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

// A path, not a URL: under happy-dom `URL` is the DOM's, which Node's fs does not take.
const README = join(dirname(fileURLToPath(import.meta.url)), '../../README.md');

/** The text between `<!-- reference:start -->` and `<!-- reference:end -->`. */
export function referenceText(text = readFileSync(README, 'utf8')): string {
  const start = text.indexOf('<!-- reference:start -->');
  const end = text.indexOf('<!-- reference:end -->');
  if (start < 0 || end < start) throw new Error('README.md has no reference markers');
  return text.slice(start, end);
}

/** The reference's tables by the `####` heading above them (the first table under each heading). */
export function referenceTables(text = referenceText()): Map<string, Table> {
  const tables = new Map<string, Table>();
  let heading = '';
  let lines: string[] = [];
  const flush = () => {
    if (lines.length >= 2 && !tables.has(heading)) {
      const [head, , ...body] = lines.map(cells);
      tables.set(heading, { headers: head ?? [], rows: body });
    }
    lines = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('|')) {
      lines.push(line);
      continue;
    }
    flush();
    const match = /^#{3,4} (.+)$/.exec(line);
    if (match) heading = match[1]!.trim();
  }
  flush();
  return tables;
}

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replaceAll('\\|', '|'));
}

/** The first `code` span of a cell: `` `send(text)` `` → `send(text)`. */
export function code(cell: string | undefined): string | undefined {
  return cell ? /`([^`]+)`/.exec(cell)?.[1] : undefined;
}

/** A table of the reference, or a failure that names it. */
export function table(name: string): Table {
  const found = referenceTables().get(name);
  if (!found) throw new Error(`README.md's reference has no "${name}" table`);
  return found;
}

/** The first column's names of a table, without backticks (and without `(…)` for methods). */
export function names(name: string): string[] {
  return table(name).rows.map((row) => {
    const first = code(row[0]);
    if (!first) throw new Error(`"${name}" row without a name: ${row.join(' | ')}`);
    return first.replace(/\(.*\)$/, '');
  });
}
