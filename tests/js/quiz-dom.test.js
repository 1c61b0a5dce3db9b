// quiz-dom.test.js — the quiz's DOM in a real browser (playwright-core + the system chromium),
// inside a shadow root with the real views/heatmap.js and a fake one-head engine: feedback words,
// retry, Enter to check, keyboard ordering, the cell fallback selects, persistence across a
// reload, corrupt storage, composed events, and postMessage only to the configured origin.
// The quiz and its imports are bundled in memory with esbuild (views/ uses bare npm imports).
// Skipped (with the reason) when esbuild, playwright-core or chromium is not available.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

const FAKE_ENGINE = `
const mm = (a, b, n, k, m) => { const o = new Float32Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) { let s = 0; for (let t = 0; t < k; t++) s += a[i * k + t] * b[t * m + j]; o[i * m + j] = s; } return o; };
const tr = (a, r, c) => { const o = new Float32Array(r * c); for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) o[j * r + i] = a[i * c + j]; return o; };
const sm = (a, n) => { const o = new Float32Array(n * n); for (let i = 0; i < n; i++) { let mx = -Infinity, s = 0;
  for (let j = 0; j < n; j++) mx = Math.max(mx, a[i * n + j]);
  for (let j = 0; j < n; j++) { const e = a[i * n + j] === -Infinity ? 0 : Math.exp(a[i * n + j] - mx); o[i * n + j] = e; s += e; }
  for (let j = 0; j < n; j++) o[i * n + j] /= s; } return o; };
export const engine = { attention({ x, n, dModel, dK, dV, wq, wk, wv, mask = 'none', scale = true, mistake = null }) {
  const q = mm(x, wq, n, dModel, dK), k = mm(x, wk, n, dModel, dK), v = mm(x, wv, n, dModel, dV);
  const scores = mm(q, tr(k, n, dK), n, dK, n), scaled = scores.map((s) => scale ? s / Math.sqrt(dK) : s);
  const hid = (i) => mask === 'causal' && (i % n) > Math.floor(i / n);
  const masked = scaled.map((s, i) => hid(i) ? -Infinity : s);
  const weights = mistake === 'mask-after-softmax' ? sm(scaled, n).map((w, i) => hid(i) ? 0 : w) : sm(masked, n);
  const output = mm(weights, v, n, n, dV);
  return { heads: [{ q, k, v, scores, scaled, masked, weights, output }], concat: output, output };
} };`;

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>quiz</title></head><body>
<main><h1>Quiz test</h1><h2>Lesson</h2><div id="host"></div></main>
<script type="module">
import { createQuiz, engine } from '/bundle.js';
const p = new URLSearchParams(location.search);
window.events = [];
for (const n of ['lesson-answered', 'lesson-completed']) document.addEventListener(n, (e) => window.events.push({ type: e.type, detail: e.detail }));
const shadow = document.getElementById('host').attachShadow({ mode: 'open' });
const link = document.createElement('link'); link.rel = 'stylesheet'; link.href = '/web/src/quiz/quiz.css'; shadow.appendChild(link);
const root = document.createElement('div'); root.className = 'al-root'; shadow.appendChild(root);
window.scene = {};
window.quiz = createQuiz({ engine, hostElement: root, namespace: p.get('ns') || 't', targetOrigin: p.get('origin') || undefined,
  getSceneInputs: (id) => (id === 'worked-example' ? window.scene : undefined) });
for (const step of (p.get('steps') || 'softmax,matrix-form,worked-example').split(',')) {
  const d = document.createElement('div'); d.className = 'step-' + step; root.appendChild(d); window.quiz.mountStep(d, step);
}
window.ready = true;
</script></body></html>`;

const PARENT = (origin) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>parent</title></head><body>
<iframe title="lesson" src="/page.html?steps=dot-product&ns=f&origin=${encodeURIComponent(origin)}"></iframe>
<script>window.msgs = []; addEventListener('message', (e) => window.msgs.push({ origin: e.origin, data: e.data }));</script></body></html>`;

let browser;
let server;
let base;
let skipReason = null;
let bundle;

before(async () => {
  try {
    const { build } = await import('esbuild');
    const out = await build({
      stdin: {
        contents: `export { createQuiz } from './web/src/quiz/quiz.js';\n${FAKE_ENGINE}`,
        resolveDir: repoRoot, loader: 'js',
      },
      bundle: true, format: 'esm', write: false, logLevel: 'silent',
    });
    bundle = out.outputFiles[0].text;
  } catch (err) {
    skipReason = `could not bundle the quiz: ${String(err.message).split('\n')[0]}`;
    return;
  }
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    skipReason = 'playwright-core is not installed';
    return;
  }
  if (!CHROMIUM) { skipReason = 'no system chromium found'; return; }
  server = http.createServer(async (req, res) => {
    const u = new URL(req.url, 'http://x');
    const send = (body, type) => { res.writeHead(200, { 'content-type': type }); res.end(body); };
    if (u.pathname === '/page.html') return send(PAGE, 'text/html');
    if (u.pathname === '/parent.html') return send(PARENT(u.searchParams.get('o')), 'text/html');
    if (u.pathname === '/bundle.js') return send(bundle, 'text/javascript');
    if (u.pathname === '/web/src/quiz/quiz.css') return send(await readFile(path.join(repoRoot, 'web/src/quiz/quiz.css')), 'text/css');
    res.writeHead(404); res.end();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  } catch (err) {
    skipReason = `chromium did not start: ${err.message.split('\n')[0]}`;
  }
});

after(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r()));
});

