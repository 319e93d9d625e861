/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { agentoDemo } from './demo/dev-server.js';

// Three builds (see package.json "build"), since one build with several formats shares externals and breaks one:
// the npm package (ESM, dependencies external), the script-tag panel (ESM, self-contained, loaded on demand)
// and the script-tag loader (IIFE: defines the element, draws the launcher, imports the panel when needed).
export default defineConfig(({ mode }) => ({
  plugins: [classicJsx(), ...(process.env.VITEST ? [] : [agentoDemo()])], // agentoDemo: the demo server, npm start
  oxc: { jsx: { runtime: 'classic', pragma: 'jsxH', pragmaFrag: 'JsxFragment', development: false } },
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173), strictPort: true },
  build: mode === 'loader' ? loaderBuild() : mode === 'panel' ? panelBuild() : packageBuild(),
  // The script-tag loader loads the panel and the language tables from files next to itself, by URL.
  resolve: mode === 'loader' ? { alias: [scriptSwap('load-panel'), scriptSwap('load-strings')] } : {},
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
  },
}));

/**
 * What visitors download is minified twice: by Rolldown's own minifier as the chunk is written, then by terser
 * (3 passes). Together they are ≈ 260 B gzip smaller than either alone (test/size/budgets.mjs measures).
 * No "unsafe" or `pure_getters` options: a bare `signal.value` read subscribes, and must not be dropped.
 */
const MINIFY = { minify: 'terser' as const, terserOptions: { module: true, toplevel: true, ecma: 2020 as const, compress: { passes: 3 } } };
/** Rolldown's half of it; without `annotation: false` it writes its `@__PURE__` marks back in (≈ 50 B). */
const MINIFY_OUTPUT = { minify: true, comments: { legal: false, annotation: false, jsdoc: false } };

/**
 * Classic JSX: `.tsx` files call preact's `h`, which the panel carries anyway, instead of
 * preact/jsx-runtime (≈ 190 B gzip less). `h` comes in under a name of its own, so a file that
 * imports `h` itself keeps it; only `.tsx` files get it (Vite's `jsxInject` would add it to every
 * module, and preact with it to the loader).
 */
function classicJsx(): Plugin {
  return {
    name: 'agento:classic-jsx',
    enforce: 'pre',
    transform(code, id) {
      if (/\.tsx$/.test(id)) return { code: `import { h as jsxH, Fragment as JsxFragment } from 'preact';${code}`, map: null };
    },
  };
}

function packageBuild() {
  return {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: {
      entry: {
        index: 'widget/index.ts',
        core: 'widget/core/index.ts',
        element: 'widget/element/index.ts',
        define: 'widget/element/define.ts',
        proxy: 'widget/proxy/index.ts',
      },
      formats: ['es' as const],
    },
    rolldownOptions: { external: [/^preact($|\/)/, /^@preact\//, 'eventsource-parser', /^node:/] },
  };
}

function loaderBuild() {
  return {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    ...MINIFY,
    // script-tag.ts registers the element and exports nothing: no global name, no export object.
    lib: { entry: 'widget/element/script-tag.ts', formats: ['iife' as const], name: 'AgentoChat', fileName: () => 'agento-chat.js' },
    rolldownOptions: { output: MINIFY_OUTPUT },
  };
}

/** The languages with a table beyond English: keep in step with widget/i18n/languages.ts (a test checks). */
const LANGUAGES = ['de', 'fr', 'es', 'ja', 'ar'];

/** In the loader build, `./load-panel.js` becomes `load-panel-script.ts`, and so on. */
function scriptSwap(name: string) {
  return { find: new RegExp(`^\\./${name}\\.js$`), replacement: fileURLToPath(new URL(`widget/element/${name}-script.ts`, import.meta.url)) };
}

function panelBuild() {
  return {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    ...MINIFY,
    // The panel, plus one small file per language table (`agento-chat-lang-de.js`, …) that the loader
    // imports only for a page in that language: no language but English is in the loader or the panel.
    lib: {
      entry: {
        'agento-chat-panel': 'widget/view/mount-panel.tsx',
        ...Object.fromEntries(LANGUAGES.map((language) => [`agento-chat-lang-${language}`, `widget/i18n/${language}.ts`])),
      },
      formats: ['es' as const],
      fileName: (_format: string, name: string) => `${name}.js`,
    },
    // Several entries need code splitting on; they share no module, so no other chunk appears
    // (test/package/dist-files.test.ts checks the file list).
    rolldownOptions: { output: { ...MINIFY_OUTPUT, chunkFileNames: 'agento-chat-[name].js' } },
  };
}
