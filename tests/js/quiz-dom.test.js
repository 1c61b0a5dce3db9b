// quiz-dom.test.js — the quiz's DOM in a real browser (playwright-core + the system chromium),
// inside a shadow root with the real views/heatmap.js and the plain-JS reference engine: feedback
// words, retry with new numbers (and less credit), Enter to check, the variant's input tables,
// keyboard ordering with commuting stages, the cell fallback selects, the review re-asking a
// missed idea with a new variant, persistence across a reload, corrupt storage, composed events,
// and postMessage only to the configured origin. Expected answers are worked out in Node from the
// variant seed each card shows (data-variant) with the same modules.
// The quiz and its imports are bundled in memory with esbuild (views/ uses bare npm imports).
// Skipped (with the reason) when esbuild, playwright-core or chromium is not available.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { QUESTIONS } from '../../web/src/quiz/questions.js';
import { solutionOf } from '../../web/src/quiz/scoring.js';
import { answerOf } from '../../web/src/quiz/answer-key.js';
import { formatAnswer } from '../../web/src/lib/format.js';
import { instanceOf } from './quiz-solvers.js';
import { referenceEngine } from './quiz-reference-engine.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

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
window.quiz = createQuiz({ engine, hostElement: root, namespace: p.get('ns') || 't', targetOrigin: p.get('origin') || undefined,
  variantSeed: (id, n) => Number(p.get('seed') || 1) * 1000 + n, ...(p.get('review') ? { reviewAtStep: p.get('review') } : {}) });
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
        contents: "export { createQuiz } from './web/src/quiz/quiz.js';\nexport { referenceEngine as engine } from './tests/js/quiz-reference-engine.js';\n",
        resolveDir: repoRoot, loader: 'js',
      },
      // The engine's Node-only file reading (a dynamic node:fs import) never runs in the page.
      bundle: true, format: 'esm', write: false, logLevel: 'silent', external: ['node:*'],
    });
    bundle = out.outputFiles[0].text;
  } catch (err) {
    // The quiz must bundle: a failure here is a failure of the quiz, not a reason to skip.
    throw new Error(`could not bundle the quiz: ${err.message}`);
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

const template = (id) => QUESTIONS.find((q) => q.id === id);
// The question a card shows, rebuilt in Node from its variant seed.
async function shownQuestion(card, id) {
  const seed = Number(await card.getAttribute('data-variant'));
  assert.ok(Number.isInteger(seed) && seed > 0, `${id}: the card says which variant it shows`);
  return instanceOf(template(id), seed, referenceEngine);
}

test('answering, feedback in words, retry with new numbers, events through the shadow root, persistence', async (t) => {
  if (skipReason) { t.skip(skipReason); return; }
  const { page, errors } = await open('?ns=a&seed=3&steps=softmax,dot-product');
  const card = page.locator('.step-softmax [data-question-id="softmax-shift"]');
  const shift = template('softmax-shift');
  const right = shift.options.find((o) => o.id === answerOf(shift));
  const wrong = shift.options.find((o) => o.id !== right.id);
  await card.getByLabel(wrong.text).check();
  await card.getByRole('button', { name: 'Check' }).click();
  assert.match(await feedbackOf(card), /^Not quite \u2014 /);
  assert.equal(await card.locator('.al-quiz-feedback').getAttribute('aria-live'), 'polite');
  await card.getByRole('button', { name: 'Try again' }).click();
  await card.getByLabel(right.text).check();
  await card.getByRole('button', { name: 'Check' }).click();
  const fb = await feedbackOf(card);
  assert.match(fb, /^Correct \u2014 /);
  assert.match(fb, /Not a first try, so it counts 0\.6667 of a point\.$/, 'a retry after ruling out one of four options earns 2/3');
  assert.equal(await card.getByRole('button', { name: 'Try again' }).isVisible(), false);

  // A computed question: its numbers come from the card's variant; a miss offers new numbers.
  const num = page.locator('.step-softmax [data-question-id="softmax-weight"]');
  const first = await shownQuestion(num, 'softmax-weight');
  assert.equal(await num.locator('legend').textContent(), first.prompt);
  const v1 = first.compute(referenceEngine);
  await num.getByLabel('Your answer').fill(String(Math.round((v1 + 0.2) * 100) / 100).replace('.', ','));
  await num.getByLabel('Your answer').press('Enter');
  assert.match(await feedbackOf(num), /^Not quite/);
  assert.match(await num.locator('.al-quiz-solution').textContent(), new RegExp(`The answer is ${formatAnswer(v1).replace('.', '\\.')}`), 'predict reveals the answer on commit');

  const dot = page.locator('.step-dot-product [data-question-id="dot-value"]');
  const d1 = await shownQuestion(dot, 'dot-value');
  await dot.getByLabel('Your answer').fill(String(d1.compute(referenceEngine) + 1));
  await dot.getByLabel('Your answer').press('Enter');
  assert.match(await feedbackOf(dot), /^Not quite/);
  await dot.getByRole('button', { name: 'Try again with new numbers' }).click();
  const d2 = await shownQuestion(dot, 'dot-value');
  assert.notEqual(d2.variant, d1.variant, 'a retry draws a new variant');
  assert.notEqual(d2.prompt, d1.prompt, 'with new numbers');
  assert.equal(await dot.locator('legend').textContent(), d2.prompt);
  await dot.getByLabel('Your answer').fill(String(d2.compute(referenceEngine)));
  await dot.getByLabel('Your answer').press('Enter');
  assert.match(await feedbackOf(dot), /^Correct .*counts 0\.5 of a point\.$/);

  const progress = await page.locator('.step-softmax .al-quiz-progress').textContent();
  assert.match(progress, /^3 of \d+ answered, 2 correct \u00B7 score 1\.1667 of/);

  const events = await page.evaluate(() => window.events);
  assert.equal(events.length, 5);
  assert.deepEqual(events.map((e) => e.detail.result.success), [false, true, false, false, true]);
  assert.deepEqual(events.map((e) => e.detail.result.score.raw), [0, 0.6667, 0, 0, 0.5]);
  assert.equal(events[0].detail.object.id, 'urn:attention-lesson:question:softmax-shift');
  // One name per question for every variant; the description and the seed say what was asked.
  assert.equal(events[4].detail.object.definition.name['en-US'], template('dot-value').prompt);
  assert.ok(events[4].detail.object.definition.description['en-US'].startsWith(d2.prompt), 'the description is the variant that was answered');
  assert.equal(events[4].detail.context.extensions['urn:attention-lesson:extension:variant'], d2.variant);
  assert.equal(instanceOf(template('dot-value'), events[4].detail.context.extensions['urn:attention-lesson:extension:variant'], referenceEngine).compute(referenceEngine),
    d2.compute(referenceEngine), 'the seed in the statement rebuilds the question and its answer');
  assert.match(events[0].detail.result.duration, /^PT/);

  await page.reload();
  await page.waitForFunction(() => window.ready);
  assert.match(await page.locator('.step-softmax .al-quiz-progress').textContent(), /^3 of \d+ answered, 2 correct/);
  assert.equal(await page.locator('.step-softmax [data-question-id="softmax-shift"]').getByLabel(right.text).isChecked(), true);
  const again = page.locator('.step-dot-product [data-question-id="dot-value"]');
  assert.equal(Number(await again.getAttribute('data-variant')), d2.variant, 'a reload shows the variant that was answered');
  assert.equal(await again.getByLabel('Your answer').inputValue(), String(d2.compute(referenceEngine)));
  assert.deepEqual(errors, []);
  await page.close();
});

test('variant inputs as tables, ordering with Move up / Move down, cell question through the selects', async (t) => {
  if (skipReason) { t.skip(skipReason); return; }
  const { page, errors } = await open('?ns=b&steps=worked-example,matrix-form');
  const we = page.locator('.step-worked-example [data-question-id="we-weight"]');
  const wq = await shownQuestion(we, 'we-weight');
  const captions = await we.locator('caption').allTextContents();
  assert.equal(captions.length, wq.inputs.length, 'one table per input matrix');
  for (const [i, tab] of wq.inputs.entries()) assert.ok(captions[i].includes(tab.caption), `caption ${captions[i]}`);
  assert.equal(await we.locator('table').first().locator('tbody tr').count(), 3, 'X has one row per token');

  const ord = page.locator('.step-matrix-form [data-question-id="mf-order"]');
  const arrange = async (target) => {
    for (let i = 0; i < target.length; i += 1) {
      for (let guard = 0; guard < 10; guard += 1) {
        const ids = await ord.locator('li').evaluateAll((lis) => lis.map((l) => l.dataset.id));
        if (ids.indexOf(target[i]) === i) break;
        await ord.locator(`li[data-id="${target[i]}"]`).getByRole('button', { name: /^Move up/ }).click();
      }
    }
  };
  // One adjacent swap (the weights multiply V before the softmax): 14 of 15 pairs, 0.9333.
  await arrange(['project', 'scores', 'mask', 'scale', 'mix', 'softmax']);
  assert.match(await ord.locator('.al-quiz-sr').textContent(), /is now at position \d of 6\./);
  await ord.getByRole('button', { name: 'Check' }).click();
  assert.match(await feedbackOf(ord), /^Not quite \u2014 .*14 of 15 pairs .*partial credit 93%/);
  // The perfect retry earns 0.5 on its own, which must not lower the 0.9333 already earned.
  // Mask before scale: the two commute, so this order is fully right.
  await ord.getByRole('button', { name: 'Try again' }).click();
  await arrange(['project', 'scores', 'mask', 'scale', 'softmax', 'mix']);
  await ord.getByRole('button', { name: 'Check' }).click();
  assert.match(await feedbackOf(ord), /^Correct \u2014 all 6 steps.* Not a first try, so this one counts 0\.5 of a point; your earlier 0\.9333 stands\.$/);
  const saved = await page.evaluate(() => window.events.filter((e) => e.type === 'lesson-answered').map((e) => e.detail.result.score.raw));
  assert.deepEqual(saved.slice(-2), [0.9333, 0.9333], 'the retry reports the kept score');

  const cell = page.locator('.step-worked-example [data-question-id="we-largest-weight"]');
  const cq = await shownQuestion(cell, 'we-largest-weight');
  const spec = cq.compute(referenceEngine);
  const miss = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => ({ row: Math.floor(i / 3), col: i % 3 }))
    .find((c) => !spec.accept.some((a) => a.row === c.row && a.col === c.col));
  await cell.getByLabel('Query row').selectOption(String(miss.row));
  await cell.getByLabel('Key column').selectOption(String(miss.col));
  await cell.getByRole('button', { name: 'Check' }).click();
  assert.match(await feedbackOf(cell), /^Not quite/);
  await cell.getByRole('button', { name: 'Show solution' }).click();
  const sol = solutionOf(cq, { engine: referenceEngine, live: spec });
  assert.equal(await cell.locator('.al-quiz-solution p:last-child').textContent(), sol.text);
  assert.match(sol.text, new RegExp(`^Row \u201C${cq.params.tokens[spec.answer.row]}\u201D, column \u201C${cq.params.tokens[spec.answer.col]}\u201D`));
  // The solution gives the weight that decides the answer, not only the raw score the heatmap shows.
  const w = spec.decidedBy.values[spec.answer.row * 3 + spec.answer.col];
  assert.ok(sol.text.includes(`(weight ${formatAnswer(w)}; raw score `), sol.text);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the review re-asks a missed idea with new numbers', async (t) => {
  if (skipReason) { t.skip(skipReason); return; }
  // The page mounts two steps of the whole bank; the review goes on the second (by default it is
  // on the bank's last quiz step, which this page does not mount).
  const { page, errors } = await open('?ns=r&steps=cost,summary&seed=5&review=summary');
  const step = page.locator('.step-cost .al-quiz-step [data-question-id="cost-growth"]');
  const q1 = await shownQuestion(step, 'cost-growth');
  await step.getByLabel('Your answer').fill(String(q1.compute(referenceEngine) + 3));
  await step.getByLabel('Your answer').press('Enter');
  assert.match(await feedbackOf(step), /^Not quite/);
  const review = page.locator('.al-quiz-review .al-quiz-review-item [data-question-id="cost-growth"]');
  const q2 = await shownQuestion(review, 'cost-growth');
  assert.notEqual(q2.variant, q1.variant, 'the review shows another variant');
  assert.equal(await review.getByRole('button', { name: 'Check' }).isDisabled(), false, 'and it can be answered at once');
  await review.getByLabel('Your answer').fill(String(q2.compute(referenceEngine)));
  await review.getByLabel('Your answer').press('Enter');
  assert.match(await feedbackOf(review), /^Correct .*0\.5 of a point/);
  // The step card now shows the variant answered in the review, as answered.
  assert.equal(Number(await step.getAttribute('data-variant')), q2.variant);
  assert.equal(await step.locator('.al-quiz-status').textContent(), 'answered correctly');
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
    const card = frame.locator('[data-question-id="dot-value"]');
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
