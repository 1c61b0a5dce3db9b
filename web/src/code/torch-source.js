// Generates attention with PyTorch for a problem from problem.js: the stages by hand on
// (heads, n, d) tensors, each line marked, then torch.nn.functional.scaled_dot_product_attention
// (PyTorch 2.0 and later) on the same tensors as the library's answer. Where PyTorch is not
// installed the program says so and does nothing else.

import { inputLines, expectedLines, checkLines } from './shared-cells.js';
import { SourceLines } from './source-lines.js';
import { addStages, maskKind } from './stages.js';
import { isCorrect } from './problem.js';

export function torchImplementation(p) {
  const b = new SourceLines();
  b.add('# Self-attention with PyTorch: the stages by hand, then the library\'s one call.');
  b.add('import math');
  b.add('try:');
  b.add('    import torch');
  b.add('    import torch.nn.functional as F');
  b.add('except ImportError:');
  b.add('    torch = None', '');
  b.add('def torch_attention(x, wq, wk, wv, heads, wo=None):');
  b.add('    X = torch.tensor(x, dtype=torch.float64)');
  b.add('    n = X.shape[0]');
  b.add('    def split_heads(m):  # (n, heads·d) → (heads, n, d)');
  b.add('        return m.reshape(n, heads, -1).transpose(0, 1)');
  b.add('    Q = split_heads(X @ torch.tensor(wq, dtype=torch.float64))');
  b.add('    K = split_heads(X @ torch.tensor(wk, dtype=torch.float64))');
  b.add('    V = split_heads(X @ torch.tensor(wv, dtype=torch.float64))');
  b.add('    d_k = Q.shape[-1]');
  b.add({
    causal: '    hidden = torch.triu(torch.ones(n, n, dtype=torch.bool), diagonal=1)  # True above the diagonal',
    none: '    hidden = torch.zeros(n, n, dtype=torch.bool)  # nothing is hidden',
    padding: '    hidden = (torch.arange(n) >= valid_keys)[None, :]  # (1, n), broadcast to every query',
  }[maskKind(p)]);
  // A softmax over a slice whose every entry is -inf gives NaN in PyTorch; the page gives 0.
  addStages(b, p, {
    scores: ['    scores = Q @ K.transpose(-2, -1)', '(heads, n, n)'],
    scale: ['    scaled = scores / math.sqrt(d_k)'],
    'no-scale': ['    scaled = scores', '— BUG on purpose: no division by √d_k'],
    mask: ["    masked = scaled.masked_fill(hidden, float('-inf'))", 'before the softmax'],
    'mask-after': ['    weights = weights.masked_fill(hidden, 0.0)', '— BUG on purpose: after the softmax'],
    'softmax-rows': ['    weights = torch.softmax(masked, dim=-1).nan_to_num(0.0)', 'over the keys (last dim)'],
    'softmax-unmasked': ['    weights = torch.softmax(scaled, dim=-1)', 'over the keys (last dim)'],
    'softmax-columns': ['    weights = torch.softmax(masked, dim=-2).nan_to_num(0.0)', '— BUG on purpose: over the queries (dim -2)'],
    weighted: ['    per_head = weights @ V', '(heads, n, d_v)'],
  });
  b.add('');
  b.add('    # The library call: PyTorch 2.0 and later. Its boolean attn_mask marks the keys that MAY be seen.');
  b.add("    if hasattr(F, 'scaled_dot_product_attention'):");
  const maskArg = { causal: 'is_causal=True', none: 'attn_mask=None', padding: 'attn_mask=~hidden' }[maskKind(p)];
  b.add(`        library = F.scaled_dot_product_attention(Q, K, V, ${maskArg})`);
  if (isCorrect(p)) {
    b.add("        print('scaled_dot_product_attention agrees:', torch.allclose(library, per_head, atol=1e-9))");
  } else {
    b.add('        # The library has no bugs to switch on, so it gives the correct answer and differs from ours.');
    b.add("        print('the correct library answer differs from the buggy one by', float((library - per_head).abs().max()))");
  }
  b.add('    else:');
  b.add("        print('PyTorch', torch.__version__, 'has no scaled_dot_product_attention (added in 2.0); the stages above are what it computes.')");
  b.add('    concat = per_head.transpose(0, 1).reshape(n, -1)  # heads side by side');
  b.add('    output = concat if wo is None else concat @ torch.tensor(wo, dtype=torch.float64)');
  b.add('    return weights.tolist(), output.tolist()', '');
  b.add('if torch is None:');
  b.add("    print('PyTorch is not installed here, so the PyTorch cells are skipped. (Colab has it; elsewhere: pip install torch.)')");
  b.add('else:');
  b.add('    torch_weights, torch_output = torch_attention(x, wq, wk, wv, heads, wo)');
  return b;
}

export function torchCheck(p) {
  const b = new SourceLines();
  b.add('if torch is None:');
  b.add("    print('PyTorch check skipped: PyTorch is not installed.')");
  b.add('else:');
  for (const line of checkLines(p, 'PyTorch', 'torch_weights', 'torch_output').lines) b.add(`    ${line.text}`);
  return b;
}

export function torchProgram(p) {
  return new SourceLines().append(inputLines(p)).add('').append(torchImplementation(p)).add('')
    .append(expectedLines(p)).add('').append(torchCheck(p)).build();
}
