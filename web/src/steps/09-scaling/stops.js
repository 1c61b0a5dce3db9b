// Step 9 (09-scaling): its slider stops and work budget: the powers of two it offers for d_k, snapping a
// value from a link to the nearest stop, and how many samples fit a work budget. Pure, no DOM.

// The powers of two from 1 to 1024 (the d_k slider's stops) and the stop nearest to a value.
export const DK_STOPS = Array.from({ length: 11 }, (_, i) => 2 ** i);
export function nearestStop(value) {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return null;
  const i = Math.max(0, Math.min(10, Math.round(Math.log2(value))));
  return DK_STOPS[i];
}

// How many samples fit a work budget (dK · samples · n), never more than asked nor fewer than 1.
export function affordableSamples(dK, n, samples, budget) {
  return Math.max(1, Math.min(samples, Math.floor(budget / (dK * n))));
}
