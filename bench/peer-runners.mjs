// The implementations scripts/bench-peers.mjs races, each behind the same shape: setup once with
// Q, K (n × heads·dK) and V (n × heads·dV) row-major, then run() returns the output
// (n × heads·dV, heads side by side). ours (fast path and the lesson's full-intermediates path),
// onnxruntime-web (opset-23 Attention, wasm backend, one thread), tfjs-backend-wasm (2-D matMul
// per head, XNNPACK, one thread), plain JS, and the float64 reference the outputs are checked
// against. Benchmark-only: the peers load from bench/peers/node_modules and never from the network.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { attentionModel } from './onnx-attention-model.mjs';

export const peersDir = fileURLToPath(new URL('./peers/', import.meta.url));
const req = createRequire(path.join(peersDir, 'package.json'));

/** onnxruntime-web's Node build, wasm files from node_modules, one thread, SIMD. */
export async function loadOrt() {
  const entry = req.resolve('onnxruntime-web');
  const mod = await import(pathToFileURL(entry).href);
  const ort = mod.default ?? mod;
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.simd = true; // the only build 1.30 ships is SIMD; kept for older versions
  ort.env.wasm.proxy = false;
  ort.env.wasm.wasmPaths = pathToFileURL(path.dirname(entry) + '/').href;
  ort.env.logLevel = 'error';
  return ort;
}

/** tfjs-core with the wasm backend (its SIMD build, one thread), wasm from node_modules. */
export async function loadTf() {
  const tf = req('@tensorflow/tfjs-core');
  const wasm = req('@tensorflow/tfjs-backend-wasm');
  wasm.setWasmPaths(path.dirname(req.resolve('@tensorflow/tfjs-backend-wasm')) + '/');
  wasm.setThreadsCount?.(1);
  await tf.setBackend('wasm');
  await tf.ready();
  return tf;
}

const versionOf = (name) => JSON.parse(readFileSync(path.join(peersDir, 'node_modules', name, 'package.json'), 'utf8')).version;
export const versions = { ort: versionOf('onnxruntime-web'), tfjs: versionOf('@tensorflow/tfjs-backend-wasm') };

export function peerFiles() {
  const ortDist = path.dirname(req.resolve('onnxruntime-web'));
  const tfWasmDist = path.dirname(req.resolve('@tensorflow/tfjs-backend-wasm'));
  return {
    ort: { wasm: [path.join(ortDist, 'ort-wasm-simd-threaded.wasm')], js: [req.resolve('onnxruntime-web'), path.join(ortDist, 'ort-wasm-simd-threaded.mjs')] },
    tfjs: { wasm: [path.join(tfWasmDist, 'tfjs-backend-wasm-simd.wasm')], js: [req.resolve('@tensorflow/tfjs-core'), req.resolve('@tensorflow/tfjs-backend-wasm')] },
  };
}

// p = { n, heads, dK, dV, causal, q, k, v }

/** Ours, the fast path: inputs written once into the plan's views, run() returns the output view. */
export function oursFast(engine, p) {
  const plan = engine.prepareAttention({ n: p.n, heads: p.heads, dK: p.dK, dV: p.dV, mask: p.causal ? 'causal' : 'none' });
  plan.q.set(p.q);
  plan.k.set(p.k);
  plan.v.set(p.v);
  return { run: () => plan.run(), release: () => plan.dispose() };
}

/**
 * Ours, the lesson's path (engine.attention, every n×n intermediate of every head copied out).
 * It always projects x, so it gets x = Q with identity W_Q = W_K = W_V (Q = K = V = x, dV = dK);
 * its own inputs are returned as `inputs` for the accuracy check. Its time includes the three
 * identity projections (2·n·(heads·dK)² each) and the copies; GFLOP/s count attention only.
 */
export function oursFull(engine, p) {
  const { n, heads, dK } = p;
  const dModel = heads * dK;
  const eye = new Float32Array(dModel * dModel);
  for (let c = 0; c < dModel; c++) eye[c * dModel + c] = 1;
  const opts = { x: p.q, n, dModel, heads, dK, dV: dK, wq: eye, wk: eye, wv: eye, mask: p.causal ? 'causal' : 'none' };
  return { run: () => engine.attention(opts).concat, release() {}, inputs: { ...p, dV: dK, k: p.q, v: p.q } };
}

