// Steps 23 and 24, the small language model, in headless Chromium. Step 23 (a real model reads
// your sentence): the language model is not
// fetched before the step opens; then a typed sentence gives an L × H grid of heads whose tables'
// rows sum to 1, a next-word list whose probabilities sum to at most 1 and match the model run in
// Node, unknown words marked; the presets say what the heads do, with the numbers of the Node
// model; the grid and the scrubber work from the keyboard; every map has a text alternative; a
// weights file that cannot be downloaded gives a clear message and the rest of the lesson works;
// the hosted build (hashed names) and the single offline file (file://, no network) show it too.
// Step 24 (where attention sits in a transformer): one box per activation the model computes, in
// its order, each with the followed token's numbers as the Node model computes them; choosing
// another token (slider or button, by keyboard) redraws every box; the output box lists five
// next tokens summing to at most 1; the causal panel and both tables carry the model's numbers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, openLesson, screenshot, ensureDist, DIST, ROOT } from './harness.js';
import { openShippedForPage } from '../../scripts/lm/open-model.mjs';
import { readSentence } from '../../web/src/steps/23-real-model/read-sentence.js';
import { PRESETS, INPUTS } from '../../web/src/steps/23-real-model/inputs.js';
import { readBlock } from '../../web/src/steps/24-transformer-block/read-block.js';
import { INPUTS as BLOCK_INPUTS } from '../../web/src/steps/24-transformer-block/inputs.js';
import { schemaDefaults } from '../../web/src/state.js';
import { colorFor, parseColor } from '../../web/src/views/color.js';

const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
const num = (t) => Number(t.trim().replace('\u2212', '-'));
let h, loaded;
before(async () => {
  h = await launch();
  loaded = await openShippedForPage();
});
after(async () => { await h?.close(); });

