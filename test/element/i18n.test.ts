// @vitest-environment happy-dom
import { waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LANGUAGES, isRightToLeft, resolveLanguage, type Language } from '../../widget/i18n/languages.js';
import { defineAgentoChat } from '../../widget/element/define.js';
import { shellEn } from '../../widget/view/shell-strings.js';
import { en, type Strings } from '../../widget/view/strings.js';
import { cleanup, handles, isShown, mount } from './support.js';

// Lets a test make one language's file fail to load, as a missing file on a CDN would.
const failing = new Set<string>();
vi.mock('../../widget/element/load-strings.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../widget/element/load-strings.js')>();
  return {
    loadStrings: (language: Parameters<typeof real.loadStrings>[0]) =>
      failing.has(language) ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : real.loadStrings(language),
  };
});

afterEach(() => {
  failing.clear();
  cleanup();
});

const tables = import.meta.glob<{ default: Partial<Strings> }>('../../widget/i18n/[a-z][a-z].ts', { eager: true });
const tableOf = (language: Exclude<Language, 'en'>) => tables[`../../widget/i18n/${language}.ts`]!.default;
const others = LANGUAGES.filter((language): language is Exclude<Language, 'en'> => language !== 'en');

describe('language tables', () => {
  it('there is one file per built-in language but English', () => {
    expect(Object.keys(tables).map((path) => /(\w+)\.ts$/.exec(path)![1]).sort()).toEqual([...others].sort());
  });

  it.each(others)('%s translates every word, keeps every {s} slot, and adds none', (language) => {
    const table = tableOf(language);
    expect(Object.keys(table).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(table)) {
      expect(value, key).toBeTruthy();
      expect(value, key).toBe(value!.trim());
    }
    for (const [key, english] of Object.entries(en)) if (english.includes('{s}')) expect(table[key as keyof Strings], key).toContain('{s}');
    // The launcher's words are translated, not left in English.
    expect(table.launcherOpen).not.toBe(en.launcherOpen);
  });

  it('English keeps the shell words (launcher, set-up notice) in one place', () => {
    expect(en).toMatchObject(shellEn);
  });

  it('resolveLanguage takes the primary subtag and falls back to English', () => {
    expect(resolveLanguage('de')).toBe('de');
    expect(resolveLanguage('de-AT')).toBe('de');
    expect(resolveLanguage('DE_ch')).toBe('de');
    expect(resolveLanguage(' ja-JP ')).toBe('ja');
    expect(resolveLanguage('ar-EG')).toBe('ar');
    expect(resolveLanguage('pt-BR')).toBe('en');
    expect(resolveLanguage('')).toBe('en');
    expect(resolveLanguage(null)).toBe('en');
    expect(LANGUAGES.filter(isRightToLeft)).toEqual(['ar']);
  });
});

