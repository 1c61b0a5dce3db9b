// quiz-reference-engine.js — a plain-JS stand-in for the engine calls the quiz makes
// (attention, dotProducts, softmax, matmul, scalingExperiment), built on the float64 reference of
// reference.js and sharing no code with the engine. The quiz tests use it when wasm/dist is not
// built, and compare it with the real engine when it is; quiz-dom.test.js bundles it into its
// page. Not a test file itself.
import { referenceAttention, matmul } from './reference.js';

function gaussian(seed) {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 1) / 4294967297;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

function softmaxRow(values) {
  const m = Math.max(...values);
  const e = values.map((v) => Math.exp(v - m));
  const s = e.reduce((x, y) => x + y, 0);
  return e.map((v) => v / s);
}

export const referenceEngine = {
  calls: 0,
  attention(o) { this.calls += 1; return referenceAttention(o); },
  dotProducts(a, b, nA, nB, d) {
    const out = new Float64Array(nA * nB);
    for (let i = 0; i < nA; i += 1) for (let j = 0; j < nB; j += 1) {
      let s = 0;
      for (let t = 0; t < d; t += 1) s += a[i * d + t] * b[j * d + t];
      out[i * nB + j] = s;
    }
    return out;
  },
  softmax(values, rows, cols) {
    const out = new Float64Array(rows * cols);
    for (let r = 0; r < rows; r += 1) softmaxRow(Array.from(values).slice(r * cols, (r + 1) * cols)).forEach((v, c) => { out[r * cols + c] = v; });
    return out;
  },
  matmul(a, b, n, m, p) { return matmul(a, b, n, m, p); },
  scalingExperiment({ dK, samples = 200, n = 16, seed = 1 }) {
    const g = gaussian(seed);
    const dots = [];
    let rawMax = 0; let scaledMax = 0; let oneHot = 0;
    for (let s = 0; s < samples; s += 1) {
      const q = Array.from({ length: dK }, g);
      const row = Array.from({ length: n }, () => q.reduce((acc, v) => acc + v * g(), 0));
      dots.push(...row);
      const raw = Math.max(...softmaxRow(row));
      rawMax += raw; if (raw > 0.99) oneHot += 1;
      scaledMax += Math.max(...softmaxRow(row.map((v) => v / Math.sqrt(dK))));
    }
    const mean = dots.reduce((a, b) => a + b, 0) / dots.length;
    const variance = dots.reduce((a, b) => a + (b - mean) ** 2, 0) / dots.length;
    return {
      dK, samples, n, seed,
      dot: { mean, variance, std: Math.sqrt(variance) },
      unscaled: { maxWeight: rawMax / samples, oneHotShare: oneHot / samples },
      scaled: { maxWeight: scaledMax / samples },
    };
  },
};
