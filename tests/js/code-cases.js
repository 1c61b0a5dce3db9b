// Engine calls the code-generation tests share: the scenes' kinds of problem (worked example,
// causal, padding, multi-head with W_O, each mistake) at small sizes, with seeded random inputs.
import { randomArray } from './reference.js';

export function codeCases() {
  const rand = (seed, n, dModel, heads, dK, dV = dK, extra = {}) => ({
    x: randomArray(n * dModel, seed), n, dModel, heads, dK, dV,
    wq: randomArray(dModel * heads * dK, seed + 1, 0.5), wk: randomArray(dModel * heads * dK, seed + 2, 0.5),
    wv: randomArray(dModel * heads * dV, seed + 3, 0.5), ...extra,
  });
  return [
    { name: 'worked example', tokens: ['love', 'Apple', 'phones'],
      options: { x: [1, 0, 1, 1, 0, 2], n: 3, dModel: 2, wq: [1, 0, 0, 1], wk: [1, 1, 0, 1], wv: [1, 0, 0, 1] } },
    { name: 'causal mask', tokens: ['The', 'cat', "sat's", 'do\\wn'], options: rand(11, 4, 8, 1, 8, 8, { mask: 'causal' }) },
    { name: 'padding mask', options: rand(21, 6, 8, 1, 8, 8, { mask: { validKeys: 4 } }) },
    { name: 'multi-head with W_O', options: { ...rand(31, 5, 16, 4, 4), wo: randomArray(16 * 16, 35, 0.5), mask: 'causal' } },
    { name: 'multi-head, no W_O', options: rand(41, 3, 8, 2, 4) },
    { name: 'softmax over queries', options: rand(51, 4, 8, 1, 8, 8, { mask: 'causal', mistake: 'softmax-over-queries' }) },
    { name: 'mask after softmax', options: rand(61, 4, 8, 1, 8, 8, { mask: 'causal', mistake: 'mask-after-softmax' }) },
    { name: 'no scaling, d_k 64', options: rand(71, 4, 64, 1, 64, 64, { mask: 'causal', scale: false }) },
    { name: 'softmax over queries with padding (all-hidden columns)', options: rand(81, 5, 4, 1, 4, 4, { mask: { validKeys: 3 }, mistake: 'softmax-over-queries' }) },
  ];
}