describe('lang', () => {
  it('lang="de": the launcher and the panel speak German', async () => {
    const { part, panel, screen } = mount({ endpoint: '/api/agento', lang: 'de' });
    await waitFor(() => expect(part('launcher')?.getAttribute('aria-label')).toBe('Chat öffnen'));
    part('launcher')!.click();
    await panel();
    expect(part('launcher')?.getAttribute('aria-label')).toBe('Chat schließen');
    expect(screen.getByRole('heading').textContent).toBe(tableOf('de').title);
    expect(part<HTMLTextAreaElement>('input')?.placeholder).toBe('Nachricht schreiben…');
    expect(part('send')?.getAttribute('aria-label')).toBe('Senden');
    expect(part('messages')?.textContent).toContain(tableOf('de').empty);
  });

  it('defaults to the page’s language: <html lang>, or the nearest [lang] ancestor', async () => {
    document.documentElement.lang = 'fr';
    const first = mount({ endpoint: '/api/agento' });
    await waitFor(() => expect(first.part('launcher')?.getAttribute('aria-label')).toBe('Ouvrir la discussion'));

    const section = document.createElement('section');
    section.lang = 'es-MX';
    document.body.append(section);
    const second = mount({ endpoint: '/api/agento' }, section);
    await waitFor(() => expect(second.part('launcher')?.getAttribute('aria-label')).toBe('Abrir chat'));
    section.remove();
  });

  it('a region is ignored (de-AT is German); an unknown language is English', async () => {
    const austrian = mount({ endpoint: '/api/agento', lang: 'de-AT' });
    await waitFor(() => expect(austrian.part('launcher')?.getAttribute('aria-label')).toBe('Chat öffnen'));
    const portuguese = mount({ endpoint: '/api/agento', lang: 'pt-BR', open: '' });
    expect(portuguese.part('launcher')?.getAttribute('aria-label')).toBe(en.launcherClose);
    expect((await portuguese.panel()).querySelector('h2')?.textContent).toBe(en.title);
  });

  it('follows a change of lang, also while the panel is open', async () => {
    const { el, part, panel, screen } = mount({ endpoint: '/api/agento', lang: 'ja', open: '' });
    await panel();
    await waitFor(() => expect(screen.getByRole('heading').textContent).toBe('チャット'));
    el.lang = 'es';
    // Until the Spanish words arrive the Japanese ones stay: no flash of English in between.
    expect(screen.getByRole('heading').textContent).toBe('チャット');
    await waitFor(() => expect(part('send')?.getAttribute('aria-label')).toBe('Enviar'));
    expect(screen.getByRole('heading').textContent).toBe('Chat');
    el.removeAttribute('lang');
    await waitFor(() => expect(part('send')?.getAttribute('aria-label')).toBe(en.send));
  });

  it('waits for the language before drawing the panel: no English flash', async () => {
    const { part, panel } = mount({ endpoint: '/api/agento', lang: 'ja', open: '' });
    await panel();
    expect(part('send')?.getAttribute('aria-label')).toBe('送信');
  });

  it('a language file that fails to load leaves the words in English', async () => {
    failing.add('fr');
    const { part, panel } = mount({ endpoint: '/api/agento', lang: 'fr', open: '' });
    await panel();
    expect(part('send')?.getAttribute('aria-label')).toBe(en.send);
    expect(part('launcher')?.getAttribute('aria-label')).toBe(en.launcherClose);
  });

  it('the set-up notice is translated too', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { part } = mount({ lang: 'es', mode: 'inline' });
    await waitFor(() => expect(part('error')?.textContent).toBe(tableOf('es').missingEndpoint));
  });
});

describe('direction', () => {
  it('Arabic lays the panel out right to left', async () => {
    const { part, panel } = mount({ endpoint: '/api/agento', lang: 'ar', open: '' });
    const section = await panel();
    expect(section.closest('[dir]')?.getAttribute('dir')).toBe('rtl');
    expect(part('send')?.getAttribute('aria-label')).toBe('إرسال');
  });

  it('an Arabic page without dir: right to left', async () => {
    document.documentElement.lang = 'ar';
    const { panel } = mount({ endpoint: '/api/agento', open: '' });
    expect((await panel()).closest('[dir]')?.getAttribute('dir')).toBe('rtl');
  });

  it('dir on the element wins over the language', async () => {
    const { el, panel } = mount({ endpoint: '/api/agento', lang: 'ar', dir: 'ltr', open: '' });
    const section = await panel();
    expect(section.closest('[dir]')?.getAttribute('dir')).toBe('ltr');
    expect(el.position).toBe('bottom-right');
    el.dir = 'rtl';
    expect(section.closest('[dir]')?.getAttribute('dir')).toBe('rtl');
  });

  it('the page’s dir wins when the page chose the language too', async () => {
    const page = document.createElement('div');
    page.lang = 'ar';
    page.dir = 'ltr';
    document.body.append(page);
    const { panel } = mount({ endpoint: '/api/agento', open: '' }, page);
    expect((await panel()).closest('[dir]')?.getAttribute('dir')).toBe('ltr');
    page.remove();
  });

  it('a right-to-left page makes an English widget right to left too; lang on the element makes it left to right', async () => {
    document.documentElement.lang = 'he';
    document.documentElement.dir = 'rtl';
    const hebrew = mount({ endpoint: '/api/agento', open: '' });
    expect((await hebrew.panel()).closest('[dir]')?.getAttribute('dir')).toBe('rtl');
    expect(hebrew.el.position).toBe('bottom-left');
    const english = mount({ endpoint: '/api/agento', open: '', lang: 'en' });
    expect((await english.panel()).closest('[dir]')?.getAttribute('dir')).toBe('ltr');
  });
});

