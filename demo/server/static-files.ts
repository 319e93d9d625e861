/// <reference types="node" />
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The policy HTML pages are served with: nothing inline, nothing from elsewhere. The widget must
 * work under it (constructable stylesheets, no inline styles or scripts), so the demo proves it.
 */
export const DEMO_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export interface StaticFilesOptions {
  /** The directory served; nothing outside it, and no dot-files or dot-directories in it. */
  readonly root: string;
  /** The `Content-Security-Policy` of HTML answers, or `false` for none. @defaultValue {@link DEMO_CSP} */
  readonly csp?: string | false;
}

/** A small static file server for the demo without Vite: `index.html`, `demo/*.html`, `dist/*`. */
export function createStaticFiles(options: StaticFilesOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const root = resolve(options.root);
  const csp = options.csp ?? DEMO_CSP;

  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
    const file = await findFile(root, req.url ?? '/');
    if (!file) return sendText(res, 404, 'Not Found');

    const type = CONTENT_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': file.size,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      ...(csp && type.startsWith('text/html') ? { 'Content-Security-Policy': csp } : {}),
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file.path).on('error', () => res.destroy()).pipe(res);
  };
}

/** Maps a URL to a file under root, or undefined: unknown, a directory without index.html, or off limits. */
async function findFile(root: string, url: string): Promise<{ path: string; size: number } | undefined> {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://demo.invalid').pathname);
  } catch {
    return undefined; // a malformed escape
  }
  const segments = pathname.split(/[/\\]/).filter(Boolean);
  // `..` and dot-files (.git, .env) are refused outright, before touching the disk.
  if (pathname.includes('\0') || segments.some((segment) => segment.startsWith('.'))) return undefined;

  let path = resolve(root, ...segments);
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  try {
    let info = await stat(path);
    if (info.isDirectory()) {
      path = join(path, 'index.html');
      info = await stat(path);
    }
    return info.isFile() ? { path, size: info.size } : undefined;
  } catch {
    return undefined;
  }
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(text);
}
