// What the package tests share: the repository's root, and running one of its installed command-line tools.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs `node_modules/.bin/<command>` in the root: whether it exited 0, and what it printed (stdout, then stderr on failure). */
export function runBin(command: string, args: string[]): { ok: boolean; out: string } {
  try {
    return { ok: true, out: execFileSync(join(ROOT, 'node_modules', '.bin', command), args, { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' }) };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { ok: false, out: `${failed.stdout ?? ''}${failed.stderr ?? ''}` || String(error) };
  }
}
