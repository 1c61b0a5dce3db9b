// The code panel inside the lesson, on the five steps that have one (worked example, matrix form,
// causal mask, multi-head, mistake lab): it shows the step's own engine call (the expected numbers
// equal the step's heatmap), follows the step's inputs (mask off, more heads, a bug switched on),
// links the step's own heatmaps and the code's stage lines both ways, and passes axe with the
// panel open. Steps without a panel have none.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { launch, openLesson, ROOT } from './harness.js';
import { STEP_LIST } from '../../web/src/steps/index.js';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

async function openPanel(page, step) {
  await openLesson(page, h.url, `#step=${step}`);
  // On the same page only the hash changes: wait until the lesson shows the step (its heading),
  // so the panel below is the step's own and not the previous step's.
  const title = STEP_LIST.find((s) => s.id === step).title;
  await page.waitForFunction((t) => document.querySelector('.al-step-title')?.textContent === t, title);
  // The mistake lab's fourth bug is its own chunk, mounted above the panel: wait for it, so the
  // panel does not move down under a click.
  if (step === 'mistake-lab') await page.getByTestId('wrong-shape-facts').waitFor();
  const panel = page.getByTestId('code-panel');
  await panel.locator('summary').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="code-listing"]')?.childElementCount > 0);
  return panel;
}

const listing = (panel) => panel.getByTestId('code-listing').innerText();
const waitFor = (page, re) => page.waitForFunction((src) => new RegExp(src).test(document.querySelector('[data-testid="code-listing"]').textContent), re.source, { timeout: 5000 });

test('worked example: the expected weights are the ones the step draws', async () => {
  const page = await h.page();
  const panel = await openPanel(page, 'worked-example');
  const expected = await panel.getByTestId('code-expected').innerText();
  // The trace of the followed row (Apple) prints the same weights.
  assert.match(expected, /0\.2483\s+0\.5035\s+0\.2483/);
  assert.match(await page.locator('.al-trace').innerText(), /0\.2483, 0\.5035, 0\.2483/);
  assert.match(await listing(panel), /^tokens = \['love', 'Apple', 'phones'\]$/m);
  // Editing an input changes the program's inputs.
  await panel.getByRole('tab', { name: 'NumPy' }).click();
  await page.getByRole('spinbutton').first().fill('2');
  await page.getByRole('spinbutton').first().press('Enter');
  await waitFor(page, /\[2\.0, 0\.0\],/);
  assert.deepEqual(page.errors, []);
});

test("the scene's heatmaps and the code's lines point at each other", async () => {
  const page = await h.page();
  const panel = await openPanel(page, 'worked-example');
  const map = (label) => page.locator('.al-scene .al-heatmap').filter({ has: page.locator('.al-view-title', { hasText: label }) });
  // A heatmap → its line: the scaled scores light the scale line, the weights the softmax line.
  await map('Scaled scores').hover();
  assert.equal(await panel.locator('.al-code-line.al-lit').getAttribute('data-stage'), 'scale');
  await map('Attention weights').locator('[role=grid]').focus();
  assert.equal(await panel.locator('.al-code-line.al-lit').getAttribute('data-stage'), 'softmax');
  // A line or a stage → its heatmaps, outlined; the others are not.
  await page.mouse.move(0, 0);
  await panel.locator('.al-code-line[data-stage="scores"]').focus();
  const linked = () => page.locator('.al-scene .al-heatmap.al-code-linked .al-view-title').allInnerTexts();
  assert.deepEqual(await linked(), ['Raw scores Q·Kᵀ: raw scores']);
  await panel.locator('.al-code-stage[data-stage="softmax"]').focus();
  assert.deepEqual(await linked(), ['Attention weights: softmax weights']);
  await panel.locator('.al-code-stage[data-stage="softmax"]').blur();
  assert.deepEqual(await linked(), []);
  // The mistake lab: the buggy weights are the panel's computation, the mystery is not.
  const lab = await openPanel(page, 'mistake-lab');
  await lab.locator('.al-code-stage[data-stage="softmax"]').focus();
  assert.deepEqual((await linked()).map((t) => t.split(':')[0]), ['Buggy weights']);
  assert.deepEqual(page.errors, []);
});