export async function ortRunner(ort, p) {
  const { n, heads, dK, dV } = p;
  const session = await ort.InferenceSession.create(attentionModel({ n, heads, dK, dV, causal: p.causal }), { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  const feeds = {
    Q: new ort.Tensor('float32', p.q, [1, n, heads * dK]),
    K: new ort.Tensor('float32', p.k, [1, n, heads * dK]),
    V: new ort.Tensor('float32', p.v, [1, n, heads * dV]),
  };
  return { run: async () => (await session.run(feeds)).Y.data, release: () => session.release() };
}

/** tfjs: per head S = matMul(Q_h, K_hᵀ given transposed once at setup)·scale (+ causal −1e9 above the diagonal), softmax, ·V_h. */
export function tfRunner(tf, p) {
  const { n, heads, dK, dV } = p;
  const slice = (m, width, d, h) => {
    const out = new Float32Array(n * d);
    for (let i = 0; i < n; i++) out.set(m.subarray(i * width + h * d, i * width + h * d + d), i * d);
    return tf.tensor2d(out, [n, d]);
  };
  const qs = [], ks = [], vs = [];
  for (let h = 0; h < heads; h++) {
    qs.push(slice(p.q, heads * dK, dK, h));
    const kh = slice(p.k, heads * dK, dK, h);
    ks.push(tf.transpose(kh)); // Kᵀ (dK, n) once: matMul(a, b, false, true) is ~15× slower here
    kh.dispose();
    vs.push(slice(p.v, heads * dV, dV, h));
  }
  const scale = tf.scalar(1 / Math.sqrt(dK));
  let mask = null;
  if (p.causal) {
    const m = new Float32Array(n * n);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) m[i * n + j] = -1e9;
    mask = tf.tensor2d(m, [n, n]);
  }
  const run = () => {
    const outs = tf.tidy(() => qs.map((q, h) => {
      let s = tf.mul(tf.matMul(q, ks[h]), scale);
      if (mask) s = tf.add(s, mask);
      return tf.matMul(tf.softmax(s), vs[h]);
    }));
    const data = outs.map((t) => t.dataSync());
    tf.dispose(outs);
    return data; // per head (n, dV); see tfToRows
  };
  return { run, release: () => tf.dispose([...qs, ...ks, ...vs, scale, ...(mask ? [mask] : [])]) };
}

/** tfjs's per-head outputs → one (n, heads·dV) array, for the accuracy check. */
export function tfToRows(perHead, n, dV) {
  const heads = perHead.length, out = new Float32Array(n * heads * dV);
  perHead.forEach((m, h) => { for (let i = 0; i < n; i++) out.set(m.subarray(i * dV, (i + 1) * dV), i * heads * dV + h * dV); });
  return out;
}

/** Plain JS in float32 arrays: one query row at a time, hidden keys skipped. */
export function plainJsRunner(p) {
  const { n, heads, dK, dV, q, k, v } = p;
  const hk = heads * dK, hv = heads * dV, scale = 1 / Math.sqrt(dK);
  const out = new Float32Array(n * hv), s = new Float32Array(n);
  const run = () => {
    for (let h = 0; h < heads; h++) {
      for (let i = 0; i < n; i++) {
        const visible = p.causal ? i + 1 : n;
        let m = -Infinity;
        for (let j = 0; j < visible; j++) {
          let d = 0;
          for (let c = 0; c < dK; c++) d += q[i * hk + h * dK + c] * k[j * hk + h * dK + c];
          s[j] = d * scale;
          if (s[j] > m) m = s[j];
        }
        let sum = 0;
        for (let j = 0; j < visible; j++) { s[j] = Math.exp(s[j] - m); sum += s[j]; }
        for (let c = 0; c < dV; c++) {
          let acc = 0;
          for (let j = 0; j < visible; j++) acc += s[j] * v[j * hv + h * dV + c];
          out[i * hv + h * dV + c] = acc / sum;
        }
      }
    }
    return out;
  };
  return { run, release() {} };
}

/** The float64 reference every output is checked against: (n, heads·dV) Float64Array. */
export function referenceQKV({ n, heads, dK, dV, causal, q, k, v }) {
  const hk = heads * dK, hv = heads * dV, scale = 1 / Math.sqrt(dK);
  const out = new Float64Array(n * hv), w = new Float64Array(n);
  for (let h = 0; h < heads; h++)
    for (let i = 0; i < n; i++) {
      let m = -Infinity;
      for (let j = 0; j < n; j++) {
        if (causal && j > i) { w[j] = -Infinity; continue; }
        let d = 0;
        for (let c = 0; c < dK; c++) d += q[i * hk + h * dK + c] * k[j * hk + h * dK + c];
        w[j] = d * scale;
        m = Math.max(m, w[j]);
      }
      let sum = 0;
      for (let j = 0; j < n; j++) { w[j] = Math.exp(w[j] - m); sum += w[j]; }
      for (let c = 0; c < dV; c++) {
        let acc = 0;
        for (let j = 0; j < n; j++) acc += w[j] * v[j * hv + h * dV + c];
        out[i * hv + h * dV + c] = acc / sum;
      }
    }
  return out;
}

export function maxAbsError(got, want) {
  let e = 0;
  for (let i = 0; i < want.length; i++) e = Math.max(e, Math.abs(got[i] - want[i]));
  return got.length === want.length ? e : Infinity;
}
