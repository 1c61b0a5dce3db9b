// views-plot-math.test.js — vector plot maths, bar geometry and the stage player's rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { niceStep, ticks, linearScale, clampRound, keyMove, arrowHead } from '../../web/src/views/plot-math.js';
import { barDomain, barGeometry, zeroPercent } from '../../web/src/views/bar-layout.js';
import { clampIndex, tick, playStart, stageText } from '../../web/src/views/player-logic.js';

test('nice ticks', () => {
  assert.equal(niceStep(6, 6), 1);
  assert.equal(niceStep(2, 6), 0.5);
  assert.deepEqual(ticks(-3, 3, 6), [-3, -2, -1, 0, 1, 2, 3]);
  assert.deepEqual(ticks(0, 1, 5), [0, 0.2, 0.4, 0.6, 0.8, 1]);
  assert.ok(!Object.is(ticks(-1, 1, 2).find((t) => t === 0), -0));
});

test('linear scales map and invert, including a flipped y axis', () => {
  const x = linearScale([-3, 3], [44, 306]);
  assert.equal(x(-3), 44);
  assert.equal(x(3), 306);
  assert.equal(x.invert(175), 0);
  const y = linearScale([-3, 3], [276, 14]);
  assert.equal(y(3), 14);
  assert.equal(y.invert(276), -3);
});

test('keyboard moves: 0.1 per arrow, 1 with Shift, clamped and free of float noise', () => {
  assert.deepEqual(keyMove([0.2, 0.1], 'ArrowRight', false, [-3, 3]), [0.3, 0.1]);
  assert.deepEqual(keyMove([0.2, 0.1], 'ArrowUp', false, [-3, 3]), [0.2, 0.2]);
  assert.deepEqual(keyMove([0.2, 0.1], 'ArrowDown', true, [-3, 3]), [0.2, -0.9]);
  assert.deepEqual(keyMove([-2.5, 0], 'ArrowLeft', true, [-3, 3]), [-3, 0]);
  assert.equal(keyMove([0, 0], 'Enter', false, [-3, 3]), null);
  assert.equal(clampRound(1.23456, [-3, 3]), 1.23);
  assert.equal(clampRound(9, [-3, 3]), 3);
  assert.ok(!Object.is(clampRound(-0.001, [-3, 3]), -0));
});

test('arrowhead points at the tip, symmetric about the shaft', () => {
  const h = arrowHead([0, 0], [10, 0], 4);
  assert.deepEqual(h[0], [10, 0]);
  assert.equal(h[1][0], 6);
  assert.equal(h[2][0], 6);
  assert.equal(h[1][1], -h[2][1]);
  assert.equal(arrowHead([1, 1], [1, 1]), null);
});

test('bars: domain includes zero, negatives extend left of the zero line', () => {
  assert.deepEqual(barDomain([1, 2, 3]), [0, 3]);
  assert.deepEqual(barDomain([-2, 1]), [-2, 1]);
  assert.deepEqual(barDomain([0, 0]), [0, 1]);
  assert.deepEqual(barDomain([5], [0, 10]), [0, 10]);
  assert.deepEqual(barDomain([-Infinity, 2]), [0, 2]);
  assert.equal(zeroPercent([-2, 2]), 50);
  assert.deepEqual(barGeometry(1, [-2, 2]), { start: 50, width: 25, negative: false });
  assert.deepEqual(barGeometry(-2, [-2, 2]), { start: 0, width: 50, negative: true });
  assert.deepEqual(barGeometry(9, [0, 3]), { start: 0, width: 100, negative: false });
  assert.deepEqual(barGeometry(-Infinity, [0, 1]), { start: 0, width: 0, negative: false });
});

test('player: ticks advance and stop at the last stage; play restarts from the end', () => {
  assert.equal(clampIndex(7, 4), 3);
  assert.equal(clampIndex(-1, 4), 0);
  assert.equal(clampIndex(2, 0), 0);
  assert.deepEqual(tick(0, 4), { index: 1, playing: true });
  assert.deepEqual(tick(2, 4), { index: 3, playing: false });
  assert.deepEqual(tick(3, 4), { index: 3, playing: false });
  assert.equal(playStart(3, 4), 0);
  assert.equal(playStart(1, 4), 1);
  assert.equal(playStart(0, 1), 0);
  assert.equal(stageText(1, ['raw', 'scaled', 'weights']), 'Stage 2 of 3: scaled');
});

test('placeLabels puts every label nearer its own dot than any other (step 2: "juice" beside juice, not beside apple′)', async () => {
  const { placeLabels, labelBox, linearScale } = await import('../../web/src/views/plot-math.js');
  // The meaning plot (320 × 316, range −1…3) with "I love apple juice" at pull 1: juice sits at
  // (2.4, 0.2) near the right edge and apple′ lands just left of it.
  const sx = linearScale([-1, 3], [44, 306]), sy = linearScale([-1, 3], [276, 14]);
  const data = [['I', 0.3, 0.3], ['love', 0.8, 0.6], ['apple', 1.2, 1.2], ['juice', 2.4, 0.2], ['apple′ (new)', 1.78, 0.45]];
  const pts = data.map(([label, x, y]) => ({ label, x: sx(x), y: sy(y), width: 7 * label.length }));
  const slots = placeLabels(pts, { left: 0, right: 320, top: 0, bottom: 286 });
  const dist = (p, b) => Math.hypot(Math.max(b.left - p.x, 0, p.x - b.right), Math.max(b.top - p.y, 0, p.y - b.bottom));
  slots.forEach((slot, i) => {
    const box = labelBox(pts[i], slot, pts[i].width);
    const own = dist(pts[i], box);
    for (let j = 0; j < pts.length; j++) if (j !== i) assert.ok(dist(pts[j], box) > own, `${pts[i].label}'s label is nearer ${pts[j].label}`);
    assert.ok(box.left >= 0 && box.right <= 320 && box.top >= 0, `${pts[i].label}'s label stays inside the plot`);
  });
});

test('placeLabels: a label at the right edge slides inside, and a label steers clear of an arrow when it can', async () => {
  const { placeLabels, labelBox } = await import('../../web/src/views/plot-math.js');
  const bounds = { left: 2, right: 318, top: 0, bottom: 286 };
  // a dot at the right edge with a long label: kept inside the plot, not covering its dot
  const edge = [{ x: 314, y: 150, width: 90 }];
  const [s] = placeLabels(edge, bounds);
  const box = labelBox(edge[0], s, 90);
  assert.ok(box.left >= bounds.left && box.right <= bounds.right, JSON.stringify(box));
  assert.ok(!(box.left < 314 && box.right > 314 && box.top < 150 && box.bottom > 150), 'the label does not cover its own dot');
  // with no arrow the label takes its first choice; an arrow drawn straight through that place
  // moves it somewhere the arrow does not cross
  const dot = [{ x: 160, y: 140, width: 40 }];
  const free = labelBox(dot[0], placeLabels(dot, bounds)[0], 40);
  const through = [[[free.left - 5, (free.top + free.bottom) / 2], [free.right + 5, (free.top + free.bottom) / 2]]];
  const moved = labelBox(dot[0], placeLabels(dot, bounds, 9, through)[0], 40);
  assert.notDeepEqual(moved, free);
  const hits = (b, [[x1, y1], [x2, y2]]) => Array.from({ length: 16 }, (_, k) => k / 15).some((t) => {
    const x = x1 + (x2 - x1) * t, y = y1 + (y2 - y1) * t;
    return x > b.left && x < b.right && y > b.top && y < b.bottom;
  });
  assert.ok(!hits(moved, through[0]), 'the moved label is clear of the arrow');
});
