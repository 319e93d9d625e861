/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Three builds (see package.json "build"), since one build with several formats shares externals and breaks one:
// the npm package (ESM, dependencies external), the script-tag panel (ESM, self-contained, loaded on demand)
// and the script-tag loader (IIFE: defines the element, draws the launcher, imports the panel when needed).
export default defineConfig(({ mode }) => ({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173), strictPort: true },
  build: mode === 'loader' ? loaderBuild() : mode === 'panel' ? panelBuild() : packageBuild(),
  resolve: mode === 'loader' ? { alias: [{ find: /^\.\/load-panel\.js$/, replacement: fileURLToPath(new URL('widget/element/load-panel-script.ts', import.meta.url)) }] } : {},
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
  },
}));

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
    lib: { entry: 'widget/element/define.ts', formats: ['iife' as const], name: 'AgentoChat', fileName: () => 'agento-chat.js' },
  };
}

function panelBuild() {
  return {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    lib: { entry: 'widget/view/mount-panel.tsx', formats: ['es' as const], fileName: () => 'agento-chat-panel.js' },
    rolldownOptions: { output: { inlineDynamicImports: true, minify: true } },
  };
}