test('causal mask, multi-head, mistake lab and matrix form: the program follows the step', async () => {
  const page = await h.page();
  let panel = await openPanel(page, 'causal-mask');
  await panel.getByRole('tab', { name: 'NumPy' }).click();
  assert.match(await listing(panel), /hidden = np\.triu\(np\.ones\(\(n, n\), dtype=bool\), k=1\)/);
  await page.locator('.al-scene').getByRole('button', { name: 'Causal mask' }).first().click();
  await waitFor(page, /hidden = np\.zeros\(\(n, n\), dtype=bool\)/);

  panel = await openPanel(page, 'multi-head');
  assert.match(await listing(panel), /^heads = 4$/m);
  assert.match(await listing(panel), /^# W_O: 16 × d_model 16/m);

  panel = await openPanel(page, 'mistake-lab');
  assert.doesNotMatch(await listing(panel), /BUG on purpose/);
  await page.getByLabel('Softmax over the query axis (down the columns)').check();
  await waitFor(page, /transpose\(\[softmax\(column\) for column in transpose\(masked\)\]\).*BUG on purpose/);
  await page.getByLabel('Forget to divide by √d_k').check();
  await waitFor(page, /scaled = scores  # \(2\) scale — BUG on purpose/);
  const expected = await panel.getByTestId('code-expected').innerText();
  assert.match(expected, /^weights \(4 × 4\):/);

  // The fourth bug, live under the mistake lab: pad keys leak with the (n, 1) mask.
  const facts = page.getByTestId('wrong-shape-facts');
  assert.match(await facts.innerText(), /Wrong shape \(6, 1\)/);
  await page.getByLabel('Pad tokens added').selectOption('3');
  assert.match(await facts.innerText(), /Wrong shape \(7, 1\).*3 rows are all −∞/s);
  assert.match(await facts.innerText(), /puts 0\.\d\d of its attention on pad tokens/);

  panel = await openPanel(page, 'matrix-form');
  assert.match(await listing(panel), /^# x: 3 tokens × d_model 8/m);
  assert.deepEqual(page.errors, []);
});

test('a notebook downloaded from the mistake lab, bug switched on, runs in python3 and reproduces the page', async () => {
  const page = await h.page();
  const panel = await openPanel(page, 'mistake-lab');
  await page.locator('.al-scene').getByLabel('Mask after the softmax', { exact: true }).check();
  await waitFor(page, /BUG on purpose/);
  const expectedOnPage = await panel.getByTestId('code-expected').innerText();
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: /Download notebook/ }).click()]);
  const file = await download.path();
  const r = spawnSync('/usr/bin/python3', [path.join(ROOT, 'scripts/check-notebook.py'), file], { encoding: 'utf8', timeout: 120000 });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const report = JSON.parse(r.stdout.trim());
  assert.equal(report.valid, true, report.schema_error);
  for (const cell of report.cells) assert.equal(cell.ok, true, `${cell.role}: ${cell.error}`);
  assert.ok(report.differences.numpy <= 1e-5 && report.differences.plain_python <= 1e-5, JSON.stringify(report.differences));
  // The numbers the notebook checks against are the ones the panel printed from the page's engine.
  const nb = JSON.parse(readFileSync(file, 'utf8'));
  const expectedCell = nb.cells.find((c) => c.metadata.attention_lesson.role === 'expected').source.join('');
  const firstRow = expectedOnPage.split('\n')[1].trim().split(/\s+/).map(Number);
  const nbRow = expectedCell.slice(expectedCell.indexOf('expected_weights_head_1 = [')).split('\n')[1].replace(/[\[\],]/g, ' ').trim().split(/\s+/).slice(0, firstRow.length).map(Number);
  nbRow.forEach((v, i) => assert.ok(Math.abs(v - firstRow[i]) < 5e-5, `weights[0][${i}]: notebook ${v}, page ${firstRow[i]}`));
  assert.deepEqual(page.errors, []);
});

