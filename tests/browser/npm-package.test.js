// The npm package as a user gets it: `npm pack` (its prepack builds), then the tarball installed
// into an empty folder with `npm install --offline` (no registry: the package needs no runtime
// dependency). The installed engine runs the README's example (the worked example) under Node,
// the exports map resolves the engine, the element and the pages, and the element loads from the
// installed files in Chromium and computes the worked example there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, ROOT } from './harness.js';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
let dir, packed, tarball;

before(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'npm-consumer-'));
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  // stdout holds the prepack build's log, then npm's JSON (an array starting on its own line).
  packed = JSON.parse(out.slice(out.lastIndexOf('\n[\n') + 1))[0];
  tarball = path.join(dir, packed.filename);
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: dir, stdio: 'pipe' });
});
after(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

test('the tarball holds the engine, both wasm builds, the bundles and the types, and nothing else', () => {
  const files = new Set(packed.files.map((f) => f.path));
  for (const f of ['package.json', 'README.md', 'LICENSE', 'wasm/engine.js', 'wasm/validate.js', 'wasm/dist/attention-simd.wasm',
    'wasm/dist/attention-scalar.wasm', 'dist/attention-lesson.js', 'dist/index.html', 'dist/embed.html', 'dist/attention-lesson.html',
    'web/src/embed/element.d.ts', 'wasm/engine.d.ts', 'docs/EMBEDDING.md',
    // what engine.loadTraining() imports and fetches at run time, and the types engine.d.ts imports
    'wasm/training.js', 'wasm/training.d.ts', 'wasm/trained-weights.js', 'wasm/language-model.js',
    'wasm/language-model-tokenizer.js', 'wasm/dist/attention-train-simd.wasm', 'wasm/dist/attention-train-scalar.wasm',
    // and what engine.loadLanguageModule() fetches
    'wasm/dist/attention-lm-simd.wasm', 'wasm/dist/attention-lm-scalar.wasm',
    // the model's weights under a stable name, with its manifest, WordNet's notice and the docs
    'web/assets/lm/model.bin', 'web/assets/lm/manifest.json', 'web/assets/lm/LICENSE-WordNet.txt', 'docs/LANGUAGE-MODEL.md',
    // and the notices of what others wrote
    'dist/THIRD-PARTY-NOTICES.txt',
  ]) assert.ok(files.has(f), `${f} is in the tarball`);
  // Every path the exports map names is in it.
  const targets = Object.values(pkg.exports).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)))
    .filter((t) => !t.includes('*')).map((t) => t.slice(2));
  for (const t of targets) assert.ok(files.has(t), `exports target ${t} is in the tarball`);
  for (const f of files) assert.doesNotMatch(f, /^(src|tests|scripts|bench|build|web\/src\/(?!embed\/element\.d\.ts))|\.cpp$|^dist\/scorm|\.zip$|\.map$/, `${f} should not ship`);
  console.log(`tarball: ${packed.files.length} files, ${(packed.size / 1024).toFixed(0)} KB packed, ${(packed.unpackedSize / 1024).toFixed(0)} KB unpacked`);
});

test('installing needs no other package', () => {
  assert.deepEqual(pkg.dependencies ?? {}, {});
  const installed = readdirSync(path.join(dir, 'node_modules')).filter((n) => !n.startsWith('.'));
  assert.deepEqual(installed, ['attention-lesson']);
});

test('the installed engine runs the README example under Node', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const code = /```js\n([\s\S]*?)```/.exec(readme)[1];
  assert.match(code, /from 'attention-lesson'/);
  writeFileSync(path.join(dir, 'example.mjs'), code);
  const installed = execFileSync('node', ['example.mjs'], { cwd: dir, encoding: 'utf8' });
  // The same code run inside the repository (where 'attention-lesson' is the source tree).
  const inRepo = mkdtempSync(path.join(ROOT, 'build', 'pack-example-'));
  writeFileSync(path.join(inRepo, 'example.mjs'), code);
  const source = execFileSync('node', ['example.mjs'], { cwd: inRepo, encoding: 'utf8' });
  rmSync(inRepo, { recursive: true, force: true });
  assert.equal(installed, source);
  assert.match(installed, /\[ '0\.25', '0\.50', '0\.25' \]/); // Apple's row of the worked example
});

