/** Runs `flush` with the next animation frame, or in 16 ms where there are none (workers, Node). */
export const nextFrame = (flush: () => void): void => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(flush);
  else setTimeout(flush, 16);
};

/** Collects a reply's tokens between two flushes. */
export interface TokenBuffer {
  push(text: string): void;
  /** Hands over what is pending now (the reply ended). */
  flush(): void;
}

/**
 * Buffers tokens and hands them to `write` at most once per `schedule`d flush, so the view renders once
 * per frame, never per token.
 */
export function bufferTokens(schedule: (flush: () => void) => void, write: (text: string) => void): TokenBuffer {
  let pending = '';
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const text = pending;
    pending = '';
    if (text) write(text);
  };
  return {
    push(text) {
      pending += text;
      if (!scheduled) (scheduled = true), schedule(flush);
    },
    flush,
  };
}
