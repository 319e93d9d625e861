import { describe, expect, it } from 'vitest';
import { MAGIC_FAULTS, parseMagicFaults } from '../../demo/emulator/index.js';
import { scriptReply } from '../../demo/emulator/reply-script.js';
import { tokenize } from '../../demo/emulator/tokenize.js';

describe('magic fault words', () => {
  it('takes fault names after /fault and keeps the rest of the message', () => {
    expect(parseMagicFaults('/fault cut ping tell me more')).toEqual({
      faults: { cutAfterTokens: 8, ping: true },
      names: ['cut', 'ping'],
      message: 'tell me more',
    });
    expect(parseMagicFaults('/FAULT 429')).toEqual({ faults: { status: 429 }, names: ['429'], message: '' });
    expect(parseMagicFaults('/fault crlf,done  hello\nworld').message).toBe('hello\nworld');
  });

  it('leaves ordinary messages alone', () => {
    expect(parseMagicFaults('what is a /fault cut?')).toEqual({ faults: {}, names: [], message: 'what is a /fault cut?' });
    expect(parseMagicFaults('/faulty cut').names).toEqual([]);
  });

  it('has a word for every fault the brief names', () => {
    expect(Object.keys(MAGIC_FAULTS).sort()).toEqual(
      ['429', '500', 'crlf', 'cut', 'done', 'drop', 'error', 'ping', 'slow', 'stall', 'unknown'].sort(),
    );
  });
});

describe('reply scripts', () => {
  it('tokenizes so that the tokens join back to the text', () => {
    for (const text of ['', 'one', '  lead and trail  ', 'lines\n\n- a\n- b\n```ts\nx\n```']) {
      expect(tokenize(text).join('')).toBe(text);
    }
  });

  it('ends a cut or error even when the reply is shorter than the token count', () => {
    expect(scriptReply('two words', { cutAfterTokens: 10 }, () => 0).outcome).toBe('cut');
    expect(scriptReply('two words', { errorAfterTokens: 10, cutAfterTokens: 20 }, () => 0).outcome).toBe('error');
    expect(scriptReply('two words', { errorAfterTokens: 5, cutAfterTokens: 1 }, () => 0).outcome).toBe('cut');
    expect(scriptReply('', { cutAfterTokens: 0 }, () => 0).steps).toEqual([]);
  });
});
