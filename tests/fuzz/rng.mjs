// The fuzzers' seeded generator (mulberry32) with the helpers every target uses: rng() in [0, 1),
// rng.int(lo, hi) inclusive, rng.pick(list), rng.chance(p), rng.logInt(lo, hi) log-uniform.
// Shared by tests/fuzz/run.mjs and the targets that rebuild bytes from a seed. The generator itself
// is the quiz's (web/src/quiz/variants.js), so one mulberry32 serves both.
import { createRng } from '../../web/src/quiz/variants.js';

export function makeRng(seed) {
  const { next } = createRng(seed);
  const rng = () => next();
  rng.int = (lo, hi) => lo + Math.floor(rng() * (hi - lo + 1)); // inclusive
  rng.pick = (list) => list[Math.floor(rng() * list.length)];
  rng.chance = (p) => rng() < p;
  rng.logInt = (lo, hi) => Math.min(hi, Math.max(lo, Math.round(Math.exp(Math.log(lo) + rng() * (Math.log(hi) - Math.log(lo))))));
  return rng;
}

