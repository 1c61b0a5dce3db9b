// color.js — colour mapping for the views: value → CSS colour for a sequential (cividis,
// colour-blind safe) or diverging (reversed RdBu: positive warm, negative cool) scale, domains,
// and a readable text colour (black or white, by WCAG contrast) for any cell background.

import { interpolateCividis, interpolateRdBu } from 'd3-scale-chromatic';

/** Masked cells are −∞ (causal / padding mask) or NaN. */
export function isMasked(v) {
  return v === -Infinity || Number.isNaN(v);
}

/**
 * The domain to colour with. An explicit [min, max] wins; otherwise min/max of the finite
 * values; 'diverging' is made symmetric around 0. Empty / all-masked input gives [0, 1].
 */
export function computeDomain(values, scale = 'sequential', domain) {
  if (Array.isArray(domain) && domain.length === 2 && domain.every(Number.isFinite)) {
    return [Math.min(domain[0], domain[1]), Math.max(domain[0], domain[1])];
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return scale === 'diverging' ? [-1, 1] : [0, 1];
  if (scale === 'diverging') {
    const m = Math.max(Math.abs(lo), Math.abs(hi));
    return m === 0 ? [-1, 1] : [-m, m];
  }
  if (lo === hi) return lo > 0 ? [0, lo] : lo < 0 ? [lo, 0] : [0, 1]; // one value: span to 0
  return [lo, hi];
}

/** Position of v in the domain, clamped to [0, 1]; 0.5 when the domain is a single point. */
export function normalize(v, domain) {
  const [lo, hi] = domain;
  if (!(hi > lo)) return 0.5;
  const t = (v - lo) / (hi - lo);
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

/** Interpolator for a scale name; t in [0, 1]. Diverging is reversed RdBu: 1 → red (warm). */
export function interpolatorFor(scale) {
  if (scale === 'diverging') return (t) => interpolateRdBu(1 - t);
  return interpolateCividis;
}

/** CSS colour for a value, or null for a masked (−∞ / NaN) value. */
export function colorFor(v, scale, domain) {
  if (isMasked(v)) return null;
  if (v === Infinity) return interpolatorFor(scale)(1);
  return interpolatorFor(scale)(normalize(v, domain));
}

/** n evenly spaced colours along a scale, for the legend ramp. */
export function rampStops(scale, n = 11) {
  const f = interpolatorFor(scale);
  const out = [];
  for (let i = 0; i < n; i += 1) out.push(f(n === 1 ? 0.5 : i / (n - 1)));
  return out;
}

/** Parse "rgb(r, g, b)", "rgba(...)", "#rgb" or "#rrggbb" into [r, g, b] (0–255). */
export function parseColor(css) {
  const s = String(css).trim();
  let m = /^#([0-9a-f]{3})$/i.exec(s);
  if (m) return m[1].split('').map((h) => parseInt(h + h, 16));
  m = /^#([0-9a-f]{6})$/i.exec(s);
  if (m) return [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16));
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(s);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  throw new TypeError(`Unrecognised colour: ${s}`);
}

/** WCAG relative luminance of [r, g, b]. */
export function relativeLuminance([r, g, b]) {
  const lin = (c) => {
    const x = c / 255;
    return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio between two CSS colours (1 … 21). */
export function contrastRatio(a, b) {
  const la = relativeLuminance(parseColor(a));
  const lb = relativeLuminance(parseColor(b));
  const [hi, lo] = la > lb ? [la, lb] : [lb, la];
  return (hi + 0.05) / (lo + 0.05);
}

/** Black or white, whichever has the higher contrast on the background. */
export function readableTextColor(background, dark = '#000000', light = '#ffffff') {
  return contrastRatio(background, dark) >= contrastRatio(background, light) ? dark : light;
}

/** The colour seen when `over` is painted with opacity `alpha` on `under` (both CSS colours). */
export function blendColors(under, over, alpha) {
  const a = parseColor(under), b = parseColor(over);
  const mix = a.map((u, i) => Math.round(u * (1 - alpha) + b[i] * alpha));
  return `rgb(${mix[0]}, ${mix[1]}, ${mix[2]})`;
}

/** How strongly the rows other than a locked one are faded toward the page background. */
export const DIM_ALPHA = 0.62;

/**
 * The paint of one heatmap cell: its fill and the colour of its printed value. A cell in a row
 * dimmed by a locked row is faded toward `dimWith` first, and the text colour is chosen on that
 * faded fill, so every printed value keeps ≥ 4.5:1 contrast (black or white on any colour does).
 * Masked cells (fill null) return { fill: null, text: null }.
 */
export function cellPaint(v, scale, domain, { dimWith = null, alpha = DIM_ALPHA, withText = true } = {}) {
  const base = colorFor(v, scale, domain);
  if (base === null || base === undefined) return { fill: null, text: null };
  const fill = dimWith ? blendColors(base, dimWith, alpha) : base;
  return { fill, text: withText ? textOn(fill) : null };
}

// readableTextColor for a fill, remembered (a heatmap asks for the same few hundred colours again
// on every frame; parsing and comparing them is most of a large heatmap's drawing time otherwise).
const TEXT_ON = new Map();
function textOn(fill) {
  let t = TEXT_ON.get(fill);
  if (t === undefined) {
    if (TEXT_ON.size > 4096) TEXT_ON.clear();
    t = readableTextColor(fill, '#000000', '#ffffff');
    TEXT_ON.set(fill, t);
  }
  return t;
}

// ---- many cells at once -----------------------------------------------------------------------
// A heatmap of 8 heads × 64 × 64 paints 32,768 cells per change; interpolating and parsing a CSS
// colour for each is most of that. cellPainter samples the ramp once at RAMP_STEPS + 1 points (finer
// than the 256 levels a colour channel can show), with each sample's faded fill, text colour and
// RGB bytes, and keeps them per scale and fading background.
export const RAMP_STEPS = 1024;
const PAINTERS = new Map();

/**
 * → { index(v) → sample index (−1 for a masked value), fill[i], text[i] (CSS colours), rgb
 * (Uint8Array, 3 bytes per sample) }. fill[index(v)] is colorFor at v rounded to the nearest
 * sample (faded toward dimWith when given), and text[i] is chosen on that very fill, so every
 * printed value keeps ≥ 4.5:1 contrast as with cellPaint.
 */
export function cellPainter(scale, domain, { dimWith = null, alpha = DIM_ALPHA } = {}) {
  const key = `${scale}|${dimWith ?? ''}|${alpha}`;
  let lut = PAINTERS.get(key);
  if (!lut) {
    const f = interpolatorFor(scale);
    const fill = new Array(RAMP_STEPS + 1);
    const text = new Array(RAMP_STEPS + 1);
    const rgb = new Uint8Array(3 * (RAMP_STEPS + 1));
    for (let i = 0; i <= RAMP_STEPS; i += 1) {
      const base = f(i / RAMP_STEPS);
      fill[i] = dimWith ? blendColors(base, dimWith, alpha) : base;
      text[i] = textOn(fill[i]);
      rgb.set(parseColor(fill[i]), 3 * i);
    }
    if (PAINTERS.size >= 16) PAINTERS.clear();
    lut = { fill, text, rgb };
    PAINTERS.set(key, lut);
  }
  const [lo, hi] = domain;
  const span = hi - lo;
  return {
    ...lut,
    index(v) {
      if (isMasked(v)) return -1;
      if (v === Infinity || !(span > 0)) return v === Infinity ? RAMP_STEPS : RAMP_STEPS / 2;
      const t = (v - lo) / span;
      return Math.round((t < 0 ? 0 : t > 1 ? 1 : t) * RAMP_STEPS);
    },
  };
}

