// The labelled dots of the vector plots (steps 2, 3 and 5), in headless Chromium: while a slider
// moves the dots, every label stays beside its own dot (nearer it than any other dot, covering no
// other label, crossed by no arrow); each label's width is measured once, not on every change
// (measuring forces a layout: it cost up to 2.6 ms of every change in step 5); and no attribute is
// written again with the value it already has.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLesson } from './harness.js';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

// Every plot's labels and dots in the plot's own coordinates (a dot at its group's translate(x y),
// its label's box from the label's x, y and anchor and its real width, as tall as a 13 px label's
// letters: 11 above the baseline, 3 below), and any label nearer another dot than its own or
// overlapping another label. Widths are read with the unwrapped measure (window.__trueMeasure),
// so the test's own reads are not counted.
function readPlots() {
  const out = [];
  for (const plot of document.querySelectorAll('.al-scene svg')) {
    const points = [...plot.querySelectorAll('.al-point')].map((g) => {
      const m = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(g.getAttribute('transform') ?? '');
      const [x, y] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
      const t = g.querySelector('.al-point-label');
      const w = window.__trueMeasure.call(t);
      const lx = x + Number(t.getAttribute('x') ?? 0), base = y + Number(t.getAttribute('y') ?? 0);
      const anchor = t.getAttribute('text-anchor') ?? 'start';
      const left = anchor === 'end' ? lx - w : anchor === 'middle' ? lx - w / 2 : lx;
      return { text: t.textContent, dot: [x, y], label: { left, right: left + w, top: base - 11, bottom: base + 3 } };
    });
    if (!points.length) continue;
    const d2 = ([x, y], r) => (Math.max(r.left - x, 0, x - r.right) ** 2) + (Math.max(r.top - y, 0, y - r.bottom) ** 2);
    const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const problems = [];
    // the arrows' shafts, sampled: a label box should not have one drawn through it
    const lines = [...plot.querySelectorAll('.al-arrow-line')].map((l) => ['x1', 'y1', 'x2', 'y2'].map((a) => Number(l.getAttribute(a))));
    const crosses = (b, [x1, y1, x2, y2]) => Array.from({ length: 16 }, (_, k) => k / 15).some((t) => {
      const x = x1 + (x2 - x1) * t, y = y1 + (y2 - y1) * t;
      return x > b.left && x < b.right && y > b.top && y < b.bottom;
    });
    points.forEach((p, i) => {
      if (!p.text) return;
      if (lines.some((l) => crosses(p.label, l))) problems.push(`an arrow runs through "${p.text}"`);
      const own = d2(p.dot, p.label);
      points.forEach((q, j) => {
        if (j === i) return;
        if (d2(q.dot, p.label) < own) problems.push(`"${p.text}" is nearer the dot of "${q.text}"`);
        if (q.text && j > i && overlap(p.label, q.label)) problems.push(`"${p.text}" overlaps "${q.text}"`);
      });
    });
    out.push({ labels: points.map((p) => p.text), problems });
  }
  return out;
}

for (const step of ['contextual-meaning', 'dot-product', 'first-version']) {
  test(`${step}: labels stay beside their own dots while the dots move; widths measured once`, async () => {
    const page = await h.page({ reducedMotion: 'reduce' }); // (dots and labels in their final places at once)
    await page.addInitScript(() => {
      window.__measured = 0;
      const measure = SVGTextContentElement.prototype.getComputedTextLength;
      window.__trueMeasure = measure;
      SVGTextContentElement.prototype.getComputedTextLength = function () { window.__measured += 1; return measure.call(this); };
    });
    await openLesson(page, h.url, `#step=${step}`);
    const plots = await page.evaluate(readPlots);
    assert.ok(plots.length > 0 && plots.every((p) => p.labels.length >= 2), JSON.stringify(plots));
    const labels = plots.reduce((s, p) => s + p.labels.length, 0);
    // attributes written again with the value they already had (each still invalidates styles)
    await page.evaluate(() => {
      window.__rewritten = [];
      for (const plot of document.querySelectorAll('.al-scene svg')) {
        new MutationObserver((list) => {
          for (const m of list) if (m.oldValue === m.target.getAttribute(m.attributeName)) window.__rewritten.push(`${m.target.nodeName}@${m.attributeName}`);
        }).observe(plot, { subtree: true, attributes: true, attributeOldValue: true });
      }
    });
    const control = page.locator('.al-scene input[type=range], .al-scene input[type=number]').first();
    await control.focus();
    const problems = [];
    for (let k = 0; k < 20; k++) {
      await page.keyboard.press(k < 10 ? 'ArrowUp' : 'ArrowDown');
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
      for (const p of await page.evaluate(readPlots)) problems.push(...p.problems);
    }
    assert.deepEqual([...new Set(problems)], []);
    const measured = await page.evaluate(() => window.__measured);
    assert.ok(measured <= labels, `${measured} width measurements for ${labels} labels over 20 changes`);
    assert.deepEqual([...new Set(await page.evaluate(() => window.__rewritten))], [], 'only what moved is written');
    assert.deepEqual(page.errors, []);
  });
}