async function axeOnScene(page) {
  await page.addScriptTag({ path: AXE });
  const axe = await page.evaluate(() => window.axe.run(document.querySelector('.al-scene'), { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }));
  return axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target})`);
}
const ready = (page) => page.waitForSelector('.al-scene [data-role=lm-status][data-state=ready]', { timeout: 30000 });
const tokensShown = (page) => page.locator('.al-scene [data-role=tokens] li').evaluateAll((lis) => lis.map((li) => ({ text: li.firstChild.textContent, known: li.dataset.known === 'true' })));

async function typeSentence(page, text) {
  const box = page.getByLabel('Sentence for the model');
  await box.fill(text);
  await box.press('Enter');
  await page.waitForFunction((t) => document.querySelector('.al-scene [data-role=prediction-line]')?.textContent.includes(t), text);
}

test('lazy load; a typed sentence gives an L × H grid whose rows sum to 1 and a next-word list summing to at most 1', async () => {
  const page = await h.page();
  const fetched = [];
  page.on('request', (r) => fetched.push(r.url()));
  await openLesson(page, h.url, '#step=worked-example');
  assert.ok(!fetched.some((u) => u.includes('model.bin')), 'the weights are not loaded on another step');
  await page.evaluate(() => window.attentionLesson.goTo('real-model'));
  await ready(page);
  assert.ok(fetched.some((u) => u.endsWith('lm/model.bin')), 'the weights load when the step opens');
  assert.match(await page.locator('[data-role=lm-status]').innerText(), /291,944 bytes \(285\.1 KiB\) of 8-bit weights, 249,792 numbers; 2 layers × 4 heads/);

  const sentence = 'The cat sat on the mat near my grandmother';
  await typeSentence(page, sentence);
  const expected = readSentence(loaded, { ...schemaDefaults(INPUTS), sentence });
  const n = expected.n;
  assert.deepEqual(await tokensShown(page), expected.words);

  const cells = page.locator('.al-scene .lm-head-cell');
  assert.equal(await cells.count(), 2 * 4, 'one cell per layer × head');
  await page.locator('[data-role=head-numbers] summary').click();
  const tables = page.locator('.al-scene .lm-head-table');
  assert.equal(await tables.count(), 2 * 4, 'one table per layer × head');
  for (let i = 0; i < 8; i++) {
    const cell = cells.nth(i);
    const rows = await tables.nth(i).locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    assert.equal(rows.length, n, `cell ${i}: ${n} rows`);
    rows.forEach((r, q) => {
      const values = r.map(num);
      const sum = values.reduce((s, v) => s + v, 0);
      assert.ok(Math.abs(sum - 1) <= n * 0.005 + 1e-9, `cell ${i}, row ${q} sums to ${sum}`);
      values.slice(q + 1).forEach((v) => assert.equal(v, 0, `cell ${i}, row ${q}: later keys get 0`));
    });
    // the text alternative names every query's strongest key
    const alt = await cell.locator('.lm-head-button').evaluate((b) => b.getRootNode().getElementById(b.getAttribute('aria-describedby')).textContent);
    const g = expected.grid[Math.floor(i / 4)][i % 4];
    assert.equal(alt, `${g.heldLine} ${g.liveLine} ${g.summary}`);
  }

  const bars = await page.locator('.al-scene [data-role=prediction] li').evaluateAll((lis) => lis.map((li) => ({ label: li.querySelector('.al-bar-label').textContent, value: li.querySelector('.al-bar-value').textContent })));
  assert.equal(bars.length, 5);
  const total = bars.reduce((s, b) => s + num(b.value), 0);
  assert.ok(total <= 1 + 5 * 0.0005, `next-word probabilities sum to ${total}`);
  assert.deepEqual(bars.map((b) => b.label), expected.prediction.words.map((w) => w.label));
  assert.equal(await page.locator('[data-role=prediction-line]').innerText(), expected.prediction.line);
  await screenshot(page, 'real-model-typed');

  assert.deepEqual(await axeOnScene(page), []);
  assert.deepEqual(page.errors, []);
});

test('presets: unknown words marked, what the heads do said with the model\'s own numbers', async () => {
  const page = await h.page();
  await openLesson(page, h.url, '#step=real-model');
  await ready(page);
  for (const p of PRESETS) {
    await page.locator(`.al-scene [data-preset=${p.id}]`).click();
    await page.waitForFunction((t) => document.querySelector('.al-scene [data-role=prediction-line]')?.textContent.includes(t), p.text);
    const expected = readSentence(loaded, { ...schemaDefaults(INPUTS), sentence: p.text, query: p.query });
    assert.deepEqual(await tokensShown(page), expected.words, p.id);
    assert.equal(await page.locator('.al-scene [data-role=unknown-line]').innerText(), expected.unknownLine);
    assert.deepEqual(await page.locator('.al-scene [data-role=preset-lines] li').allInnerTexts(), expected.presetLines.map((l) => l.line));
    assert.equal(await page.locator('.al-scene [data-role=focus-readout]').innerText(), expected.focus.readout);
    assert.equal(expected.tokens[p.query].text, p.links[0].query, `${p.id}: the scrubber jumps to the first link's query`);
  }
  // the bubbe preset: the two unknown words are marked
  await page.locator('.al-scene [data-preset=bubbe]').click();
  await page.waitForFunction(() => document.querySelector('.al-scene [data-role=tokens]')?.textContent.includes('bubbe'));
  const unknown = (await tokensShown(page)).filter((t) => !t.known).map((t) => t.text);
  assert.deepEqual(unknown, ['bubbe', 'matzah']);
  await screenshot(page, 'real-model-bubbe');
  assert.deepEqual(page.errors, []);
});

test('keyboard: arrows move between heads, Enter enlarges one, the scrubber follows the arrow keys', async () => {
  const page = await h.page();
  await openLesson(page, h.url, '#step=real-model');
  await ready(page);
  const first = page.locator('.al-scene .lm-head-button[data-layer="1"][data-head="1"]');
  await first.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const chosen = page.locator('.al-scene .lm-head-button[data-layer="2"][data-head="2"]');
  assert.equal(await chosen.getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('[data-role=focus-title]').innerText(), 'Layer 2, head 2');
  const scrub = page.locator('[data-role=query-scrubber]');
  await scrub.focus();
  const before = await scrub.inputValue();
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction((b) => document.querySelector('[data-role=query-scrubber]').value !== b, before);
  const q = Number(await scrub.inputValue());
  assert.equal(q, Number(before) - 1);
  const expected = readSentence(loaded, { ...schemaDefaults(INPUTS), layer: 2, head: 2, query: q });
  assert.equal(await page.locator('[data-role=focus-readout]').innerText(), expected.focus.readout);
  assert.equal(await scrub.getAttribute('aria-valuetext'), expected.focus.place);
  // the enlarged map's grid has a summary for screen readers
  const described = await page.locator('.al-scene .al-heatmap-grid').getAttribute('aria-describedby');
  assert.ok(described);
  assert.deepEqual(page.errors, []);
});

