import { request as httpRequest } from 'node:http';

/** A browser-like client of the demo server: it keeps the visitor cookie between calls, like a browser tab. */
export class Visitor {
  cookie: string | undefined;

  constructor(
    private readonly baseUrl: string,
    private readonly page = '/',
  ) {}

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('Cookie', this.cookie);
    headers.set('Referer', new URL(this.page, this.baseUrl).href);
    const response = await fetch(new URL(path, this.baseUrl), { ...init, headers });
    const visitor = response.headers.getSetCookie().find((cookie) => cookie.startsWith('agento_visitor='));
    if (visitor) this.cookie = visitor.split(';')[0];
    return response;
  }

  /** `POST /api/agento/sessions` → the proxy's token. */
  async newSession(): Promise<string> {
    const response = await this.fetch('/api/agento/sessions', { method: 'POST' });
    if (response.status !== 201) throw new Error(`sessions answered ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { sessionId: string }).sessionId;
  }

  send(sessionId: string, message: string, init: RequestInit = {}): Promise<Response> {
    return this.fetch('/api/agento/messages', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ message, sessionId }),
      ...init,
    });
  }

  history(sessionId: string): Promise<Response> {
    return this.fetch(`/api/agento/messages?${new URLSearchParams({ sessionId })}`);
  }
}

/** A GET with the path sent exactly as written (fetch would normalise `..` away). */
export function rawGet(baseUrl: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
