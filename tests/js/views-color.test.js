// views-color.test.js — colour mapping for the views (web/src/views/color.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interpolateCividis, interpolateRdBu } from 'd3-scale-chromatic';
import {
  isMasked, computeDomain, normalize, colorFor, rampStops, parseColor, relativeLuminance,
  contrastRatio, readableTextColor,
} from '../../web/src/views/color.js';

test('masked values are −∞ and NaN only', () => {
  assert.equal(isMasked(-Infinity), true);
  assert.equal(isMasked(NaN), true);
  assert.equal(isMasked(Infinity), false);
  assert.equal(isMasked(-1e30), false);
});

test('computeDomain: explicit, from finite values, symmetric diverging', () => {
  assert.deepEqual(computeDomain([1, 2], 'sequential', [0, 1]), [0, 1]);
  assert.deepEqual(computeDomain([1, 2], 'sequential', [1, 0]), [0, 1]);
  assert.deepEqual(computeDomain(new Float32Array([0.5, -Infinity, 0.25, NaN]), 'sequential'), [0.25, 0.5]);
  assert.deepEqual(computeDomain([-1, 3, -Infinity], 'diverging'), [-3, 3]);
  assert.deepEqual(computeDomain([-4, 1], 'diverging'), [-4, 4]);
  assert.deepEqual(computeDomain([-Infinity, NaN], 'sequential'), [0, 1]);
  assert.deepEqual(computeDomain([], 'diverging'), [-1, 1]);
  assert.deepEqual(computeDomain([0, 0], 'diverging'), [-1, 1]);
  // a single distinct value spans to 0 so it has a defined colour
  assert.deepEqual(computeDomain([1], 'sequential'), [0, 1]);
  assert.deepEqual(computeDomain([-2, -2], 'sequential'), [-2, 0]);
});

test('normalize clamps and handles a degenerate domain', () => {
  assert.equal(normalize(5, [0, 10]), 0.5);
  assert.equal(normalize(-5, [0, 10]), 0);
  assert.equal(normalize(50, [0, 10]), 1);
  assert.equal(normalize(3, [3, 3]), 0.5);
});

test('sequential scale is cividis; masked gets no colour', () => {
  assert.equal(colorFor(0, 'sequential', [0, 1]), interpolateCividis(0));
  assert.equal(colorFor(1, 'sequential', [0, 1]), interpolateCividis(1));
  assert.equal(colorFor(0.5, 'sequential', [0, 1]), interpolateCividis(0.5));
  assert.equal(colorFor(-Infinity, 'sequential', [0, 1]), null);
  assert.equal(colorFor(NaN, 'diverging', [-1, 1]), null);
});

test('diverging scale is reversed RdBu: positive warm (red), negative cool (blue), zero light', () => {
  const [pr, , pb] = parseColor(colorFor(2, 'diverging', [-2, 2]));
  const [nr, , nb] = parseColor(colorFor(-2, 'diverging', [-2, 2]));
  assert.ok(pr > pb, 'positive is red');
  assert.ok(nb > nr, 'negative is blue');
  assert.equal(colorFor(2, 'diverging', [-2, 2]), interpolateRdBu(0));
  assert.ok(relativeLuminance(parseColor(colorFor(0, 'diverging', [-2, 2]))) > 0.8, 'zero is near white');
});

test('rampStops gives n colours from one end to the other', () => {
  const stops = rampStops('sequential', 5);
  assert.equal(stops.length, 5);
  assert.equal(stops[0], interpolateCividis(0));
  assert.equal(stops[4], interpolateCividis(1));
});

test('parseColor and WCAG contrast', () => {
  assert.deepEqual(parseColor('#fff'), [255, 255, 255]);
  assert.deepEqual(parseColor('#0b5cad'), [11, 92, 173]);
  assert.deepEqual(parseColor('rgb(1, 2, 3)'), [1, 2, 3]);
  assert.deepEqual(parseColor('rgba(1,2,3,0.5)'), [1, 2, 3]);
  assert.throws(() => parseColor('blue'), TypeError);
  assert.equal(Math.round(contrastRatio('#000', '#fff')), 21);
  assert.equal(contrastRatio('#777', '#777'), 1);
});

test('readableTextColor picks black on light and white on dark cells, always ≥ 4.5:1 on both scales', () => {
  assert.equal(readableTextColor('#ffffff'), '#000000');
  assert.equal(readableTextColor('rgb(0, 34, 78)'), '#ffffff');
  for (const scale of ['sequential', 'diverging']) {
    for (let i = 0; i <= 100; i += 1) {
      const bg = colorFor(i / 100, scale, [0, 1]);
      assert.ok(contrastRatio(bg, readableTextColor(bg)) >= 4.5, `${scale} ${i}: ${bg}`);
    }
  }
});

