// The package as npm would publish it, checked by publint and @arethetypeswrong/cli (`npm run lint:package`).
import { describe, expect, it } from 'vitest';
import { runBin as run } from './run-bin.js';

describe('publishing', () => {
  it('publint --strict finds nothing', () => {
    const { ok, out } = run('publint', ['--strict']);
    expect(out).toContain('All good');
    expect(ok, out).toBe(true);
  }, 60_000);

  it('are-the-types-wrong finds nothing for ESM consumers (Node 16+ ESM and bundlers)', () => {
    const { ok, out } = run('attw', ['--pack', '--profile', 'esm-only', '--format', 'json']);
    expect(ok, out).toBe(true);
    const report = JSON.parse(out.slice(out.indexOf('{')));
    const problems = (report.analysis?.problems ?? []).filter((problem: { resolutionKind?: string }) => !['node10', 'node16-cjs'].includes(problem.resolutionKind ?? ''));
    expect(problems).toEqual([]);
  }, 60_000);
});
