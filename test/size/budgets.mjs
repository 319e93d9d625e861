// Size budgets for what a website's visitors download, gzip -9 and brotli 11, checked in CI.
// Run after `npm run build`. Prints a table; exits 1 when a budget is exceeded.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const KB = 1000;
const file = (name) => new URL(`../../dist/${name}`, import.meta.url);

/** Each row: the files a visitor downloads for it, and the gzip budget. */
const budgets = [
  { name: 'loader (page load)', files: ['agento-chat.js'], gzip: 3 * KB },
  { name: 'everything to chat', files: ['agento-chat.js', 'agento-chat-panel.js'], gzip: 16 * KB },
  // A page in another language than English loads one of these too (see widget/i18n): the largest.
  { name: `language table (largest: ${largestLanguage()})`, files: [`agento-chat-lang-${largestLanguage()}.js`], gzip: 1 * KB },
];

function largestLanguage() {
  const dir = new URL('../../dist/', import.meta.url);
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => /^agento-chat-lang-\w+\.js$/.test(f)) : [];
  const size = (f) => gzipSync(readFileSync(new URL(f, dir)), { level: 9 }).length;
  const largest = files.sort((a, b) => size(b) - size(a))[0];
  return largest ? largest.slice('agento-chat-lang-'.length, -3) : 'de';
}

let failed = false;
const rows = budgets.map(({ name, files, gzip: budget }) => {
  const present = files.filter((f) => existsSync(file(f)));
  if (present.length !== files.length) {
    failed = true;
    return { name, raw: '-', gzip: 'missing', brotli: '-', budget, ok: false, missing: files.filter((f) => !present.includes(f)) };
  }
  const buffers = files.map((f) => readFileSync(file(f)));
  const sum = (fn) => buffers.reduce((total, b) => total + fn(b).length, 0);
  const gz = sum((b) => gzipSync(b, { level: 9 }));
  const br = sum((b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  const ok = gz <= budget;
  failed ||= !ok;
  return { name, raw: sum((b) => b), gzip: gz, brotli: br, budget, ok };
});

console.log('| bundle | raw | gzip | brotli | gzip budget | |');
console.log('| --- | ---: | ---: | ---: | ---: | --- |');
for (const r of rows) {
  console.log(`| ${r.name} | ${r.raw} B | ${r.gzip} B | ${r.brotli} B | ${r.budget} B | ${r.ok ? 'ok' : r.missing ? `missing ${r.missing.join(', ')}` : 'OVER'} |`);
}
if (failed) {
  console.error('Size budget exceeded (or a bundle is missing): see the table above.');
  process.exit(1);
}
