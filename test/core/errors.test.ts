import { describe, expect, it } from 'vitest';
import { AgentoError, HttpError, NetworkError, StreamError, httpErrorFrom, retryAfterFrom } from '../../widget/core/errors.js';

const NOW = Date.parse('2030-01-01T00:00:00Z');

describe('httpErrorFrom', () => {
  it('takes code and message from a JSON error body', async () => {
    const response = Response.json({ error: { code: 'message_too_long', message: 'At most 4000 characters.' } }, { status: 413 });
    const error = await httpErrorFrom(response);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toBeInstanceOf(AgentoError);
    expect(error).toMatchObject({ name: 'HttpError', status: 413, code: 'message_too_long', message: 'At most 4000 characters.' });
    expect(error.retryAfter).toBeUndefined();
  });

  it('falls back to the status for a body that is not JSON', async () => {
    const response = new Response('<html><body>Bad gateway</body></html>', {
      status: 502,
      statusText: 'Bad Gateway',
      headers: { 'Content-Type': 'text/html' },
    });
    expect(await httpErrorFrom(response)).toMatchObject({ status: 502, code: 'http_502', message: 'Bad Gateway' });
  });

  it('falls back to the status for JSON without an error object, or with wrong types', async () => {
    expect(await httpErrorFrom(Response.json(null, { status: 500 }))).toMatchObject({ code: 'http_500', message: 'HTTP 500' });
    expect(await httpErrorFrom(Response.json({ error: { code: 5, message: [] } }, { status: 503 }))).toMatchObject({
      code: 'http_503',
      message: 'HTTP 503',
    });
  });

  it('reads Retry-After in seconds as milliseconds', async () => {
    const response = Response.json({ error: { code: 'rate_limited', message: 'Slow down.' } }, { status: 429, headers: { 'Retry-After': '7' } });
    expect(await httpErrorFrom(response)).toMatchObject({ status: 429, code: 'rate_limited', retryAfter: 7000 });
  });
});

describe('retryAfterFrom', () => {
  it('reads Retry-After seconds', () => {
    expect(retryAfterFrom(new Headers({ 'Retry-After': '30' }), NOW)).toBe(30_000);
    expect(retryAfterFrom(new Headers({ 'Retry-After': '0' }), NOW)).toBe(0);
  });

  it('reads a Retry-After HTTP date relative to now, never negative', () => {
    expect(retryAfterFrom(new Headers({ 'Retry-After': new Date(NOW + 12_000).toUTCString() }), NOW)).toBe(12_000);
    expect(retryAfterFrom(new Headers({ 'Retry-After': new Date(NOW - 5_000).toUTCString() }), NOW)).toBe(0);
  });

  it('reads X-RateLimit-Reset as Unix seconds when there is no Retry-After', () => {
    expect(retryAfterFrom(new Headers({ 'X-RateLimit-Reset': String(NOW / 1000 + 20) }), NOW)).toBe(20_000);
  });

  it('prefers Retry-After over X-RateLimit-Reset', () => {
    const headers = new Headers({ 'Retry-After': '3', 'X-RateLimit-Reset': String(NOW / 1000 + 20) });
    expect(retryAfterFrom(headers, NOW)).toBe(3000);
  });

  it('says nothing when the server said nothing usable', () => {
    expect(retryAfterFrom(new Headers(), NOW)).toBeUndefined();
    expect(retryAfterFrom(new Headers({ 'Retry-After': 'soon' }), NOW)).toBeUndefined();
  });
});

describe('error classes', () => {
  it('have their names and keep their cause', () => {
    const cause = new TypeError('Failed to fetch');
    const network = new NetworkError('Could not reach the chat server.', { cause });
    expect(network).toMatchObject({ name: 'NetworkError', code: 'network_error', cause });
    expect(network).toBeInstanceOf(AgentoError);

    const stream = new StreamError('interrupted', 'Cut off.', { cause });
    expect(stream).toMatchObject({ name: 'StreamError', code: 'interrupted', cause });

    const http = new HttpError(500, 'internal', 'Boom', undefined, { cause });
    expect(http).toMatchObject({ name: 'HttpError', status: 500, cause });

    expect(new AgentoError('x', 'y', { cause })).toMatchObject({ name: 'AgentoError', code: 'x', cause });
  });
});