test('the default theme colours in views.css meet WCAG AA on white', async () => {
  const { readFile } = await import('node:fs/promises');
  const css = await readFile(new URL('../../web/src/views/views.css', import.meta.url), 'utf8');
  const v = (name) => new RegExp(`${name}:\\s*(#[0-9a-f]{3,6})`, 'i').exec(css)[1];
  for (const name of ['--al-fg', '--al-muted', '--al-accent', '--al-danger']) {
    assert.ok(contrastRatio(v(name), v('--al-bg')) >= 4.5, name);
  }
  assert.ok(contrastRatio(v('--al-focus'), v('--al-bg')) >= 3, 'focus ring');
  assert.ok(contrastRatio(v('--al-border'), v('--al-bg')) >= 3, 'control borders');
  assert.ok(contrastRatio(v('--al-danger'), v('--al-danger-bg')) >= 4.5, 'error text on error background');
  assert.ok(contrastRatio(v('--al-fg'), v('--al-masked-bg')) >= 4.5, '−∞ mark on masked background');
});

test('a locked row never leaves a printed value under 4.5:1 contrast in the faded rows (any value, any background)', async () => {
  const { cellPaint, blendColors, DIM_ALPHA, colorFor: paintOf } = await import('../../web/src/views/color.js');
  let worstNew = Infinity, worstOld = Infinity;
  for (const bg of ['#ffffff', '#f5f0e6', '#e8e8e8', '#1a1a1a']) {
    for (const [scale, domain] of [['sequential', [0, 1]], ['diverging', [-4, 4]]]) {
      for (let i = 0; i <= 200; i++) {
        const v = domain[0] + ((domain[1] - domain[0]) * i) / 200;
        for (const dim of [undefined, { dimWith: bg }]) {
          const p = cellPaint(v, scale, domain, dim);
          worstNew = Math.min(worstNew, contrastRatio(p.text, p.fill));
        }
        // The old drawing: text colour chosen on the full colour, then the row faded over it.
        const full = paintOf(v, scale, domain);
        const oldText = readableTextColor(full);
        worstOld = Math.min(worstOld, contrastRatio(blendColors(oldText, bg, DIM_ALPHA), blendColors(full, bg, DIM_ALPHA)));
      }
    }
  }
  assert.ok(worstNew >= 4.5, `worst contrast of a printed value: ${worstNew.toFixed(2)}:1`);
  assert.ok(worstOld < 3, `the old overlay really was unreadable (worst ${worstOld.toFixed(2)}:1), so this test can fail`);
});

test('cellPainter (many cells at once) gives the scale colour at the nearest of 1025 samples, and readable text on it', async () => {
  const { cellPainter, RAMP_STEPS, blendColors, DIM_ALPHA } = await import('../../web/src/views/color.js');
  for (const [scale, domain] of [['sequential', [0, 1]], ['diverging', [-3, 3]]]) {
    for (const dimWith of [null, '#f5f0e6']) {
      const p = cellPainter(scale, domain, dimWith ? { dimWith } : {});
      for (let i = 0; i <= 300; i += 1) {
        const v = domain[0] + ((domain[1] - domain[0]) * i) / 300;
        const k = p.index(v);
        const t = Math.round(normalize(v, domain) * RAMP_STEPS) / RAMP_STEPS;
        const exact = colorFor(domain[0] + t * (domain[1] - domain[0]), scale, domain);
        assert.equal(p.fill[k], dimWith ? blendColors(exact, dimWith, DIM_ALPHA) : exact, `${scale} ${v}`);
        assert.ok(contrastRatio(p.text[k], p.fill[k]) >= 4.5, `${scale} ${v}: text ${p.text[k]} on ${p.fill[k]}`);
        assert.deepEqual([...p.rgb.subarray(3 * k, 3 * k + 3)], parseColor(p.fill[k]));
      }
      // The sampled colour never differs from the exact one by more than one channel level.
      const exact = parseColor(colorFor(0.123456, scale, [0, 1]));
      const near = parseColor(cellPainter(scale, [0, 1]).fill[cellPainter(scale, [0, 1]).index(0.123456)]);
      assert.ok(exact.every((c, j) => Math.abs(c - near[j]) <= 1), `${exact} vs ${near}`);
    }
    const p = cellPainter(scale, domain);
    assert.equal(p.index(-Infinity), -1);
    assert.equal(p.index(NaN), -1);
    assert.equal(p.index(Infinity), RAMP_STEPS);
    assert.equal(p.index(domain[1] * 10), RAMP_STEPS, 'clamped to the domain');
    assert.equal(cellPainter(scale, [2, 2]).index(2), RAMP_STEPS / 2, 'a one-point domain is the middle, as normalize says');
  }
});
