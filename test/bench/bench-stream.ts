/** The reply every renderer is measured on: tokens `w0 w1 …`, some bold, a paragraph every 50 tokens. */
export function benchTokens(count: number): string[] {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const word = i % 10 === 7 ? `**w${i}**` : `w${i}`;
    tokens.push(i % 50 === 49 ? `${word}\n\n` : `${word} `);
  }
  return tokens;
}

/** SSE frames for the tokens, grouped in bursts the way a fast upstream and TCP deliver them. */
export function* benchFrames(count: number, burst = 20): Generator<string> {
  const tokens = benchTokens(count);
  for (let i = 0; i < tokens.length; i += burst) {
    yield tokens
      .slice(i, i + burst)
      .map((content) => `data: ${JSON.stringify({ type: 'text', content })}\n\n`)
      .join('');
  }
  yield 'data: {"type":"done"}\n\n';
}
