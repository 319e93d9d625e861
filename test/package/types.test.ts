// The built package's types as an npm consumer sees them (moduleResolution NodeNext, the exports map):
// the files in test/package/consumer must compile against dist/types: npm.ts (every entry, with Node's types
// for the proxy's node:http adapter) and script-tag.ts (that entry alone, no Node types).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

describe('types for npm consumers', () => {
  it('every entry point type-checks as the README uses it', () => {
    expect(typecheck('tsconfig.json')).toBe('');
  }, 60_000);

  it('the script-tag entry alone types <agento-chat> with its methods and events', () => {
    expect(typecheck('tsconfig.script-tag.json')).toBe('');
  }, 60_000);
});

/** tsc's complaints about one consumer project, or '' when it compiles. */
function typecheck(project: string): string {
  const { ok, out } = runBin('tsc', ['-p', join('test/package/consumer', project)]);
  return ok ? '' : out;
}
