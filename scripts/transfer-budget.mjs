// Transfer budget: the lesson's first view must cost at most 200 KB gzip in total (HTML, JS, CSS,
// wasm, fonts it needs first); KaTeX's fonts may load later and are listed separately.
// Serves dist/ (build it first: npm run build) gzip-compressed, as a static host would, opens
// dist/index.html in headless Chromium, and records every response until the lesson is drawn:
// the bytes that crossed the wire (compressed body, as Chromium reports them) and the file size.
// Then it visits every step and lists the KaTeX fonts loaded later. Last, the lazily loaded wasm
// modules' gzip sizes: the trainer's own budget is 40 KB (issue 15); the language model's module is
// listed beside it. Exit code 1 over either budget.
// Usage: node scripts/transfer-budget.mjs [--page index.html] [--budget 200]
import { chromium } from 'playwright-core';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const BUDGET_KB = Number(opt('--budget', 200));
const TRAINER_BUDGET_KB = 40;
const PAGE = opt('--page', 'index.html');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

if (!existsSync(path.join(root, 'dist/index.html'))) {
  console.error('dist/ is missing: run npm run build (or node scripts/build-dist.mjs) first.');
  process.exit(2);
}

const isKatexFont = (url) => /\/fonts\/KaTeX_[^/]*\.woff2$/.test(new URL(url).pathname);
const kb = (n) => (n / 1024).toFixed(1);

async function sizesOf(responses) {
  const rows = [];
  for (const r of responses) {
    const s = await r.request().sizes();
    const body = await r.body().catch(() => Buffer.alloc(0));
    rows.push({
      file: new URL(r.url()).pathname.replace(/^\//, '') || '(page)',
      type: (r.headers()['content-type'] ?? '').split(';')[0],
      encoding: r.headers()['content-encoding'] ?? 'none',
      wire: s.responseBodySize, headers: s.responseHeadersSize, size: body.length,
    });
  }
  return rows;
}

function table(title, rows) {
  console.log(`\n${title}`);
  console.log(`  ${'file'.padEnd(44)}${'type'.padEnd(24)}${'file KB'.padStart(9)}${'wire KB'.padStart(9)}  encoding`);
  for (const r of rows) {
    console.log(`  ${r.file.padEnd(44)}${r.type.padEnd(24)}${kb(r.size).padStart(9)}${kb(r.wire).padStart(9)}  ${r.encoding}`);
  }
  const wire = rows.reduce((s, r) => s + r.wire, 0);
  const headers = rows.reduce((s, r) => s + r.headers, 0);
  console.log(`  ${'total'.padEnd(68)}${kb(rows.reduce((s, r) => s + r.size, 0)).padStart(9)}${kb(wire).padStart(9)}  (+ ${kb(headers)} KB of response headers)`);
  return wire;
}

const server = await startServer({ root: path.join(root, 'dist'), gzip: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
let code = 0;
try {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const responses = [];
  let phase = 'first';
  const later = [];
  page.on('response', (r) => { if (!r.url().startsWith('data:')) (phase === 'first' ? responses : later).push(r); });
  await page.goto(server.url + PAGE);
  await page.waitForSelector('#lesson[data-ready="true"]', { timeout: 30000 });
  await page.evaluate(() => document.fonts.ready);
  await page.waitForLoadState('networkidle');
  phase = 'later';
  const first = await sizesOf(responses);
  const core = first.filter((r) => !isKatexFont(server.url + r.file));
  const firstFonts = first.filter((r) => isKatexFont(server.url + r.file));

  console.log(`Transfer budget: ${server.url}${PAGE} served from dist/ with gzip (level 9), cache empty.`);
  console.log('"wire" is the response body as transferred (gzip where the server compressed it), as Chromium counts it.');
  const coreWire = table('First view, until the lesson is drawn (HTML, JS, CSS, wasm):', core);
  const fontWire = firstFonts.length ? table('KaTeX fonts the first view asked for (allowed to load later):', firstFonts) : 0;

  // Every step, to see the fonts the rest of the lesson loads.
  const steps = await page.evaluate(() => Array.from(document.querySelectorAll('.al-step-link'), (b) => b.dataset.step));
  for (const id of steps) {
    await page.evaluate((s) => window.attentionLesson.goTo(s), id);
    await page.evaluate(() => document.fonts.ready);
  }
  await page.waitForLoadState('networkidle');
  const rest = await sizesOf(later);
  const restWire = rest.length ? table(`Loaded later, while visiting all ${steps.length} steps:`, rest) : 0;

  const budget = BUDGET_KB * 1024;
  console.log('\nSummary');
  console.log(`  first view (HTML, JS, CSS, wasm):     ${kb(coreWire).padStart(7)} KB  of ${BUDGET_KB} KB budget  ${coreWire <= budget ? 'OK' : 'OVER BUDGET'}`);
  console.log(`  + KaTeX fonts of the first view:      ${kb(fontWire).padStart(7)} KB  (first view incl. fonts: ${kb(coreWire + fontWire)} KB${coreWire + fontWire <= budget ? ', also within budget' : ''})`);
  console.log(`  later, all other steps:               ${kb(restWire).padStart(7)} KB`);
  if (coreWire > budget) code = 1;

  // The lazily loaded modules, compressed as this server compresses them (gzip level 9).
  console.log(`\nLazily loaded wasm modules (gzip -9; the trainer's budget is ${TRAINER_BUDGET_KB} KB):`);
  for (const [file, limit] of [['attention-train-simd.wasm', TRAINER_BUDGET_KB], ['attention-train-scalar.wasm', TRAINER_BUDGET_KB],
    ['attention-lm-simd.wasm', null], ['attention-lm-scalar.wasm', null]]) {
    const buf = readFileSync(path.join(root, 'wasm/dist', file));
    const gz = gzipSync(buf, { level: 9 }).length;
    const verdict = limit === null ? '(language model, no budget of its own)' : gz <= limit * 1024 ? 'OK' : 'OVER BUDGET';
    console.log(`  ${file.padEnd(30)}${kb(buf.length).padStart(8)} KB file ${kb(gz).padStart(7)} KB gzip  ${verdict}`);
    if (limit !== null && gz > limit * 1024) code = 1;
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(code);