test('the exports map resolves the engine, the element and the pages', () => {
  const script = `for (const s of ['attention-lesson', 'attention-lesson/engine', 'attention-lesson/element', 'attention-lesson/page', 'attention-lesson/embed', 'attention-lesson/single-file', 'attention-lesson/dist/attention-lesson.js']) console.log(s + ' ' + import.meta.resolve(s));`;
  writeFileSync(path.join(dir, 'resolve.mjs'), script);
  const out = Object.fromEntries(execFileSync('node', ['resolve.mjs'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').map((l) => l.split(' ')));
  const base = `file://${path.join(dir, 'node_modules/attention-lesson')}/`;
  assert.equal(out['attention-lesson'], `${base}wasm/engine.js`);
  assert.equal(out['attention-lesson/engine'], `${base}wasm/engine.js`);
  assert.equal(out['attention-lesson/element'], `${base}dist/attention-lesson.js`);
  assert.equal(out['attention-lesson/page'], `${base}dist/index.html`);
  assert.equal(out['attention-lesson/embed'], `${base}dist/embed.html`);
  assert.equal(out['attention-lesson/single-file'], `${base}dist/attention-lesson.html`);
  for (const t of Object.values(pkg.exports).map((e) => (typeof e === 'object' ? e.types : null)).filter(Boolean)) {
    assert.ok(existsSync(path.join(dir, 'node_modules/attention-lesson', t)), `${t} installed`);
  }
});

// A Node consumer finds the language model's weights by a stable name and runs them; importing
// the element outside a browser (a framework rendering on the server) loads without throwing.
test('the installed language model runs from its stable path; the element imports in Node', () => {
  writeFileSync(path.join(dir, 'lm.mjs'), `import { readFile } from 'node:fs/promises';
import { createEngine } from 'attention-lesson';
const engine = await createEngine();
await engine.loadLanguageModule();
const lm = engine.loadLanguageModel(await readFile(new URL(import.meta.resolve('attention-lesson/lm/model.bin'))));
const manifest = JSON.parse(await readFile(new URL(import.meta.resolve('attention-lesson/lm/manifest.json')), 'utf8'));
console.log(lm.config.vocab, lm.predictNext('the cat sat on the', 1).length, manifest.heldout.perplexity > 0);
await import('attention-lesson/element');
console.log('element imported');`);
  const out = execFileSync('node', ['lm.mjs'], { cwd: dir, encoding: 'utf8' }).trim().split('\n');
  assert.deepEqual(out, ['4000 1 true', 'element imported']);
});

test('the installed types check a consumer written in TypeScript', () => {
  writeFileSync(path.join(dir, 'use.ts'), `import { createEngine } from 'attention-lesson';
import type { AttentionLessonElement } from 'attention-lesson/element';
const engine = await createEngine();
const w: Float32Array = engine.attention({ x: [1, 0, 1, 1, 0, 2], n: 3, dModel: 2, wq: [1, 0, 0, 1], wk: [1, 1, 0, 1], wv: [1, 0, 0, 1] }).heads[0].weights;
const el: AttentionLessonElement | null = document.querySelector('attention-lesson');
document.addEventListener('lesson-completed', (e) => console.log(e.detail.result.score.scaled, w.length, el?.lesson));
await engine.loadTraining();
await engine.loadLanguageModule();
const lm = engine.loadLanguageModel(new Uint8Array(0));
const next: { token: string; probability: number }[] = lm.predictNext('the cat', 5);
const head: Float32Array = lm.attend('the cat').layers[0][0];
console.log(next.length, head.length, lm.config.heads, engine.createTrainer({ task: 'tired-wide' }).settings.heads);
`);
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022', 'dom'], types: [] }, files: ['use.ts'] }));
  execFileSync(path.join(ROOT, 'node_modules/.bin/tsc'), ['-p', dir], { cwd: dir, stdio: 'pipe' });
});

test('the element loads from the installed files in Chromium and computes the worked example', async () => {
  writeFileSync(path.join(dir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>consumer</title><link rel="icon" href="data:,">
<script src="node_modules/attention-lesson/dist/attention-lesson.js" defer></script></head>
<body><attention-lesson steps="worked-example"></attention-lesson></body></html>`);
  const h = await launch({ root: dir });
  try {
    const page = await h.page();
    await page.goto(`${h.url}index.html`);
    await page.waitForSelector('attention-lesson[state="ready"]', { timeout: 30000 });
    assert.match(await page.locator('attention-lesson .al-trace').innerText(), /0\.2483, 0\.5035, 0\.2483/);
    assert.deepEqual(page.errors, []);
  } finally {
    await h.close();
  }
});

// The element's script is a classic script (no import.meta.url): the language model and, without
// a Worker, the trainer are fetched by URL from it too (both failed with "Invalid URL").
test('the element runs the language model, and trains on the page when no Worker can start', async () => {
  writeFileSync(path.join(dir, 'lm.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>consumer</title><link rel="icon" href="data:,">
<script src="node_modules/attention-lesson/dist/attention-lesson.js" defer></script></head>
<body><attention-lesson id="lm" steps="real-model"></attention-lesson><attention-lesson id="train" steps="watch-learning"></attention-lesson></body></html>`);
  const h = await launch({ root: dir });
  try {
    const page = await h.page();
    await page.addInitScript(() => { delete window.Worker; });
    await page.goto(`${h.url}lm.html`);
    await page.waitForSelector('#lm[state="ready"]', { timeout: 30000 });
    // (the element draws in its shadow root: locators reach into it, document.querySelector does not)
    await page.locator('#lm [data-role="lm-status"][data-state="ready"]').waitFor({ timeout: 30000 });
    await page.waitForSelector('#train[state="ready"]', { timeout: 30000 });
    await page.locator('#train [data-action=step]').click();
    await page.locator('#train [data-role=counter]:not([data-steps="0"])').waitFor({ timeout: 30000 });
    assert.equal(await page.locator('#train [data-role=mode]').getAttribute('data-mode'), 'main-thread');
    assert.doesNotMatch(await page.locator('#lm, #train').allInnerTexts().then((t) => t.join(' ')), /Invalid URL|could not (start|be loaded)/);
    assert.deepEqual(page.errors, []);
  } finally {
    await h.close();
  }
});