test('axe finds nothing with the panel open; steps without code have no panel', async () => {
  const page = await h.page();
  const panel = await openPanel(page, 'mistake-lab');
  await panel.locator('.al-code-stage[data-stage="softmax"]').focus();
  // The lit line is scrolled into the listing's view (the inputs above it are 4 × 64 numbers).
  const box = await panel.getByTestId('code-listing').boundingBox();
  const line = await panel.locator('.al-code-line.al-lit').boundingBox();
  assert.ok(line.y >= box.y && line.y + line.height <= box.y + box.height, `line at ${line.y}, listing ${box.y}…${box.y + box.height}`);
  await page.addScriptTag({ content: readFileSync(`${ROOT}/node_modules/axe-core/axe.min.js`, 'utf8') });
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document.querySelector('[data-testid="code-panel"]'), { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.length}`);
  });
  assert.deepEqual(result, []);
  await openLesson(page, h.url, '#step=softmax');
  assert.equal(await page.getByTestId('code-panel').count(), 0);
});

test('the exercise step: the editor loads, a correct solution passes, axe finds nothing, the link keeps the inputs number, the code is kept', async () => {
  const page = await h.page();
  await openLesson(page, h.url, '#step=exercise');
  await page.waitForSelector('[data-testid="exercise-editor"][data-kind="codemirror"]', { timeout: 20000 });
  const { SOLUTIONS } = await import('../js/code-exercise-solutions.js');
  await page.locator('[data-testid="exercise-editor"] .cm-content').focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(SOLUTIONS.maskAfterSoftmax);
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="exercise-verdict"]').dataset.bugs === 'mask-after-softmax', null, { timeout: 15000 });
  await page.addScriptTag({ content: readFileSync(`${ROOT}/node_modules/axe-core/axe.min.js`, 'utf8') });
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document.querySelector('.al-scene'), { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(result, []);
  await page.getByRole('button', { name: 'New random inputs' }).click();
  await page.waitForFunction(() => /Random inputs number 2/.test(document.querySelector('[data-testid="exercise-seed"]').textContent));
  assert.match(page.url(), /exercise/);
  // The learner's code stays: after a visit to another step, and after a reload.
  const editorText = async () => {
    await page.waitForSelector('[data-testid="exercise-editor"][data-kind="codemirror"]', { timeout: 20000 });
    return page.evaluate(() => [...document.querySelectorAll('[data-testid="exercise-editor"] .cm-line')].map((l) => l.textContent).join('\n'));
  };
  const firstLine = SOLUTIONS.maskAfterSoftmax.split('\n')[0];
  await page.evaluate(() => window.attentionLesson.goTo('worked-example'));
  await page.evaluate(() => window.attentionLesson.goTo('exercise'));
  assert.equal((await editorText()).split('\n')[0], firstLine);
  await page.reload();
  await page.waitForSelector('#lesson[data-ready="true"]');
  assert.equal((await editorText()).split('\n')[0], firstLine);
  // "Start again" brings back the starter code, and that is what a reload shows then.
  await page.getByRole('button', { name: 'Start again from the starter code' }).click();
  assert.match(await editorText(), /^\/\/ Self-attention for one head/);
  await page.reload();
  await page.waitForSelector('#lesson[data-ready="true"]');
  assert.match(await editorText(), /^\/\/ Self-attention for one head/);
  assert.deepEqual(page.errors, []);
});

test('at 360 px an open panel and the exercise scroll inside themselves, never the page sideways', async () => {
  const page = await h.page({ width: 360, height: 740, hasTouch: true });
  for (const step of ['worked-example', 'matrix-form', 'causal-mask', 'multi-head', 'mistake-lab']) {
    await openPanel(page, step);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360, `${step} with its panel open`);
  }
  await openLesson(page, h.url, '#step=exercise');
  await page.waitForSelector('[data-testid="exercise-editor"][data-kind="codemirror"]', { timeout: 20000 });
  await page.getByTestId('exercise-fill').locator('summary').click();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360, 'the exercise with its fill-in open');
  assert.deepEqual(page.errors, []);
});
