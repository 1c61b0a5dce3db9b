// seeded.js — the lesson's one string hash and one seeded generator, for everything that must
// come out the same on every machine: a word's embedding seed, the quiz's variants and answer
// key, the bank fingerprint in saved progress, the exercise's trials. Pure; no DOM.

/** 32-bit FNV-1a over the string's UTF-16 code units → an unsigned integer. */
export function fnv1a(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: seed (any 32-bit integer) → a function giving uniform numbers in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