test('the enlarged head: the keys the causal mask hides read as weight 0 (hatched), never −∞; every next-word label is whole', async () => {
  const page = await h.page();
  // every text drawn on a canvas, to see what the hatched cells print
  await page.addInitScript(() => {
    window.__drawn = new Set();
    const fill = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) { window.__drawn.add(String(text)); return fill.call(this, text, ...rest); };
  });
  await openLesson(page, h.url, '#step=real-model');
  await ready(page);
  const map = page.locator('.al-scene [data-role=focus-map] .al-heatmap');
  const n = (await tokensShown(page)).length + 1; // with <s>
  const hidden = (n * (n - 1)) / 2;
  assert.equal(await map.locator('.al-legend-masked-text').innerText(), `masked (${hidden} cells): key hidden from query, weight 0`);
  assert.equal(await map.locator('.al-legend-swatch').innerText(), '0.00');
  // printed like the cells' 0.00 (the values' type), not in the bold of −∞
  assert.equal(await map.locator('.al-legend-swatch').evaluate((s) => getComputedStyle(s).fontWeight), '400');
  const summary = await map.locator('.al-summary').innerText();
  assert.match(summary, new RegExp(`${hidden} of ${n * n} cells masked \\(weight 0\\)\\.$`));
  assert.ok(!summary.includes('\u221e'), summary);
  await page.waitForFunction(() => window.__drawn.has('0.00'));
  assert.ok(!(await page.evaluate(() => window.__drawn.has('\u2212\u221e'))), 'no masked cell prints −∞');
  // its table: the hidden keys print 0.00 and are marked masked
  await map.getByRole('button', { name: 'Show as table' }).click();
  const cells = await map.locator('table tbody td').evaluateAll((tds) => tds.map((td) => ({ text: td.textContent, masked: td.classList.contains('al-cell-masked') })));
  assert.equal(cells.length, n * n);
  assert.equal(cells.filter((c) => c.masked).length, hidden);
  for (const c of cells.filter((x) => x.masked)) assert.equal(c.text, '0.00 (masked)');
  assert.ok(cells.every((c) => !c.text.includes('\u221e')));
  // the next-word bars: "end of sentence (<s>)" and "a word it does not know (<unk>)" are shown whole
  const labels = await page.locator('.al-scene [data-role=prediction] .al-bar-label').evaluateAll((ls) => ls.map((l) => ({ text: l.textContent, cut: l.scrollWidth > l.clientWidth + 1 || l.scrollHeight > l.clientHeight + 1 })));
  assert.ok(labels.some((l) => l.text.length > 15), JSON.stringify(labels));
  assert.deepEqual(labels.filter((l) => l.cut), []);
  assert.deepEqual(page.errors, []);
});

