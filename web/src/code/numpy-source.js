// Generates attention with NumPy for a problem from problem.js: all heads at once as
// (heads, n, d) arrays, one marked line per stage, the scene's bugs (if any) written in and flagged.

import { inputLines, expectedLines, checkLines } from './shared-cells.js';
import { SourceLines } from './source-lines.js';
import { addStages, maskKind } from './stages.js';

export function numpyImplementation(p) {
  const b = new SourceLines();
  b.add('# Self-attention with NumPy: every head at once, as arrays of shape (heads, n, d).');
  b.add('import numpy as np', '');
  b.add('def softmax(s, axis):');
  b.add('    """exp / sum along one axis, largest value subtracted first; an all-hidden slice stays 0."""');
  b.add('    top = s.max(axis=axis, keepdims=True)');
  b.add('    top = np.where(np.isfinite(top), top, 0.0)');
  b.add('    e = np.exp(s - top)');
  b.add('    total = e.sum(axis=axis, keepdims=True)');
  b.add('    return np.divide(e, total, out=np.zeros_like(e), where=total > 0)', '');
  b.add('def split_heads(m, heads):');
  b.add('    """(n, heads·d) → (heads, n, d): head h gets columns h·d … (h+1)·d - 1."""');
  b.add('    n, width = m.shape');
  b.add('    return m.reshape(n, heads, width // heads).transpose(1, 0, 2)', '');
  b.add('X = np.array(x, dtype=np.float64)');
  b.add('n = X.shape[0]');
  b.add('Q = split_heads(X @ np.array(wq), heads)  # (heads, n, d_k)');
  b.add('K = split_heads(X @ np.array(wk), heads)  # (heads, n, d_k)');
  b.add('V = split_heads(X @ np.array(wv), heads)  # (heads, n, d_v)');
  b.add('d_k = Q.shape[-1]');
  b.add({
    causal: 'hidden = np.triu(np.ones((n, n), dtype=bool), k=1)  # (n, n): True above the diagonal',
    none: 'hidden = np.zeros((n, n), dtype=bool)  # nothing is hidden',
    padding: 'hidden = np.arange(n)[None, :] >= valid_keys  # (1, n): one row of key flags, broadcast to every query',
  }[maskKind(p)]);
  addStages(b, p, {
    scores: ['scores = Q @ K.transpose(0, 2, 1)', '(heads, n, n)'],
    scale: ['scaled = scores / np.sqrt(d_k)'],
    'no-scale': ['scaled = scores', '— BUG on purpose: no division by √d_k'],
    mask: ['masked = np.where(hidden, -np.inf, scaled)', 'before the softmax'],
    'mask-after': ['weights = np.where(hidden, 0.0, weights)', '— BUG on purpose: after the softmax'],
    'softmax-rows': ['weights = softmax(masked, axis=-1)', 'over the keys (last axis)'],
    'softmax-unmasked': ['weights = softmax(scaled, axis=-1)', 'over the keys (last axis)'],
    'softmax-columns': ['weights = softmax(masked, axis=-2)', '— BUG on purpose: over the queries (axis -2)'],
    weighted: ['per_head = weights @ V', '(heads, n, d_v)'],
  });
  b.add('concat = per_head.transpose(1, 0, 2).reshape(n, -1)  # heads side by side: (n, heads·d_v)');
  b.add('np_output = concat if wo is None else concat @ np.array(wo)');
  b.add('np_weights = weights');
  b.add("print('weights, head 1:')");
  b.add('print(np.round(np_weights[0], 4))');
  return b;
}

export function numpyCheck(p) {
  return checkLines(p, 'NumPy', 'np_weights', 'np_output');
}

export function numpyProgram(p) {
  return new SourceLines().append(inputLines(p)).add('').append(numpyImplementation(p)).add('')
    .append(expectedLines(p)).add('').append(numpyCheck(p)).build();
}
