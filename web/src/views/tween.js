// tween.js: the in-between values of a heatmap stage transition (pure, no DOM). Masked cells
// (−∞ or NaN) on either side take their final value at once: there is nothing between a number
// and "hidden".
import { isMasked } from './color.js';

// Smooth start and stop: 0 → 0, 0.5 → 0.5, 1 → 1.
export function easeInOut(t) {
  return t < 0.5 ? 2 * t * t : 1 - ((-2 * t + 2) ** 2) / 2;
}

// from, to: equally long arrays; t in [0, 1]. Returns a new Float32Array.
export function tweenValues(from, to, t) {
  const e = easeInOut(Math.max(0, Math.min(1, t)));
  const out = new Float32Array(to.length);
  for (let i = 0; i < to.length; i++) {
    const a = from[i], b = to[i];
    out[i] = isMasked(a) || isMasked(b) ? b : a + (b - a) * e;
  }
  return out;
}