describe('words', () => {
  it('the strings property replaces any word, over the language', async () => {
    const { el, part, panel, screen } = mount({ endpoint: '/api/agento', lang: 'de', open: '' });
    await panel();
    el.strings = { title: 'Hilfe', send: 'Los', launcherClose: 'Zu' };
    await waitFor(() => expect(screen.getByRole('heading').textContent).toBe('Hilfe'));
    expect(part('send')?.getAttribute('aria-label')).toBe('Los');
    expect(part('launcher')?.getAttribute('aria-label')).toBe('Zu');
    // Words left out come from the language.
    expect(part('new-conversation')?.getAttribute('aria-label')).toBe('Neues Gespräch');
    expect(el.strings).toEqual({ title: 'Hilfe', send: 'Los', launcherClose: 'Zu' });
  });

  it('the getter returns a copy; null clears the replacements', async () => {
    const { el, screen, panel } = mount({ endpoint: '/api/agento', open: '' });
    await panel();
    el.strings = { title: 'Support' };
    el.strings.title = 'Ignored';
    expect(el.strings.title).toBe('Support');
    await waitFor(() => expect(screen.getByRole('heading').textContent).toBe('Support'));
    el.strings = null;
    await waitFor(() => expect(screen.getByRole('heading').textContent).toBe(en.title));
    expect(el.strings).toEqual({});
  });

  it('the title, placeholder and launcher-label attributes win over strings', async () => {
    const { el, part, panel, screen } = mount({ endpoint: '/api/agento', title: 'Sales', placeholder: 'Ask sales', 'launcher-label': 'Talk to sales' });
    el.strings = { title: 'Support', placeholder: 'Ask support', launcherOpen: 'Talk to support' };
    expect(part('launcher')?.getAttribute('aria-label')).toBe('Talk to sales');
    el.open();
    await panel();
    expect(screen.getByRole('heading').textContent).toBe('Sales');
    expect(part<HTMLTextAreaElement>('input')?.placeholder).toBe('Ask sales');
    el.removeAttribute('title');
    await waitFor(() => expect(screen.getByRole('heading').textContent).toBe('Support'));
  });

  it('greeting replaces the empty-conversation text', async () => {
    const { el, part, panel } = mount({ endpoint: '/api/agento', mode: 'inline', greeting: 'Hi there' });
    await panel();
    expect(part('messages')?.textContent).toBe('Hi there');
    el.greeting = undefined;
    await waitFor(() => expect(part('messages')?.textContent).toBe(en.empty));
  });

  it('strings set before the element was defined are kept', async () => {
    const el = document.createElement('agento-chat-early') as HTMLElement & { strings?: Partial<Strings> };
    el.setAttribute('endpoint', '/api/agento');
    el.strings = { launcherOpen: 'Early bird' };
    document.body.append(el);
    defineAgentoChat('agento-chat-early');
    const { part } = handles(el as never);
    await waitFor(() => expect(part('launcher')?.getAttribute('aria-label')).toBe('Early bird'));
    expect(isShown(part('launcher'))).toBe(true);
    el.remove();
  });
});
