// log-scale.js — geometry of the cost step's log–log chart: a log-scale map and decade ticks.
// Pure, no DOM.

// A log-scale map from [d0, d1] (both > 0) to pixels [p0, p1].
export function logScale([d0, d1], [p0, p1]) {
  const l0 = Math.log10(d0), l1 = Math.log10(d1);
  const k = (p1 - p0) / (l1 - l0 || 1);
  return (v) => p0 + (Math.log10(v) - l0) * k;
}

// Powers of `base` covering [min, max]: the domain rounded out to whole powers, and its ticks.
export function decades(min, max, base = 10) {
  const log = (v) => Math.log(v) / Math.log(base);
  const lo = base ** Math.floor(log(min > 0 ? min : 1) + 1e-9);
  let hi = base ** Math.ceil(log(max > 0 ? max : 1) - 1e-9);
  if (hi <= lo) hi = lo * base;
  const ticks = [];
  for (let v = lo; v <= hi * 1.0001; v *= base) ticks.push(v);
  return { domain: [lo, hi], ticks };
}
