// What the build ships, checked after `npm run build` (`npm test` builds first).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run-bin.js';
import ar from '../../widget/i18n/ar.js';
import de from '../../widget/i18n/de.js';
import es from '../../widget/i18n/es.js';
import fr from '../../widget/i18n/fr.js';
import ja from '../../widget/i18n/ja.js';
import { LANGUAGES } from '../../widget/i18n/languages.js';

const dist = (file: string) => readFileSync(join(ROOT, 'dist', file), 'utf8');
const TABLES = { de, fr, es, ja, ar };

describe('script-tag files', () => {
  it('are the loader, the panel and one file per language but English: nothing else', () => {
    const files = readdirSync(join(ROOT, 'dist')).filter((file) => file.startsWith('agento-chat') && !file.startsWith('agento-chat-element-'));
    const languages = LANGUAGES.filter((language) => language !== 'en').map((language) => `agento-chat-lang-${language}.js`);
    expect(files.sort()).toEqual(['agento-chat-panel.js', 'agento-chat.js', ...languages].sort());
  });

  it('the loader and the panel carry no language but English', () => {
    for (const file of ['agento-chat.js', 'agento-chat-panel.js']) {
      const code = dist(file);
      for (const [language, table] of Object.entries(TABLES)) {
        for (const key of ['launcherOpen', 'newConversation', 'errorGeneric'] as const) {
          expect(code.includes(table[key]!), `${file} holds ${language}.${key}`).toBe(false);
        }
      }
    }
    expect(dist('agento-chat.js')).toContain('Open chat');
  });

  it('the loader holds only the shell words of English; the rest of English is in the panel', () => {
    expect(dist('agento-chat.js')).not.toContain('New conversation');
    expect(dist('agento-chat-panel.js')).toContain('New conversation');
  });

  it('each language file is a module whose default export is its table, importing nothing', async () => {
    for (const [language, table] of Object.entries(TABLES)) {
      const code = dist(`agento-chat-lang-${language}.js`);
      expect(code).not.toMatch(/\bimport\b/);
      const module = await import(/* @vite-ignore */ `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
      expect(module.default).toEqual(table);
    }
  });

  it('the loader imports the panel and the language files from next to itself', () => {
    const loader = dist('agento-chat.js');
    expect(loader).toContain('agento-chat-panel.js');
    expect(loader).toContain('agento-chat-lang-');
    // No other file: the panel and the tables are not bundled into it.
    expect(loader).not.toMatch(/import\(["'`]\.\//);
  });
});

describe('npm pack', () => {
  const files: string[] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }))[0].files.map(
    (file: { path: string }) => file.path,
  );

  it('ships the build, its types, the README, the LICENSE and the manifest, and nothing else', () => {
    const unexpected = files.filter((path) => !/^(LICENSE|README\.md|custom-elements\.json|package\.json|dist\/[\w-]+\.js|dist\/types\/[\w/-]+\.d\.ts)$/.test(path));
    expect(unexpected).toEqual([]);
    expect(files.filter((path) => path.endsWith('.map'))).toEqual([]);
    for (const path of ['LICENSE', 'README.md', 'custom-elements.json', 'package.json', 'dist/agento-chat.js', 'dist/agento-chat-panel.js', 'dist/types/element/jsx.d.ts']) {
      expect(files).toContain(path);
    }
  });
});
