// plot-math.js — pure maths for the vector plot: nice tick steps, data↔pixel scales, rounding
// and clamping moved points to the range, keyboard moves (0.1, Shift: 1), arrowhead geometry.

/** A "nice" step (1, 2 or 5 × 10^k) giving about `target` intervals over `span`. */
export function niceStep(span, target = 6) {
  if (!(span > 0)) return 1;
  const raw = span / Math.max(1, target);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
  return nice * mag;
}

/** Tick values covering [min, max] at a nice step (rounded to avoid 0.30000000000000004). */
export function ticks(min, max, target = 6) {
  const step = niceStep(max - min, target);
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  const out = [];
  for (let v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-9; v += step) {
    out.push(Number(v.toFixed(decimals)) + 0); // "+ 0" turns −0 into 0
  }
  return out;
}

/** Linear map from a data range to a pixel range (pixel range may be reversed, as for y). */
export function linearScale([d0, d1], [p0, p1]) {
  const k = (p1 - p0) / (d1 - d0 || 1);
  const toPx = (v) => p0 + (v - d0) * k;
  toPx.invert = (px) => d0 + (px - p0) / k;
  return toPx;
}

/** Clamp to [min, max] and round to `decimals` places. */
export function clampRound(v, [min, max], decimals = 2) {
  const f = 10 ** decimals;
  const c = Math.max(min, Math.min(max, v));
  return Math.round(c * f) / f + 0;
}

/** New [x, y] after an arrow key (0.1, or 1 with Shift), clamped to range; null for other keys. */
export function keyMove([x, y], key, shift, range) {
  const d = shift ? 1 : 0.1;
  const moves = { ArrowLeft: [-d, 0], ArrowRight: [d, 0], ArrowUp: [0, d], ArrowDown: [0, -d] };
  const m = moves[key];
  if (!m) return null;
  return [clampRound(x + m[0], range), clampRound(y + m[1], range)];
}

/** Three points (pixel coords) of an arrowhead at `to`, pointing away from `from`. */
export function arrowHead([x0, y0], [x1, y1], size = 9) {
  const len = Math.hypot(x1 - x0, y1 - y0);
  if (len < 1e-9) return null;
  const ux = (x1 - x0) / len;
  const uy = (y1 - y0) / len;
  const bx = x1 - ux * size;
  const by = y1 - uy * size;
  const half = size * 0.5;
  return [[x1, y1], [bx - uy * half, by + ux * half], [bx + uy * half, by - ux * half]];
}

// Label slots around a point (pixel offsets of the text's anchor and its text-anchor), nearest
// first; the last ones sit a line further out, for a crowded corner.
const SLOTS = [
  { dx: 12, dy: -10, anchor: 'start' }, { dx: -12, dy: -10, anchor: 'end' },
  { dx: 0, dy: -14, anchor: 'middle' }, { dx: 0, dy: 22, anchor: 'middle' },
  { dx: 12, dy: 18, anchor: 'start' }, { dx: -12, dy: 18, anchor: 'end' },
  { dx: 0, dy: -28, anchor: 'middle' }, { dx: 0, dy: 36, anchor: 'middle' },
];

function labelBox(p, slot, width, height = 14) {
  const x = p.x + slot.dx;
  const left = slot.anchor === 'start' ? x : slot.anchor === 'end' ? x - width : x - width / 2;
  const base = p.y + slot.dy; // text baseline
  return { left, right: left + width, top: base - height + 3, bottom: base + 3 };
}

const overlap = (a, b) => Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
// How many of 16 points along segment s = [[x1, y1], [x2, y2]] fall inside box b (0: it misses it).
function segmentHits(s, b) {
  let hits = 0;
  for (let k = 0; k <= 15; k++) {
    const t = k / 15, x = s[0][0] + (s[1][0] - s[0][0]) * t, y = s[0][1] + (s[1][1] - s[0][1]) * t;
    if (x > b.left && x < b.right && y > b.top && y < b.bottom) hits += 1;
  }
  return hits;
}
const distToBox = (p, b) => Math.hypot(Math.max(b.left - p.x, 0, p.x - b.right), Math.max(b.top - p.y, 0, p.y - b.bottom));

/**
 * Where to put each point's label so that it sits inside the plot, covers no other point and no
 * other label, and is nearer its own point than any other (so "juice" is never read as the name of
 * the dot beside it), and crosses no drawn arrow where another place is free. points:
 * [{ x, y, width }] in pixels (width: the label's text width); bounds: { left, right, top, bottom };
 * segments: the arrows, [[x1, y1], [x2, y2]] in pixels. → [{ dx, dy, anchor }]: greedy in the
 * given order, then refined (each label again against all the others).
 */
export function placeLabels(points, bounds, dotRadius = 9, segments = []) {
  // The best slot for label i, given the boxes of the others (null: not placed yet).
  function bestSlot(i, boxes) {
    const p = points[i];
    let best = SLOTS[0], bestScore = -Infinity;
    for (const base of SLOTS) {
      // a label that would stick out at the left or right slides back inside the plot
      const raw = labelBox(p, base, p.width);
      const shift = raw.left < bounds.left ? bounds.left - raw.left : raw.right > bounds.right ? Math.max(bounds.left - raw.left, bounds.right - raw.right) : 0;
      const slot = shift ? { ...base, dx: base.dx + shift } : base;
      const box = labelBox(p, slot, p.width);
      let score = 0;
      const outside = Math.max(0, bounds.left - box.left) + Math.max(0, box.right - bounds.right) + Math.max(0, bounds.top - box.top) + Math.max(0, box.bottom - bounds.bottom);
      score -= outside * 50;
      const own = distToBox(p, box);
      if (own < dotRadius - 2) score -= 1000; // covers its own dot
      score -= own / 20; // (the nearer its dot the better, other things equal)
      points.forEach((q, j) => {
        if (j === i) return;
        const d = distToBox(q, box);
        if (d < dotRadius) score -= 1000; // covers another dot
        if (d <= own + 2) score -= 400; // nearer another dot than its own
        score += Math.min(d - own, 40) / 40;
      });
      boxes.forEach((other, j) => { if (other && j !== i) score -= overlap(box, other) * 5; });
      for (const s of segments) score -= segmentHits(s, box) * 30; // an arrow drawn through the words
      if (score > bestScore) { bestScore = score; best = slot; }
    }
    return best;
  }
  // Greedy in the given order, then twice more each label against all the others' places (so an
  // early label can make way for a later one that has nowhere else to go).
  const boxes = points.map(() => null);
  const slots = points.map(() => null);
  for (let pass = 0; pass < 3; pass++) {
    points.forEach((p, i) => {
      slots[i] = bestSlot(i, boxes);
      boxes[i] = labelBox(p, slots[i], p.width);
    });
  }
  return slots;
}

/** The label box of a point for a chosen slot (for tests and hit checks). */
export { labelBox };
