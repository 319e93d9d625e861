import { describe, expect, test } from 'vitest';
import { safeUrl } from '../../widget/view/markdown/index.js';

describe('safeUrl', () => {
  test('allows absolute http, https and mailto, normalised', () => {
    expect(safeUrl('https://a.example')).toBe('https://a.example/');
    expect(safeUrl('HTTP://A.example/x y')).toBe('http://a.example/x%20y');
    expect(safeUrl('mailto:me@a.example')).toBe('mailto:me@a.example');
    expect(safeUrl('  https://a.example/?a=1&amp;b=2  ')).toBe('https://a.example/?a=1&b=2');
  });

  test.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    '&#X6a;avascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    '\u0000javascript:alert(1)',
    'java\u0000script:alert(1)',
    '\u0001\u001fjavascript:alert(1)',
    '   javascript:alert(1)',
    'javascript&colon;alert(1)',
    '%6Aavascript:alert(1)',
    'javascript%3Aalert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:image/svg+xml,<svg onload=alert(1)>',
    'file:///etc/passwd',
    'ftp://a.example/',
    'blob:https://a.example/x',
    '//evil.example/x',
    '/relative',
    'relative',
    '#frag',
    '',
  ])('refuses %j', (url) => {
    expect(safeUrl(url)).toBeUndefined();
  });

  test('images: http(s) only', () => {
    expect(safeUrl('https://i.example/a.png', true)).toBe('https://i.example/a.png');
    expect(safeUrl('mailto:a@b.example', true)).toBeUndefined();
    expect(safeUrl('data:image/png;base64,AAAA', true)).toBeUndefined();
  });
});
