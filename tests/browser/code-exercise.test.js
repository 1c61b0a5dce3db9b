// The exercise and the code panel in Chromium, on a bare test page (fixtures/code-fixture.*):
// CodeMirror loads on demand and is keyboard-usable; a correct solution passes and a buggy one is
// named; an endless loop is stopped by the time limit with a message while the page keeps
// responding; under the strict CSP the exercise says so and the fill-in version works by keyboard,
// with no CSP violation. The panel's tabs, stage ↔ line highlighting and notebook download.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launch, recordRequestsAndCsp, ROOT } from './harness.js';
import { STRICT_CSP } from '../../scripts/serve.mjs';
import { jsOptions } from '../../scripts/build-web.mjs';
import { SOLUTIONS } from '../js/code-exercise-solutions.js';

const BUILD = path.join(ROOT, 'web/build');
let plain, strict;

before(async () => {
  // web/build/ exists after npm run build; the fixture goes next to lesson.js so it finds the same files.
  await build({ ...jsOptions({ entry: 'tests/browser/fixtures/code-fixture.js', format: 'esm' }, { minify: false }), target: 'es2022', outfile: path.join(BUILD, 'code-fixture.js') });
  copyFileSync(path.join(ROOT, 'tests/browser/fixtures/code-fixture.html'), path.join(BUILD, 'code-fixture.html'));
  plain = await launch({ root: BUILD });
  strict = await launch({ root: BUILD, csp: STRICT_CSP });
});
after(async () => { await plain?.close(); await strict?.close(); });

