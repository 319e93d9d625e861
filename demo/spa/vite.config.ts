import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { agentoDemo } from '../dev-server.js';

const dist = (file: string) => fileURLToPath(new URL(`../../dist/${file}`, import.meta.url));

/**
 * The SPA example, against the built npm package (`npm run build` first):
 * `npx vite --config demo/spa/vite.config.ts` serves it with the proxy and the emulator.
 * In a real app `agento-chat` comes from node_modules and these aliases are not needed.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: {
    alias: [
      { find: /^agento-chat$/, replacement: dist('index.js') },
      { find: /^agento-chat\/define$/, replacement: dist('define.js') },
    ],
  },
  server: { host: '127.0.0.1' },
  build: { target: 'es2022' },
  plugins: [agentoDemo()],
});
