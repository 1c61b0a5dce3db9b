// Checks the disassembly (binaryen's wasm-dis) of both engines and both trainer modules: every SIMD kernel in the SIMD
// build must contain f32x4 arithmetic (v128 moves for the mask), and the scalar build must contain
// no v128 instruction at all. Prints the counts per kernel; exits 1 on a failed check.
import { execFileSync } from 'node:child_process';

function kernels(file) {
  const text = execFileSync('wasm-dis', [file], { maxBuffer: 64 << 20 }).toString();
  const funcs = new Map();
  let name = null;
  for (const line of text.split('\n')) {
    const m = /^ \(func \$([^\s(]+)/.exec(line);
    if (m) {
      name = decodeURIComponent(m[1].replace(/\\([0-9a-f]{2})/g, '%$1')).replace(/\(.*$/, '');
      funcs.set(name, { f32x4: 0, v128: 0 });
    } else if (name) {
      const f = funcs.get(name);
      f.f32x4 += (line.match(/f32x4\./g) || []).length;
      f.v128 += (line.match(/v128\.|f32x4\.|i32x4\./g) || []).length;
    }
  }
  return funcs;
}

// The engine, the trainer module and the language model's module (their named copies in the build tree: the shipped file has
// its function names stripped). Every listed kernel needs f32x4 arithmetic (the mask: v128 moves).
const MODULES = [
  {
    simd: 'wasm/dist/attention-simd.wasm', scalar: 'wasm/dist/attention-scalar.wasm',
    // attn_fused_attention: the fused kernel (src/fused_attention.cpp) is inlined into its export.
    f32x4: ['attn::scores_simd', 'attn::scale_simd', 'attn::softmax_rows_simd', 'attn::softmax_columns_simd', 'attn::weighted_sum_simd', 'attn_fused_attention'],
    v128: ['attn::mask_simd'],
  },
  {
    simd: 'build/wasm/attention-train-simd.named.wasm', scalar: 'build/wasm/attention-train-scalar.named.wasm',
    f32x4: ['attn::nn::matmul_nn_simd', 'attn::nn::matmul_nt_simd', 'attn::nn::matmul_tn_simd', 'attn::softmax_rows_simd'],
    v128: [],
  },
  {
    simd: 'build/wasm/attention-lm-simd.named.wasm', scalar: 'build/wasm/attention-lm-scalar.named.wasm',
    f32x4: ['attn::nn::matmul_nn_simd', 'attn::nn::matmul_nt_simd', 'attn::softmax_rows_simd'],
    v128: [],
  },
];
let failed = false;
for (const m of MODULES) {
  const simd = kernels(m.simd);
  const scalar = kernels(m.scalar);
  console.log(m.simd);
  for (const k of [...m.f32x4, ...m.v128]) {
    const c = simd.get(k);
    const ok = c && (m.v128.includes(k) ? c.v128 > 0 : c.f32x4 > 0);
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${k}: ${c?.f32x4 ?? 0} f32x4 ops, ${c?.v128 ?? 0} v128 ops`);
    failed ||= !ok;
  }
  const scalarV128 = [...scalar.values()].reduce((s, c) => s + c.v128, 0);
  console.log(`${scalarV128 === 0 ? 'ok  ' : 'FAIL'} scalar build ${m.scalar}: ${scalarV128} v128 ops in ${scalar.size} functions`);
  failed ||= scalarV128 !== 0;
}
process.exit(failed ? 1 : 0);
