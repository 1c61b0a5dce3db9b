// Solutions to the exercise for the grader's tests: a correct attention(x, wq, wk, wv, causal)
// and one copy per classic bug, each changed in exactly one place. They are JS source strings,
// compiled the way the page's worker compiles the learner's code.

// {{SCALE}}, {{MASK}}, {{AXIS}} and {{AFTER}} are filled in per variant.
const TEMPLATE = `
function multiply(a, b) {
  return a.map((row) => b[0].map((_, j) => row.reduce((s, v, t) => s + v * b[t][j], 0)));
}
function attention(x, wq, wk, wv, causal) {
  const q = multiply(x, wq), k = multiply(x, wk), v = multiply(x, wv);
  const n = x.length, dk = q[0].length;
  const scores = q.map((qi) => k.map((kj) => qi.reduce((s, a, t) => s + a * kj[t], 0) {{SCALE}}));
  const hide = (i, j) => causal && {{MASK}};
  const masked = scores.map((row, i) => row.map((s, j) => ({{AFTER}} || !hide(i, j)) ? s : -Infinity));
  let weights;
  if ({{AXIS}}) {
    weights = masked.map((row) => { const m = Math.max(...row); const e = row.map((s) => Math.exp(s - m)); const z = e.reduce((a, b) => a + b, 0); return e.map((v) => v / z); });
  } else {
    weights = masked.map((row) => row.slice());
    for (let j = 0; j < n; j++) {
      const col = masked.map((row) => row[j]);
      const m = Math.max(...col);
      const e = col.map((s) => (m === -Infinity ? 0 : Math.exp(s - m)));
      const z = e.reduce((a, b) => a + b, 0);
      for (let i = 0; i < n; i++) weights[i][j] = z > 0 ? e[i] / z : 0;
    }
  }
  if ({{AFTER}}) weights = weights.map((row, i) => row.map((w, j) => (hide(i, j) ? 0 : w)));
  return { output: multiply(weights, v), weights };
}`;

function variant({ scale = '/ Math.sqrt(dk)', mask = 'j > i', axis = 'true', after = 'false' } = {}) {
  return TEMPLATE.replace('{{SCALE}}', scale).replaceAll('{{MASK}}', mask).replace('{{AXIS}}', axis).replaceAll('{{AFTER}}', after);
}

export const SOLUTIONS = {
  correct: variant(),
  wrongAxis: variant({ axis: 'false' }),
  maskAfterSoftmax: variant({ after: 'true' }),
  noScale: variant({ scale: '' }),
  transposedMask: variant({ mask: 'j < i' }),
  firstRowMask: variant({ mask: 'j > 0' }),
  noMask: variant({ mask: 'false' }),
  noScaleAndWrongAxis: variant({ scale: '', axis: 'false' }),
  otherBug: variant({ scale: '/ dk' }), // divides by d_k instead of √d_k
  outputOnly: variant().replace('return { output: multiply(weights, v), weights };', 'return multiply(weights, v);'),
};