async function open(query = '') {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${base}/page.html${query}`);
  await page.waitForFunction(() => window.ready);
  return { page, errors };
}

// Feedback appears once the answer's save is confirmed (asynchronously): wait for it.
async function feedbackOf(card) {
  const feedback = card.locator('.al-quiz-feedback');
  await feedback.page().waitForFunction((el) => el.textContent.trim() !== '', await feedback.elementHandle());
  return feedback.textContent();
}

test('answering, feedback in words, retry, events through the shadow root, persistence', async (t) => {
  if (skipReason) { t.skip(skipReason); return; }
  const { page, errors } = await open('?ns=a');
  const card = page.locator('.step-softmax [data-question-id="softmax-shift"]');
  await card.getByLabel('They all become equal.').check();
  await card.getByRole('button', { name: 'Check' }).click();
  assert.match(await feedbackOf(card), /^Not quite \u2014 /);
  assert.equal(await card.locator('.al-quiz-feedback').getAttribute('aria-live'), 'polite');
  await card.getByRole('button', { name: 'Try again' }).click();
  await card.getByLabel('They stay exactly the same.').check();
  await card.getByRole('button', { name: 'Check' }).click();
  assert.match(await feedbackOf(card), /^Correct \u2014 /);
  assert.equal(await card.getByRole('button', { name: 'Try again' }).isVisible(), false);

  const num = page.locator('.step-softmax [data-question-id="softmax-predict"]');
  await num.getByLabel('Your answer').fill('0.67');
  await num.getByLabel('Your answer').press('Enter');
  assert.match(await feedbackOf(num), /^Correct/);
  assert.match(await num.locator('.al-quiz-solution').textContent(), /0\.6652/, 'predict reveals the answer on commit');

  const progress = await page.locator('.step-softmax .al-quiz-progress').textContent();
  assert.match(progress, /^2 of \d+ answered, 2 correct/);

  const events = await page.evaluate(() => window.events);
  assert.equal(events.length, 3);
  assert.deepEqual(events.map((e) => e.detail.result.success), [false, true, true]);
  assert.equal(events[0].detail.object.id, 'urn:attention-lesson:question:softmax-shift');
  assert.match(events[0].detail.result.duration, /^PT/);

  await page.reload();
  await page.waitForFunction(() => window.ready);
  assert.match(await page.locator('.step-softmax .al-quiz-progress').textContent(), /^2 of \d+ answered, 2 correct/);
  assert.equal(await page.locator('.step-softmax [data-question-id="softmax-shift"]').getByLabel('They stay exactly the same.').isChecked(), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test('ordering with Move up / Move down, cell question through the selects', async (t) => {
  if (skipReason) { t.skip(skipReason); return; }
  const { page, errors } = await open('?ns=b');
  const ord = page.locator('.step-matrix-form [data-question-id="mf-order"]');
  const target = ['project', 'scores', 'scale', 'mask', 'softmax', 'mix'];
  for (let i = 0; i < target.length; i += 1) {
    for (let guard = 0; guard < 10; guard += 1) {
      const ids = await ord.locator('li').evaluateAll((lis) => lis.map((l) => l.dataset.id));
      if (ids.indexOf(target[i]) === i) break;
      await ord.locator(`li[data-id="${target[i]}"]`).getByRole('button', { name: /^Move up/ }).click();
    }
  }
  assert.match(await ord.locator('.al-quiz-sr').textContent(), /is now at position \d of 6\./);
  await ord.getByRole('button', { name: 'Check' }).click();
  assert.match(await feedbackOf(ord), /^Correct \u2014 all 6 steps/);

  const cell = page.locator('.step-worked-example [data-question-id="we-most-attended"]');
  await cell.getByLabel('Query row').selectOption('1');
  await cell.getByLabel('Key column').selectOption('2');
  await cell.getByRole('button', { name: 'Check' }).click();
  assert.match(await feedbackOf(cell), /^Not quite/);
  await cell.getByRole('button', { name: 'Show solution' }).click();
  assert.match(await cell.locator('.al-quiz-solution').textContent(), /Row \u201CApple\u201D, column \u201CApple\u201D/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('corrupt storage is reported in a sentence, and the quiz still works', async (t) => {
  if (skipReason) { t.skip(skipReason); return; }
  const { page } = await open('?ns=c');
  await page.evaluate(() => localStorage.setItem('attention-lesson.quiz.v1:c', '{broken'));
  await page.reload();
  await page.waitForFunction(() => window.ready);
  const notices = await page.locator('.al-quiz-notice:visible').allTextContents();
  assert.equal(notices.length, 1, 'said once');
  assert.match(notices[0], /damaged.*fresh start\./);
  assert.match(await page.locator('.step-softmax .al-quiz-progress').textContent(), /^0 of/);
  await page.close();
});

test('postMessage reaches the parent only with the configured origin', async (t) => {
  if (skipReason) { t.skip(skipReason); return; }
  for (const [origin, expected] of [[base, 1], ['https://elsewhere.example', 0], ['*', 0]]) {
    const page = await browser.newPage();
    await page.goto(`${base}/parent.html?o=${encodeURIComponent(origin)}`);
    const frame = page.frameLocator('iframe');
    const card = frame.locator('[data-question-id="dot-compute"]');
    await card.getByLabel('Your answer').fill('4');
    await card.getByRole('button', { name: 'Check' }).click();
    await page.waitForTimeout(150);
    const msgs = await page.evaluate(() => window.msgs);
    assert.equal(msgs.length, expected, `origin ${origin}`);
    if (expected) {
      assert.equal(msgs[0].data.type, 'attention-lesson:answered');
      assert.equal(msgs[0].data.statement.verb.id, 'http://adlnet.gov/expapi/verbs/answered');
    }
    await page.close();
  }
});
