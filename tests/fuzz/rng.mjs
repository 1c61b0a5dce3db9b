// The fuzzers' seeded generator (mulberry32) with the helpers every target uses: rng() in [0, 1),
// rng.int(lo, hi) inclusive, rng.pick(list), rng.chance(p), rng.logInt(lo, hi) log-uniform.
// Shared by tests/fuzz/run.mjs and the targets that rebuild bytes from a seed.
export function makeRng(seed) {
  let a = seed >>> 0;
  const rng = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  rng.int = (lo, hi) => lo + Math.floor(rng() * (hi - lo + 1)); // inclusive
  rng.pick = (list) => list[Math.floor(rng() * list.length)];
  rng.chance = (p) => rng() < p;
  rng.logInt = (lo, hi) => Math.min(hi, Math.max(lo, Math.round(Math.exp(Math.log(lo) + rng() * (Math.log(hi) - Math.log(lo))))));
  return rng;
}