test('a weights file that cannot be downloaded: a clear message, the lesson keeps working', async () => {
  const page = await h.page();
  await page.route('**/lm/model.bin', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await openLesson(page, h.url, '#step=real-model');
  await page.waitForSelector('.al-scene [data-role=lm-status][data-state=failed]', { timeout: 30000 });
  assert.match(await page.locator('[data-role=lm-status]').innerText(), /^The language model could not be loaded, so this step cannot show it\. The language model's weights file could not be downloaded \(.*model\.bin\): HTTP 404\.$/);
  await page.evaluate(() => window.attentionLesson.goTo('sentence'));
  await page.waitForFunction(() => /4 × 4/.test(document.querySelector('[data-testid=matrix-size]')?.textContent ?? ''));
  const errors = page.errors.filter((e) => !/404/.test(e));
  assert.deepEqual(errors, []);
});

test('the hosted build (hashed file names) and the single offline file both run the model', async () => {
  await ensureDist();
  const hosted = await launch({ root: DIST });
  try {
    const page = await hosted.page();
    await openLesson(page, hosted.url, '#step=real-model');
    await ready(page);
    assert.match(await page.locator('[data-role=prediction-line]').innerText(), /top 5 guesses take/);
    assert.deepEqual(page.errors, []);
  } finally {
    await hosted.close();
  }
  const page = await h.page();
  const context = page.context();
  await context.setOffline(true);
  const network = [];
  await context.route(/^https?:/, (route) => { network.push(route.request().url()); return route.abort(); });
  await page.goto(`${pathToFileURL(path.join(DIST, 'attention-lesson.html')).href}#step=real-model`);
  await page.waitForSelector('#lesson[data-ready="true"]', { timeout: 20000 });
  await ready(page);
  assert.match(await page.locator('[data-role=lm-status]').innerText(), /291,944 bytes/);
  assert.equal(await page.locator('.al-scene .lm-head-cell').count(), 8);
  assert.deepEqual(network, []);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the block: every box in order with the followed token\'s numbers; keyboard; output; causal panel; tables', async () => {
  const page = await h.page();
  await openLesson(page, h.url, '#step=transformer-block');
  await ready(page);
  await page.waitForSelector('.al-scene .lm-box[data-stage=final_norm]');
  let expected = readBlock(loaded, schemaDefaults(BLOCK_INPUTS));
  const boxes = page.locator('.al-scene .lm-block > li');
  assert.deepEqual(await boxes.evaluateAll((lis) => lis.map((li) => li.dataset.stage)), [...expected.boxes.map((b) => b.key), 'output']);
  assert.deepEqual(await boxes.locator('h3').allInnerTexts(), [...expected.boxes.map((b) => b.title), expected.output.title]);
  // each box's "All numbers" names its box for a screen reader
  const summaries = await boxes.locator('summary').allTextContents();
  assert.deepEqual(summaries, expected.boxes.map((b) => `All numbers of ${b.title}`));
  const allNumbers = () => page.locator('.al-scene .lm-box details p').allTextContents();
  assert.deepEqual(await allNumbers(), expected.boxes.map((b) => b.allNumbers));
  // each box's colour strip: one cell per number, in the diverging scale over its largest |value|
  const strips = await page.locator('.al-scene .lm-box canvas.al-vector-strip').evaluateAll((cs) => cs.map((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    return { width: c.width, height: c.height, row: Array.from(d.subarray(4 * c.width * Math.floor(c.height / 2), 4 * c.width * (Math.floor(c.height / 2) + 1))) };
  }));
  assert.equal(strips.length, expected.boxes.length);
  strips.forEach((st, i) => {
    const v = expected.boxes[i].vector;
    const m = Math.max(...Array.from(v, Math.abs));
    for (let j = 0; j < v.length; j++) {
      const x = Math.floor(((j + 0.5) * st.width) / v.length);
      const want = parseColor(colorFor(v[j], 'diverging', [-m, m]));
      const got = st.row.slice(4 * x, 4 * x + 3);
      assert.ok(want.every((c, k) => Math.abs(c - got[k]) <= 2), `box ${i} number ${j}: ${got} for ${want}`);
    }
  });

  // follow another token from the keyboard: the slider, then a token button
  const scrub = page.locator('[data-role=token-scrubber]');
  await scrub.focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('[data-role=token-scrubber]').value === '3');
  expected = readBlock(loaded, { ...schemaDefaults(BLOCK_INPUTS), token: 3 });
  assert.deepEqual(await allNumbers(), expected.boxes.map((b) => b.allNumbers));
  assert.equal(await scrub.getAttribute('aria-valuetext'), expected.place);
  const last = page.locator('.al-scene [data-role=token-buttons] button').last();
  await last.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.al-scene [data-role=token-buttons] button:last-child')?.getAttribute('aria-pressed') === 'true');
  expected = readBlock(loaded, { ...schemaDefaults(BLOCK_INPUTS), token: 31 });
  assert.deepEqual(await allNumbers(), expected.boxes.map((b) => b.allNumbers));

  // the output box: five next tokens, probabilities summing to at most 1, the model's words
  const values = (await page.locator('[data-role=output-bars] .al-bar-value').allTextContents()).map(num);
  assert.equal(values.length, 5);
  assert.ok(values.reduce((s, v) => s + v, 0) <= 1 + 5 * 0.0005);
  assert.deepEqual(await page.locator('[data-role=output-bars] .al-bar-label').allTextContents(), expected.output.words.map((w) => w.label));
  assert.equal(await page.locator('[data-role=output-line]').innerText(), expected.output.line);

  // the causal panel and the two tables
  assert.deepEqual(await page.locator('[data-role=mask-lines] li').allInnerTexts(), expected.maskLines);
  assert.match(expected.causal.line, /stays (exactly the same|the same up to float rounding)/);
  const scale = await page.locator('[data-role=scale] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.lastElementChild.textContent));
  assert.deepEqual(scale, expected.scale.map((r) => r.ours));
  assert.deepEqual(scale.slice(0, 3), [String(loaded.lm.config.layers), String(loaded.lm.config.dModel), String(loaded.lm.config.heads)]);
  assert.equal(await page.locator('[data-role=intuitions] tbody tr').count(), expected.intuitions.length);
  await screenshot(page, 'transformer-block');

  assert.deepEqual(await axeOnScene(page), []);
  assert.deepEqual(page.errors, []);
});
