// Heatmaps and tables away from the viewport leave their drawing and table filling for later
// (views/offscreen-work.js). These tests prove that "later" is never "stale": a heatmap's text
// alternative (summary, grid) is current at once; its canvas is hidden until drawn and, once near
// the viewport, shows exactly what a freshly opened page draws; a table away from the viewport is
// filled in idle time, and at once (before the next paint) when the page scrolls or focus moves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLesson } from './harness.js';
import { SCENES } from '../../web/src/steps/index.js';
import { createEngine } from '../../wasm/engine.js';
import { summarizeMatrix } from '../../web/src/views/summarize-matrix.js';
import { formatNumber } from '../../web/src/lib/format.js';
import { describeCell, rowHeaderText } from '../../web/src/views/cell-text.js';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

const engineP = createEngine();
const multiHead = SCENES.find((s) => s.id === 'multi-head');
const modelFor = async (values) => multiHead.model({ ...multiHead.defaults(), ...values }, await engineP);
const frames = (page, n = 2) => page.evaluate((k) => new Promise((r) => {
  const step = () => (k-- > 0 ? requestAnimationFrame(step) : r());
  step();
}), n);

// The enlarged head's heatmap (the last one of the step, far below the sentence box).
const BIG = '.al-scene .al-heatmap >> nth=-1';
// image: the picture's own pixels (the canvas's pixel store may be larger than the picture, see
// heatmap.js), as its size and a hash of its RGBA bytes.
const bigState = (page) => page.locator(BIG).evaluate((root) => {
  const canvas = root.querySelector('canvas');
  const r = canvas.getBoundingClientRect();
  const fig = root.querySelector('.al-heatmap-figure');
  const w = Math.round(parseFloat(fig.style.width) * devicePixelRatio), hgt = Math.round(parseFloat(fig.style.height) * devicePixelRatio);
  const data = canvas.getContext('2d').getImageData(0, 0, w, hgt).data;
  let hash = 2166136261;
  for (let i = 0; i < data.length; i += 1) hash = Math.imul(hash ^ data[i], 16777619);
  return {
    hidden: canvas.style.visibility === 'hidden', image: `${w}×${hgt} ${hash >>> 0}`, top: r.top, viewport: innerHeight,
    summary: root.querySelector('.al-summary').textContent,
    rowHeaders: [...root.querySelectorAll('[role=rowheader]')].map((n) => n.textContent),
  };
});
// Types the sentence into the box without scrolling the page, and commits it with Enter.
async function typeSentence(page, text) {
  await page.locator('.al-scene input[type=text]').evaluate((i, t) => {
    i.focus({ preventScroll: true });
    i.value = t;
    i.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await page.keyboard.press('Enter');
}

test('a heatmap away from the viewport keeps its text alternative current, hides its old picture, and draws what a fresh page draws once it comes near', async () => {
  const page = await h.page({ height: 600, reducedMotion: 'reduce' });
  await openLesson(page, h.url, '#step=multi-head');
  await frames(page);
  const first = await bigState(page);
  assert.equal(first.hidden, false, 'drawn when the step opens');
  await page.evaluate(() => scrollTo(0, 0));
  await frames(page, 3);
  const sentence = 'the dog chased a ball across the wet grass';
  await typeSentence(page, sentence);
  const m = await modelFor({ sentence });
  const spec = { values: m.heads[m.head], rows: m.n, cols: m.n, rowLabels: m.tokens, colLabels: m.tokens, stage: m.bigStage, rowAxisTitle: 'query', colAxisTitle: 'key' };
  const summary = summarizeMatrix(spec);
  await page.waitForFunction((want) => {
    const all = document.querySelectorAll('.al-scene .al-heatmap');
    return all[all.length - 1].querySelector('.al-summary').textContent === want;
  }, summary);
  await frames(page);
  const away = await bigState(page);
  assert.ok(away.top > away.viewport + 128, `the enlarged head is away from the viewport (top ${away.top}, viewport ${away.viewport})`);
  assert.equal(away.hidden, true, 'its canvas is hidden: the picture of the old sentence cannot show');
  assert.equal(away.summary, summary, 'its summary describes the new weights at once');
  assert.deepEqual(away.rowHeaders, m.tokens.map((_, r) => rowHeaderText(spec, r)), 'its grid reads out the new sentence’s rows');

  await page.locator(BIG).evaluate((root) => root.querySelector('canvas').scrollIntoView({ block: 'center' }));
  await page.waitForFunction((sel) => {
    const all = document.querySelectorAll('.al-scene .al-heatmap');
    return all[all.length - 1].querySelector('canvas').style.visibility !== 'hidden';
  }, BIG, { timeout: 2000 });
  const near = await bigState(page);
  assert.notEqual(near.image, first.image, 'redrawn for the new sentence');

  const fresh = await h.page({ height: 600, reducedMotion: 'reduce' });
  await openLesson(fresh, h.url, `#${page.url().split('#')[1]}`);
  await fresh.locator(BIG).evaluate((root) => root.querySelector('canvas').scrollIntoView({ block: 'center' }));
  await frames(fresh, 3);
  const expected = await bigState(fresh);
  assert.equal(near.image, expected.image, 'the late drawing is exactly what a page opened at the new sentence draws');
  assert.deepEqual([...page.errors, ...fresh.errors], []);
});

// The first window of the enlarged head's table, as the page shows it and as the model computes it.
const tableCells = (page) => page.locator(BIG).evaluate((root) => {
  const t = root.querySelector('table');
  return {
    rowHeads: [...t.tBodies[0].rows].map((r) => r.cells[0].textContent),
    cells: [...t.tBodies[0].rows].map((r) => [...r.cells].slice(1).map((c) => c.querySelector('.al-value').textContent)),
  };
});
const expectedCells = (m, size = 16) => ({
  rowHeads: m.tokens.slice(0, size),
  cells: Array.from({ length: Math.min(size, m.n) }, (_, r) => Array.from({ length: Math.min(size, m.n) }, (_, c) => formatNumber(m.heads[m.head][r * m.n + c], 2))),
});
const words = (w, n) => Array.from({ length: n }, (_, i) => w[i % w.length]).join(' ');

// A page whose idle callbacks can be held back (window.__idle.hold = true), so a test can tell a
// fill done on scroll or focus from one done in idle time.
async function pageWithHeldIdle() {
  const page = await h.page({ height: 600, reducedMotion: 'reduce' });
  await page.addInitScript(() => {
    const real = window.requestIdleCallback.bind(window);
    window.__idle = { hold: false, held: [] };
    window.requestIdleCallback = (fn, options) => (window.__idle.hold ? (window.__idle.held.push(fn), 1) : real(fn, options));
  });
  return page;
}

// In the page: commit `text` in the sentence box (a change event, as Enter gives), wait for the
// frame that renders it, then run `act(table)` from a frame callback after the render's (the far
// table is then still waiting) and resolve with what `check(table)` reads afterwards.
function changeThen(page, text, how) {
  return page.evaluate(([t, mode]) => new Promise((resolve) => {
    const input = document.querySelector('.al-scene input[type=text]');
    input.value = t;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    const far = () => { const all = document.querySelectorAll('.al-scene .al-heatmap'); return all[all.length - 1]; };
    const head = () => far().querySelector('table tbody th').textContent;
    requestAnimationFrame(() => requestAnimationFrame(() => { // queued after the lesson's render frame callback
      const before = head();
      if (mode === 'focus') {
        far().querySelector('.al-table-wrap').focus({ preventScroll: true }); // as Tab or a screen reader's focus would
        resolve({ before, after: head() });
        return;
      }
      far().querySelector('table').scrollIntoView({ block: 'center' });
      // the scroll event runs at the start of the next frame, before its frame callbacks and paint
      requestAnimationFrame(() => resolve({ before, after: head() }));
    }));
  }), [text, how]);
}

test('a table away from the viewport is filled in idle time, and before the next paint when the page scrolls', async () => {
  const page = await pageWithHeldIdle();
  const start = words(['one', 'small', 'cat', 'sat', 'on', 'the', 'mat'], 24);
  await openLesson(page, h.url, `#step=multi-head&multi-head=${encodeURIComponent(JSON.stringify({ sentence: start }))}&table=1`);
  await frames(page);
  assert.deepEqual(await tableCells(page), expectedCells(await modelFor({ sentence: start })), 'filled when the step opens');
  await page.evaluate(() => scrollTo(0, 0));
  await frames(page, 3);

  // Idle time: nothing else happens, and the far table follows the new sentence shortly.
  const second = words(['two', 'big', 'dogs', 'ran', 'past', 'a', 'red', 'barn'], 24);
  const m2 = await modelFor({ sentence: second });
  await typeSentence(page, second);
  await page.waitForFunction((w) => {
    const all = document.querySelectorAll('.al-scene .al-heatmap table');
    return all[all.length - 1].tBodies[0].rows[0].cells[0].textContent === w;
  }, m2.tokens[0], { timeout: 2000 });
  assert.deepEqual(await tableCells(page), expectedCells(m2), 'complete and correct after the idle fill');
  // Its screen-reader grid (24 × 24: only the present row's cells exist) reads the new sentence
  // once the cell texts have followed (150 ms after the last update; the active cell at once).
  await page.waitForTimeout(300);
  const gridRow = await page.locator(BIG).evaluate((root) => {
    const row = [...root.querySelectorAll('[role=row]')].find((r) => r.querySelector('[role=gridcell]'));
    return { index: Number(row.getAttribute('aria-rowindex')) - 2, cells: [...row.querySelectorAll('[role=gridcell]')].map((c) => c.textContent) };
  });
  const spec2 = { values: m2.heads[m2.head], rows: m2.n, cols: m2.n, rowLabels: m2.tokens, colLabels: m2.tokens };
  assert.deepEqual(gridRow.cells, m2.tokens.map((_, c) => describeCell(spec2, gridRow.index, c)), 'the grid row reads the new words and weights');

  // Idle time held back: a scroll right after a change fills the table before the frame that paints it.
  await page.evaluate(() => { window.__idle.hold = true; });
  const third = words(['three', 'tall', 'trees', 'stood', 'by', 'an', 'old', 'road'], 24);
  const m3 = await modelFor({ sentence: third });
  const seen = await changeThen(page, third, 'scroll');
  assert.equal(seen.before, m2.tokens[0], 'the far table was still waiting when the page scrolled');
  assert.equal(seen.after, m3.tokens[0], 'the scroll filled it before the frame that paints it');
  assert.deepEqual(await tableCells(page), expectedCells(m3));
  assert.deepEqual(page.errors, []);
});

test('keyboard focus moving to a far table fills it first, so a screen reader never reaches old numbers', async () => {
  const page = await pageWithHeldIdle();
  await openLesson(page, h.url, `#step=multi-head&multi-head=${encodeURIComponent(JSON.stringify({ sentence: words(['a', 'b', 'c'], 20) }))}&table=1`);
  await frames(page);
  await page.evaluate(() => { scrollTo(0, 0); window.__idle.hold = true; });
  await frames(page, 3);
  const next = words(['red', 'green', 'blue', 'gold'], 20);
  const m = await modelFor({ sentence: next });
  const seen = await changeThen(page, next, 'focus');
  assert.equal(seen.before, 'a', 'still waiting when focus moved');
  assert.equal(seen.after, m.tokens[0], 'filled as focus arrived');
  assert.deepEqual(await tableCells(page), expectedCells(m));
  assert.deepEqual(page.errors, []);
});

// Skipping far tables' rendering (for example with `content-visibility: auto`, tried for the typed
// sentence at 64 tokens × 8 heads) takes them out of what a screen reader reads: Chromium then
// marks their cells "notRendered". Far tables and grids must stay readable.
test('a table and a grid away from the viewport stay in the accessibility tree, with the current numbers', async () => {
  const page = await h.page({ height: 600, reducedMotion: 'reduce' });
  const sentence = words(['four', 'quiet', 'owls', 'watched', 'the', 'moon'], 20);
  await openLesson(page, h.url, `#step=multi-head&multi-head=${encodeURIComponent(JSON.stringify({ sentence }))}&table=1`);
  await frames(page);
  await page.evaluate(() => scrollTo(0, 0));
  await frames(page, 3);
  const m = await modelFor({ sentence });
  const top = await page.locator(BIG).evaluate((root) => root.getBoundingClientRect().top);
  assert.ok(top > 600 + 128, `the enlarged head is away from the viewport (top ${top})`);
  // mark the far heatmap's first table row header and cell, and its grid's first row header
  await page.locator(BIG).evaluate((big) => {
    big.querySelector('table tbody th').dataset.probe = 'th';
    big.querySelector('table tbody td').dataset.probe = 'td';
    big.querySelector('[role=rowheader]').dataset.probe = 'grid';
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const ax = async (probe) => {
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `[data-probe=${probe}]` });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    return { role: nodes[0].role?.value, name: nodes[0].name?.value ?? '', ignored: nodes[0].ignored, why: (nodes[0].ignoredReasons ?? []).map((r) => r.name) };
  };
  const head = await ax('th');
  assert.deepEqual([head.role, head.ignored, head.name], ['rowheader', false, m.tokens[0]], `the far table's first row header (${head.why})`);
  const cell = await ax('td');
  assert.equal(cell.ignored, false, `the far table's cell is read (${cell.why})`);
  assert.equal(cell.role, 'cell');
  assert.ok(cell.name.includes(expectedCells(m).cells[0][0]), `it reads the current number (${cell.name})`);
  const grid = await ax('grid');
  assert.equal(grid.ignored, false, `the far grid's row header is read (${grid.why})`);
  assert.deepEqual(page.errors, []);
});