async function open(h) {
  const page = await recordRequestsAndCsp(await h.page());
  await page.goto(`${h.url}code-fixture.html`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  return page;
}

// Replace the editor's text by keyboard: focus, select all, type.
async function typeCode(page, source) {
  const content = page.locator('[data-testid="exercise-editor"] .cm-content');
  await content.focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(source);
}

async function runAndWait(page) {
  const verdict = page.getByTestId('exercise-verdict');
  await page.getByRole('button', { name: 'Run and check' }).click();
  await page.waitForFunction(() => ['true', 'false'].includes(document.querySelector('[data-testid="exercise-verdict"]').dataset.pass), null, { timeout: 15000 });
  return { pass: await verdict.getAttribute('data-pass'), bugs: await verdict.getAttribute('data-bugs'), text: await verdict.innerText() };
}

test('CodeMirror loads on demand; a correct solution passes, a buggy one is named', async () => {
  const page = await open(plain);
  await page.waitForSelector('[data-testid="exercise-editor"][data-kind="codemirror"]', { timeout: 20000 });
  assert.match(await page.getByTestId('exercise-availability').innerText(), /separate thread, with a time limit/);
  assert.ok(page.requests.includes('/code-editor.js'), 'the editor came as its own file');

  await typeCode(page, SOLUTIONS.correct);
  let v = await runAndWait(page);
  assert.equal(v.pass, 'true', v.text);
  assert.match(v.text, /Pass: on all 4 random inputs/);

  await typeCode(page, SOLUTIONS.wrongAxis);
  v = await runAndWait(page);
  assert.equal(v.pass, 'false');
  assert.equal(v.bugs, 'softmax-over-queries');
  assert.match(v.text, /rows do not sum to 1 but your columns do/);

  await typeCode(page, SOLUTIONS.transposedMask);
  v = await runAndWait(page);
  assert.equal(v.bugs, 'mask-wrong-shape');

  // Ctrl+Enter runs from inside the editor; Tab leaves the editor for the next control.
  await typeCode(page, SOLUTIONS.noScale);
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="exercise-verdict"]').dataset.bugs === 'no-scale', null, { timeout: 15000 });
  await page.locator('[data-testid="exercise-editor"] .cm-content').focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Run and check');
  assert.deepEqual(page.errors, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
});

test('an endless loop is stopped by the time limit, and the page keeps responding meanwhile', async () => {
  const page = await open(plain);
  await page.waitForSelector('[data-testid="exercise-editor"][data-kind="codemirror"]', { timeout: 20000 });
  await typeCode(page, 'function attention(x) {\n  let i = 0;\n  while (i >= 0) i++;\n  return x;\n}');
  const started = Date.now();
  await page.getByRole('button', { name: 'Run and check' }).click();
  // While the learner's loop spins: timers fire and a click on the panel's tabs is handled.
  const ticks = await page.evaluate(() => new Promise((resolve) => {
    let n = 0;
    const t = setInterval(() => { n++; }, 50);
    setTimeout(() => { clearInterval(t); resolve(n); }, 1000);
  }));
  assert.ok(ticks >= 12, `only ${ticks} timer ticks in 1 s during the run`);
  await page.getByRole('tab', { name: 'NumPy' }).click({ timeout: 1000 });
  assert.equal(await page.getByRole('tab', { name: 'NumPy' }).getAttribute('aria-selected'), 'true');
  await page.waitForFunction(() => document.querySelector('[data-testid="exercise-verdict"]').dataset.bugs === 'timeout', null, { timeout: 10000 });
  const elapsed = Date.now() - started;
  assert.ok(elapsed >= 1900 && elapsed < 8000, `stopped after ${elapsed} ms`);
  assert.match(await page.getByTestId('exercise-verdict').innerText(), /Stopped after 2 seconds: your function was still running/);
  // The runner is usable again: the next run passes.
  await typeCode(page, SOLUTIONS.correct);
  assert.equal((await runAndWait(page)).pass, 'true');
  assert.deepEqual(page.errors, []);
});

// A function that throws (the commonest slip when writing attention by hand: an undefined row)
// gets the sandbox's sentence with the error; the verdict was once left blank.
test('a learner function that throws is answered with what it threw, on which input', async () => {
  const page = await open(plain);
  await page.waitForSelector('[data-testid="exercise-editor"][data-kind="codemirror"]', { timeout: 20000 });
  await typeCode(page, 'function attention(x) {\n  const s = [];\n  return { output: s[0].map(() => 0) };\n}');
  await page.getByRole('button', { name: 'Run and check' }).click();
  await page.waitForFunction(() => { const t = document.querySelector('[data-testid="exercise-verdict"]').innerText.trim(); return t !== '' && !t.startsWith('Running'); }, null, { timeout: 10000 });
  const verdict = await page.getByTestId('exercise-verdict').innerText();
  assert.match(verdict, /attention threw on the input with n = \d+, d = \d+, causal = (true|false): TypeError: /);
  assert.deepEqual(page.errors, []);
});

test('strict CSP: the exercise says why it cannot run code and the fill-in works by keyboard', async () => {
  const page = await open(strict);
  const availability = page.getByTestId('exercise-availability');
  await page.waitForFunction(() => document.querySelector('[data-testid="exercise-availability"]').dataset.mode === 'fill-in', null, { timeout: 15000 });
  assert.match(await availability.innerText(), /security policy .*no 'unsafe-eval'.* fill-in/);
  assert.equal(await page.getByRole('button', { name: 'Run and check' }).isVisible(), false);
  assert.equal(await page.getByTestId('exercise-fill').getAttribute('open'), '');
  // Nothing chosen yet: the check asks for every answer.
  await page.getByRole('button', { name: 'Check these choices' }).click();
  assert.match(await page.getByTestId('exercise-verdict').innerText(), /Choose an answer for every question first \(4 still open/);
  // One bug at a time: only the softmax axis wrong.
  const choose = async (label) => { await page.getByLabel(label).focus(); await page.keyboard.press('Space'); };
  await choose('each column: key j shares one unit among the queries');
  await choose('divided by √d_k');
  await choose('j > i (a later token)');
  await choose('before the softmax: hidden scores become −∞');
  assert.match(await page.getByTestId('fill-program').innerText(), /transpose\(transpose\(s\)\.map\(softmax\)\)/);
  await page.getByRole('button', { name: 'Check these choices' }).focus();
  await page.keyboard.press('Enter');
  const verdict = page.getByTestId('exercise-verdict');
  assert.equal(await verdict.getAttribute('data-bugs'), 'softmax-over-queries');
  await choose('each row: query i shares one unit among the keys');
  await page.getByRole('button', { name: 'Check these choices' }).click();
  assert.equal(await verdict.getAttribute('data-pass'), 'true');
  assert.match(await page.getByTestId('fill-program').innerText(), /s\.map\(softmax\)/);
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation: the policy was read, not tripped');
  assert.deepEqual(page.errors, []);
});

test('code panel: tabs by keyboard, stage ↔ line highlighting both ways, notebook download', async () => {
  const page = await open(plain);
  // The exercise above the panel swaps in CodeMirror when it has loaded, which moves the panel
  // down: wait for it, so no hover below lands where the panel was a moment before.
  await page.waitForSelector('[data-testid="exercise-editor"][data-kind="codemirror"]', { timeout: 20000 });
  const panel = page.getByTestId('code-panel');
  const python = panel.getByRole('tab', { name: 'Python', exact: true });
  await python.focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await panel.getByRole('tab', { name: 'NumPy' }).getAttribute('aria-selected'), 'true');
  assert.match(await panel.getByTestId('code-listing').innerText(), /masked = np\.where\(hidden, -np\.inf, scaled\)  # \(3\) mask/);
  // Stage → line.
  await panel.locator('.al-code-stage[data-stage="softmax"]').hover();
  assert.match(await panel.locator('.al-code-line.al-lit').innerText(), /^weights = softmax\(masked, axis=-1\)/);
  // Line → stage, by keyboard focus (the pointer leaves the stage list first, so its hover
  // cannot light the softmax stage again while the focus lights the scale one).
  await page.mouse.move(0, 0);
  await panel.locator('.al-code-line[data-stage="scale"]').focus();
  assert.equal(await panel.locator('.al-code-stage.al-lit').getAttribute('data-stage'), 'scale');
  assert.equal(await page.evaluate(() => window.fixture.stageLog.at(-1)), 'scale');
  // The expected block holds the engine's output.
  assert.match(await panel.getByTestId('code-expected').innerText(), /0\.5542\s+1\.3374/);
  // Download: a notebook whose expected output is the engine's.
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: /Download notebook/ }).click()]);
  assert.equal(download.suggestedFilename(), 'attention-the-worked-example.ipynb');
  const nb = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(nb.nbformat, 4);
  const expectedCell = nb.cells.find((c) => c.metadata.attention_lesson.role === 'expected').source.join('');
  const rows = expectedCell.slice(expectedCell.indexOf('expected_output = [')).split('\n').slice(1, 4)
    .map((l) => l.trim().replace(/^\[|\],$/g, '').split(', ').map(Number));
  const want = await page.evaluate(() => window.fixture.expectedOutput);
  assert.deepEqual(rows.flat().map(Math.fround), want);
  assert.deepEqual(page.errors, []);
});
