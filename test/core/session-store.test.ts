// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSessionStore, sessionKey } from '../../widget/core/session-store.js';
import type { StorageLike } from '../../widget/core/types.js';
import { memoryStorage } from './fakes.js';

/** Storage as Safari's private mode or a sandboxed frame has it: every call throws. */
function throwingStorage(name: 'SecurityError' | 'QuotaExceededError'): StorageLike {
  const fail = () => {
    throw new DOMException('Storage is not available.', name);
  };
  return { getItem: fail, setItem: fail, removeItem: fail };
}

const stored = (sessionId: unknown) => JSON.stringify({ v: 1, sessionId });

afterEach(() => {
  localStorage.clear();
});

describe('createSessionStore', () => {
  it('round-trips a token through storage', () => {
    const storage = memoryStorage();
    const store = createSessionStore('/api/agento', storage);
    expect(store.get()).toBeNull();
    store.set('tok-1');
    expect(store.get()).toBe('tok-1');
    // A fresh store (a reload) reads it back.
    expect(createSessionStore('/api/agento', storage).get()).toBe('tok-1');
    store.set(null);
    expect(storage.data.size).toBe(0);
    expect(createSessionStore('/api/agento', storage).get()).toBeNull();
  });

  it('keys the token by endpoint, so two widgets never share a session', () => {
    const storage = memoryStorage();
    expect(sessionKey('/api/a')).not.toBe(sessionKey('/api/b'));
    expect(sessionKey('/api/a')).toContain('/api/a');
    const a = createSessionStore('/api/a', storage);
    const b = createSessionStore('/api/b', storage);
    a.set('tok-a');
    b.set('tok-b');
    expect([...storage.data.keys()].sort()).toEqual([sessionKey('/api/a'), sessionKey('/api/b')].sort());
    expect(createSessionStore('/api/a', storage).get()).toBe('tok-a');
    expect(createSessionStore('/api/b', storage).get()).toBe('tok-b');
    b.set(null);
    expect(createSessionStore('/api/a', storage).get()).toBe('tok-a');
  });

  it('uses localStorage by default', () => {
    createSessionStore('/api/agento').set('tok-ls');
    expect(JSON.parse(localStorage.getItem(sessionKey('/api/agento')) ?? 'null')).toEqual({ v: 1, sessionId: 'tok-ls' });
    expect(createSessionStore('/api/agento').get()).toBe('tok-ls');
  });

  it.each(['SecurityError', 'QuotaExceededError'] as const)('falls back to memory when storage throws %s', (name) => {
    const store = createSessionStore('/e', throwingStorage(name));
    expect(() => store.get()).not.toThrow();
    expect(store.get()).toBeNull();
    expect(() => store.set('tok-mem')).not.toThrow();
    expect(store.get()).toBe('tok-mem');
    expect(() => store.set(null)).not.toThrow();
    expect(store.get()).toBeNull();
  });

  it('keeps the token in memory when only writing fails (quota full)', () => {
    const storage = { ...memoryStorage(), setItem: throwingStorage('QuotaExceededError').setItem };
    const store = createSessionStore('/e', storage);
    store.set('tok-mem');
    expect(store.get()).toBe('tok-mem');
  });

  it('falls back to memory when reading localStorage itself throws', () => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    try {
      const store = createSessionStore('/e');
      store.set('tok-mem');
      expect(store.get()).toBe('tok-mem');
    } finally {
      if (descriptor) Object.defineProperty(globalThis, 'localStorage', descriptor);
    }
    expect(localStorage.length).toBe(0);
  });

  it.each([
    ['not JSON', 'not json'],
    ['another version', '{"v":2,"sessionId":"tok"}'],
    ['no version', '{"sessionId":"tok"}'],
    ['a version without token', '{"v":2}'],
    ['a number token', '{"v":1,"sessionId":5}'],
    ['an empty token', '{"v":1,"sessionId":""}'],
    ['JSON null', 'null'],
    ['a JSON string', '"tok"'],
    ['empty', ''],
  ])('reads garbage (%s) as no session', (_, raw) => {
    const store = createSessionStore('/e', memoryStorage({ [sessionKey('/e')]: raw }));
    expect(store.get()).toBeNull();
  });

  it('keeps the token in memory only with storage: null', () => {
    const store = createSessionStore('/e', null);
    store.set('tok-mem');
    expect(store.get()).toBe('tok-mem');
    expect(localStorage.length).toBe(0);
    expect(createSessionStore('/e', null).get()).toBeNull();
    expect(store.subscribe(() => {})).toBeTypeOf('function');
  });
});

describe('createSessionStore.subscribe', () => {
  /** What another tab does: write the shared storage, then the browser fires `storage` here. */
  function otherTab(storage: ReturnType<typeof memoryStorage>, key: string | null, value: string | null) {
    if (key !== null) {
      if (value === null) storage.data.delete(key);
      else storage.data.set(key, value);
    } else {
      storage.data.clear();
    }
    dispatchEvent(new StorageEvent('storage', { key, newValue: value }));
  }

  it('calls back when another tab changes this endpoint’s token', () => {
    const storage = memoryStorage({ [sessionKey('/e')]: stored('tok-1') });
    const store = createSessionStore('/e', storage);
    expect(store.get()).toBe('tok-1');
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);

    otherTab(storage, sessionKey('/e'), stored('tok-2'));
    expect(listener).toHaveBeenLastCalledWith('tok-2');
    expect(store.get()).toBe('tok-2');

    otherTab(storage, sessionKey('/e'), null);
    expect(listener).toHaveBeenLastCalledWith(null);
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
  });

  it('calls back when another tab clears all storage (key null)', () => {
    const storage = memoryStorage({ [sessionKey('/e')]: stored('tok-1') });
    const store = createSessionStore('/e', storage);
    store.get();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    otherTab(storage, null, null);
    expect(listener).toHaveBeenCalledExactlyOnceWith(null);
    unsubscribe();
  });

  it('ignores other keys, unchanged tokens, and stops after unsubscribe', () => {
    const storage = memoryStorage({ [sessionKey('/e')]: stored('tok-1') });
    const store = createSessionStore('/e', storage);
    store.get();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);

    otherTab(storage, sessionKey('/other'), stored('tok-x'));
    otherTab(storage, 'unrelated', 'x');
    otherTab(storage, sessionKey('/e'), stored('tok-1'));
    expect(listener).not.toHaveBeenCalled();

    unsubscribe();
    otherTab(storage, sessionKey('/e'), stored('tok-2'));
    expect(listener).not.toHaveBeenCalled();
  });
});
