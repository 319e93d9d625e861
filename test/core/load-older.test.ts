import { afterEach, describe, expect, it, vi } from 'vitest';
import { createChat, HISTORY_PAGE_SIZE } from '../../widget/core/create-chat.js';
import { HttpError } from '../../widget/core/errors.js';
import { sessionKey } from '../../widget/core/session-store.js';
import type { Chat, HistoryMessage } from '../../widget/core/types.js';
import { deferred, fakeTransport, historyMessage, historyPage, memoryStorage, settle } from './fakes.js';

const ENDPOINT = '/api/agento';

const chats: Chat[] = [];
afterEach(() => {
  for (const chat of chats.splice(0)) chat.dispose();
});

/** A chat whose stored session holds `total` messages, served by `limit`/`offset` like the proxy. */
function setup(total: number) {
  const all = Array.from({ length: total }, (_, i) => historyMessage(i));
  const transport = fakeTransport();
  transport.history.mockImplementation(async (_id, { offset = 0, limit = 50 }) => historyPage(all.slice(offset, offset + limit), all.length, offset));
  const onError = vi.fn();
  const storage = memoryStorage({ [sessionKey(ENDPOINT)]: JSON.stringify({ v: 1, sessionId: 'tok-1' }) });
  const chat = createChat({ endpoint: ENDPOINT, transport, storage, schedule: (flush) => flush(), onError, retry: false, pollMs: 0 });
  chats.push(chat);
  const contents = () => chat.messages.value.map((m) => m.content);
  const queries = () => transport.history.mock.calls.map(([, query]) => query);
  return { all, chat, transport, onError, contents, queries };
}

const text = (messages: readonly HistoryMessage[]) => messages.map((m) => m.content);

describe('createChat: loadOlder', () => {
  it('pages back through a long history with limit/offset, oldest page last, until hasOlder is false', async () => {
    const { all, chat, contents, queries } = setup(120);
    expect(chat.hasOlder.value).toBe(false);
    await chat.loadHistory();
    expect(contents()).toEqual(text(all.slice(70)));
    expect(chat.hasOlder.value).toBe(true);

    await chat.loadOlder();
    expect(queries().at(-1)).toEqual({ limit: HISTORY_PAGE_SIZE, offset: 20 });
    expect(contents()).toEqual(text(all.slice(20)));
    expect(chat.hasOlder.value).toBe(true);

    await chat.loadOlder();
    // The last page is short: exactly the 20 messages before the oldest shown.
    expect(queries().at(-1)).toEqual({ limit: 20, offset: 0 });
    expect(contents()).toEqual(text(all));
    expect(chat.hasOlder.value).toBe(false);

    const calls = queries().length;
    await chat.loadOlder();
    expect(queries()).toHaveLength(calls);
    expect(chat.messages.value.every((m) => m.state === 'complete')).toBe(true);
  });

  it('has nothing older when the whole history fits one page (offset 0), and asks for nothing', async () => {
    const { chat, contents, queries } = setup(HISTORY_PAGE_SIZE);
    await chat.loadHistory();
    expect(contents()).toHaveLength(HISTORY_PAGE_SIZE);
    expect(chat.hasOlder.value).toBe(false);
    await chat.loadOlder();
    expect(queries()).toEqual([{ limit: HISTORY_PAGE_SIZE }]);
  });

  it('has nothing older before any history, and in a new conversation', async () => {
    const { chat, transport } = setup(120);
    await chat.loadOlder();
    expect(transport.history).not.toHaveBeenCalled();
    await chat.loadHistory();
    expect(chat.hasOlder.value).toBe(true);
    await chat.newConversation();
    expect(chat.hasOlder.value).toBe(false);
    const calls = transport.history.mock.calls.length;
    await chat.loadOlder();
    expect(transport.history).toHaveBeenCalledTimes(calls);
  });

  it('loads one page at a time: calls during a load share it', async () => {
    const { all, chat, transport, contents } = setup(200);
    await chat.loadHistory();
    const page = deferred<ReturnType<typeof historyPage>>();
    transport.history.mockReturnValueOnce(page.promise);

    const first = chat.loadOlder();
    const second = chat.loadOlder();
    expect(second).toBe(first);
    expect(transport.history).toHaveBeenCalledTimes(3);
    page.resolve(historyPage(all.slice(100, 150), all.length, 100));
    await Promise.all([first, second]);
    expect(contents()).toEqual(text(all.slice(100)));

    // Done: the next call loads the next page.
    await chat.loadOlder();
    expect(contents()).toEqual(text(all.slice(50)));
  });

  it('never duplicates a message, even when the server’s page overlaps what is shown', async () => {
    const { all, chat, transport, contents } = setup(120);
    await chat.loadHistory();
    // A server whose history shifted: the page before offset 70 reaches 5 messages into the shown ones.
    transport.history.mockImplementationOnce(async () => historyPage(all.slice(25, 75), all.length, 25));
    await chat.loadOlder();
    expect(contents()).toEqual(text(all.slice(25)));
    expect(new Set(chat.messages.value.map((m) => m.id)).size).toBe(95);
  });

  it('keeps its place when new messages arrive at the end meanwhile', async () => {
    const { all, chat, transport, contents, queries } = setup(120);
    await chat.loadHistory();
    const sending = chat.send('new question');
    await settle();
    transport.reply.text('new answer');
    transport.reply.push({ type: 'done' });
    await sending;
    expect(contents().slice(-2)).toEqual(['new question', 'new answer']);

    await chat.loadOlder();
    expect(queries().at(-1)).toEqual({ limit: 50, offset: 20 });
    expect(contents()).toEqual([...text(all.slice(20)), 'new question', 'new answer']);
  });

  it('prepends while a reply streams, without touching the reply or the status', async () => {
    const { all, chat, transport, contents } = setup(120);
    await chat.loadHistory();
    void chat.send('question');
    await settle();
    transport.reply.text('Hel');
    await settle();
    expect(chat.status.value).toBe('streaming');

    await chat.loadOlder();
    expect(chat.status.value).toBe('streaming');
    transport.reply.text('lo');
    transport.reply.push({ type: 'done' });
    await settle();
    await settle();
    expect(contents()).toEqual([...text(all.slice(20)), 'question', 'Hello']);
    expect(chat.messages.value.at(-1)?.state).toBe('complete');
  });

  it('drops a page that arrives after the conversation changed', async () => {
    const { chat, transport, all } = setup(120);
    await chat.loadHistory();
    const page = deferred<ReturnType<typeof historyPage>>();
    transport.history.mockReturnValueOnce(page.promise);
    const loading = chat.loadOlder();
    await chat.newConversation();
    page.resolve(historyPage(all.slice(20, 70), all.length, 20));
    await loading;
    expect(chat.messages.value).toEqual([]);
    expect(chat.hasOlder.value).toBe(false);
  });

  it('reports a failure to onError and never rejects; status stays, and the next call tries again', async () => {
    const { all, chat, transport, onError, contents } = setup(120);
    await chat.loadHistory();
    const error = new HttpError(503, 'unavailable', 'Try later.');
    transport.history.mockRejectedValueOnce(error);

    await expect(chat.loadOlder()).resolves.toBeUndefined();
    expect(onError).toHaveBeenCalledWith(error);
    expect(chat.status.value).toBe('idle');
    expect(chat.error.value).toBe(null);
    expect(chat.hasOlder.value).toBe(true);
    expect(contents()).toEqual(text(all.slice(70)));

    await chat.loadOlder();
    expect(contents()).toEqual(text(all.slice(20)));
  });
});
