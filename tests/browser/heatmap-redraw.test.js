// heatmap-redraw.test.js — the heatmap paints only what changed, and what it shows stays right:
// a re-render with the same numbers leaves the canvas and the DOM alone, new numbers repaint it, and a map
// whose shape changes (step 12's n slider) keeps its canvas's pixel store while the figure shows
// exactly the new picture (no leftover rows, no extra scroll room) — web/src/views/heatmap.js.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLesson } from './harness.js';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

test('a heatmap repaints when its numbers change and not when another part of the scene does', async () => {
  const page = await h.page({ reducedMotion: 'reduce' });
  await openLesson(page, h.url, '#step=why-attention');
  // Count the draws of the step's heatmap canvas (every draw starts with clearRect).
  await page.evaluate(() => {
    const c = document.querySelector('.al-scene .al-heatmap canvas');
    const g = c.getContext('2d');
    window.__draws = 0;
    const clear = g.clearRect.bind(g);
    g.clearRect = (...a) => { window.__draws += 1; return clear(...a); };
    // and every change to the heatmap's DOM (an attribute written again with its own value counts:
    // it still invalidates styles)
    window.__mutations = [];
    new MutationObserver((list) => { for (const m of list) window.__mutations.push(`${m.type} ${m.attributeName ?? ''} ${m.target.nodeName}`); })
      .observe(document.querySelector('.al-scene .al-heatmap'), { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const picture = () => page.evaluate(() => document.querySelector('.al-scene .al-heatmap canvas').toDataURL());
  const before = await picture();
  const retention = page.locator('.al-scene input[type=range]').first();
  await retention.focus();
  for (let k = 0; k < 3; k++) { await retention.press('ArrowRight'); await frames(page); }
  assert.match(await page.getByTestId('rnn-survival').innerText(), /\d/);
  assert.equal(await page.evaluate(() => window.__draws), 0, 'the retention only changes the chain: the weights map is not repainted');
  assert.deepEqual(await page.evaluate(() => window.__mutations), [], 'nor is any of its DOM rewritten');
  assert.equal(await picture(), before);
  // A new sentence changes the weights: the map repaints and shows something else.
  const box = page.locator('.al-scene input[type=text]').first();
  await box.fill('the cat sat on the mat today');
  await page.waitForFunction(() => window.__draws > 0);
  assert.notEqual(await picture(), before);
  assert.deepEqual(page.errors, []);
});

test('a map whose shape changes keeps its pixel store, and its figure shows exactly the new picture', async () => {
  const page = await h.page({ reducedMotion: 'reduce' });
  await openLesson(page, h.url, '#step=positions');
  const pe = page.locator('.al-heatmap', { hasText: 'Positional encoding PE' });
  const measure = () => pe.evaluate((root) => {
    const c = root.querySelector('canvas');
    const fig = root.querySelector('.al-heatmap-figure');
    const scroll = root.querySelector('.al-heatmap-scroll');
    const grid = root.querySelector('[role=grid]');
    return {
      store: `${c.width}x${c.height}`, canvasCss: c.getBoundingClientRect().height, figure: fig.getBoundingClientRect().height,
      figureWidth: fig.getBoundingClientRect().width, scrollH: scroll.scrollHeight, scrollW: scroll.scrollWidth, clientW: scroll.clientWidth, clip: getComputedStyle(fig).overflow,
      rows: Number(grid.getAttribute('aria-rowcount')) - 1,
    };
  });
  const at20 = await measure();
  assert.equal(at20.rows, 20);
  const n = page.getByLabel('Positions n');
  await n.focus();
  await n.press('ArrowRight'); // 21 rows: the store grows, with room to spare
  await frames(page);
  const at21 = await measure();
  assert.equal(at21.rows, 21);
  assert.ok(at21.figure > at20.figure, 'the figure grows with the picture');
  for (let k = 0; k < 6; k++) { await n.press(k % 2 ? 'ArrowRight' : 'ArrowLeft'); await frames(page); } // 20, 21, 20, …
  const back = await measure();
  assert.equal(back.rows, 21);
  assert.equal(back.store, at21.store, 'dragging between 20 and 21 makes no new pixel store');
  await n.press('ArrowLeft');
  await frames(page);
  const shrunk = await measure();
  assert.equal(shrunk.rows, 20);
  assert.equal(shrunk.store, at21.store);
  assert.equal(shrunk.figure, at20.figure, 'the figure is exactly the 20-row picture');
  assert.ok(shrunk.canvasCss > shrunk.figure, 'the canvas is taller than the picture it shows');
  assert.equal(shrunk.clip, 'hidden', 'and the figure clips the rest');
  assert.ok(Math.abs(shrunk.scrollH - shrunk.figure) <= 1, `no scroll room below the picture (${shrunk.scrollH} vs ${shrunk.figure})`);
  assert.ok(shrunk.scrollW <= Math.max(shrunk.clientW, Math.ceil(shrunk.figureWidth)) + 1, `nor beside it (${shrunk.scrollW} vs ${shrunk.clientW})`);
  assert.deepEqual(page.errors, []);
});

test('tables and heatmaps write no attribute again with the value it already has (steps 6, 7, 13)', async () => {
  const page = await h.page({ reducedMotion: 'reduce' });
  for (const step of ['qkv', 'worked-example', 'multi-head']) {
    await openLesson(page, h.url, `#step=${step}`);
    await page.evaluate(() => {
      window.__rewritten = [];
      for (const root of document.querySelectorAll('.al-scene table, .al-scene .al-heatmap, .al-scene button')) {
        new MutationObserver((list) => {
          for (const m of list) if (m.oldValue === m.target.getAttribute(m.attributeName)) window.__rewritten.push(`${m.target.nodeName}.${m.target.className}@${m.attributeName}`);
        }).observe(root, { subtree: true, attributes: true, attributeOldValue: true });
      }
    });
    const control = page.locator('.al-scene input[type=number], .al-scene input[type=text]').first();
    await control.focus();
    const typed = await control.evaluate((i) => i.type === 'text');
    for (let k = 0; k < 6; k++) {
      if (typed) { await page.keyboard.press(k % 2 ? 'Backspace' : 's'); await page.keyboard.press('Enter'); } else await page.keyboard.press(k % 2 ? 'ArrowDown' : 'ArrowUp');
      await frames(page);
    }
    assert.deepEqual([...new Set(await page.evaluate(() => window.__rewritten))], [], step);
  }
  assert.deepEqual(page.errors, []);
});
