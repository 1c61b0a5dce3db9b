// A plain-JS reference of multi-head attention in float64, written for the tests only (it shares
// no code with the engine): the engine's results are compared against it.

export function matmul(a, b, n, m, p) {
  const c = new Float64Array(n * p);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k];
      for (let j = 0; j < p; j++) c[i * p + j] += aik * b[k * p + j];
    }
  return c;
}

export function hidden(mask, i, j) {
  if (mask === 'causal') return j > i;
  if (mask && typeof mask === 'object') return j >= mask.validKeys;
  return false;
}

// Same options as engine.attention(); returns the same structure with Float64Arrays.
export function referenceAttention({ x, n, dModel, heads = 1, dK, dV, wq, wk, wv, wo, mask = 'none', scale = true, mistake = null }) {
  dK ??= dModel / heads;
  dV ??= dK;
  const hk = heads * dK, hv = heads * dV;
  const Q = matmul(x, wq, n, dModel, hk), K = matmul(x, wk, n, dModel, hk), V = matmul(x, wv, n, dModel, hv);
  const concat = new Float64Array(n * hv);
  const out = [];
  for (let h = 0; h < heads; h++) {
    const pick = (M, w, d) => { const r = new Float64Array(n * d); for (let i = 0; i < n; i++) for (let c = 0; c < d; c++) r[i * d + c] = M[i * w + h * d + c]; return r; };
    const q = pick(Q, hk, dK), k = pick(K, hk, dK), v = pick(V, hv, dV);
    const scores = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) { let s = 0; for (let c = 0; c < dK; c++) s += q[i * dK + c] * k[j * dK + c]; scores[i * n + j] = s; }
    const f = scale ? 1 / Math.sqrt(dK) : 1;
    const scaled = scores.map((s) => s * f);
    const masked = mistake === 'mask-after-softmax' ? scaled.slice() : scaled.map((s, at) => (hidden(mask, Math.floor(at / n), at % n) ? -Infinity : s));
    const weights = new Float64Array(n * n);
    const softmaxLine = (get, set, len) => {
      let m = -Infinity; for (let t = 0; t < len; t++) m = Math.max(m, get(t));
      if (m === -Infinity) { for (let t = 0; t < len; t++) set(t, 0); return; }
      let sum = 0; for (let t = 0; t < len; t++) sum += Math.exp(get(t) - m);
      for (let t = 0; t < len; t++) set(t, Math.exp(get(t) - m) / sum);
    };
    if (mistake === 'softmax-over-queries') {
      for (let j = 0; j < n; j++) softmaxLine((t) => masked[t * n + j], (t, v) => { weights[t * n + j] = v; }, n);
    } else {
      for (let i = 0; i < n; i++) softmaxLine((t) => masked[i * n + t], (t, v) => { weights[i * n + t] = v; }, n);
      if (mistake === 'mask-after-softmax') for (let at = 0; at < n * n; at++) if (hidden(mask, Math.floor(at / n), at % n)) weights[at] = 0;
    }
    const output = matmul(weights, v, n, n, dV);
    for (let i = 0; i < n; i++) for (let c = 0; c < dV; c++) concat[i * hv + h * dV + c] = output[i * dV + c];
    out.push({ q, k, v, scores, scaled, masked, weights, output });
  }
  const output = wo ? matmul(concat, wo, n, hv, dModel) : concat.slice();
  return { heads: out, concat, output };
}

// Seeded uniform numbers in [-spread, spread] (mulberry32), for reproducible random inputs.
export function randomArray(length, seed, spread = 1) {
  let a = seed >>> 0;
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1) * spread;
  }
  return out;
}
