// bar-layout.js — pure maths for the horizontal bar chart: the domain (always including 0), the
// zero line position, and each bar's start and width as percentages of the track.

/** [min, max] for bars: the given domain, else the values' range widened to include 0. */
export function barDomain(values, domain) {
  if (Array.isArray(domain) && domain.length === 2 && domain.every(Number.isFinite) && domain[1] > domain[0]) {
    return [domain[0], domain[1]];
  }
  let lo = 0;
  let hi = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (hi === lo) hi = lo + 1;
  return [lo, hi];
}

/** Position of the zero line in percent of the track (clamped to the track). */
export function zeroPercent([lo, hi]) {
  return Math.max(0, Math.min(100, ((0 - lo) / (hi - lo)) * 100));
}

/**
 * { start, width } in percent for a bar from 0 to `value` (clamped to the domain);
 * width 0 for non-finite values. `negative` tells which side of the zero line it is on.
 */
export function barGeometry(value, [lo, hi]) {
  const zero = zeroPercent([lo, hi]);
  if (!Number.isFinite(value)) return { start: zero, width: 0, negative: false };
  const v = Math.max(lo, Math.min(hi, value));
  const pos = ((v - lo) / (hi - lo)) * 100;
  const start = Math.min(zero, pos);
  return { start, width: Math.abs(pos - zero), negative: value < 0 };
}
