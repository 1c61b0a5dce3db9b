// Generates attention in plain Python (lists of rows and loops, nothing imported but math) for a
// problem from problem.js: the same stages as the engine, each stage's line marked, any bug the
// scene switched on written in (and flagged) so the program reproduces the page's numbers.

import { inputLines, expectedLines, checkLines } from './shared-cells.js';
import { SourceLines } from './source-lines.js';
import { addStages, maskKind } from './stages.js';

/** The implementation only (expects the variables from inputLines). */
export function pythonImplementation(p) {
  const b = new SourceLines();
  b.add('# Self-attention in plain Python: every matrix is a list of rows.');
  b.add('import math', '');
  b.add('def matmul(a, b):');
  b.add('    """(n × m) times (m × p): entry (i, j) is row i of a dotted with column j of b."""');
  b.add('    return [[sum(x * y for x, y in zip(row, column)) for column in zip(*b)] for row in a]', '');
  b.add('def transpose(a):');
  b.add('    return [list(column) for column in zip(*a)]', '');
  b.add('def columns(a, start, stop):');
  b.add('    """Columns start … stop - 1 of every row: one head\'s share of a projection matrix."""');
  b.add('    return [row[start:stop] for row in a]', '');
  b.add('def softmax(values):');
  b.add('    """exp(v) / sum of exp over a list. Subtracting the largest value first keeps exp finite."""');
  b.add('    top = max(values)');
  b.add('    if top == -math.inf:  # every entry hidden: this row gets no weight at all');
  b.add('        return [0.0 for _ in values]');
  b.add('    exps = [math.exp(v - top) for v in values]');
  b.add('    total = sum(exps)');
  b.add('    return [e / total for e in exps]', '');
  b.add('def hidden(i, j):');
  b.add('    """May query i not look at key j?"""');
  b.add({ causal: '    return j > i  # a later token', none: '    return False  # nothing is hidden', padding: '    return j >= valid_keys  # a padding token' }[maskKind(p)]);
  b.add('');
  b.add('def one_head(x, wq, wk, wv):');
  b.add('    queries, keys, values = matmul(x, wq), matmul(x, wk), matmul(x, wv)');
  b.add('    n, d_k = len(queries), len(queries[0])');
  addStages(b, p, {
    scores: ['    scores = [[sum(a * b for a, b in zip(query, key)) for key in keys] for query in queries]'],
    scale: ['    scaled = [[s / math.sqrt(d_k) for s in row] for row in scores]'],
    'no-scale': ['    scaled = scores', '— BUG on purpose: no division by √d_k'],
    mask: ['    masked = [[-math.inf if hidden(row, col) else s for col, s in enumerate(line)] for row, line in enumerate(scaled)]', 'before the softmax'],
    'mask-after': ['    weights = [[0.0 if hidden(row, col) else w for col, w in enumerate(line)] for row, line in enumerate(weights)]', '— BUG on purpose: after the softmax'],
    'softmax-rows': ['    weights = [softmax(row) for row in masked]', 'over each row (the keys)'],
    'softmax-unmasked': ['    weights = [softmax(row) for row in scaled]', 'over each row (the keys)'],
    'softmax-columns': ['    weights = transpose([softmax(column) for column in transpose(masked)])', '— BUG on purpose: over each column (the queries)'],
    weighted: ['    output = matmul(weights, values)'],
  });
  b.add('    return weights, output', '');
  b.add('def attention(x, wq, wk, wv, heads, wo=None):');
  b.add('    """Every head on its own columns of W_Q, W_K, W_V; outputs side by side, then W_O."""');
  b.add('    d_k, d_v = len(wq[0]) // heads, len(wv[0]) // heads');
  b.add('    all_weights, outputs = [], []');
  b.add('    for h in range(heads):');
  b.add('        w, o = one_head(x, columns(wq, h * d_k, (h + 1) * d_k), columns(wk, h * d_k, (h + 1) * d_k),');
  b.add('                        columns(wv, h * d_v, (h + 1) * d_v))');
  b.add('        all_weights.append(w)');
  b.add('        outputs.append(o)');
  b.add('    concat = [sum((o[i] for o in outputs), []) for i in range(len(x))]');
  b.add('    return all_weights, (concat if wo is None else matmul(concat, wo))', '');
  b.add('py_weights, py_output = attention(x, wq, wk, wv, heads, wo)');
  b.add("print('weights, head 1:')");
  b.add('for row in py_weights[0]:');
  b.add("    print('  ', [round(w, 4) for w in row])");
  return b;
}

/** The whole standalone program: inputs, implementation, the engine's numbers and the check. */
export function pythonProgram(p) {
  return new SourceLines().append(inputLines(p)).add('').append(pythonImplementation(p)).add('')
    .append(expectedLines(p)).add('').append(pythonCheck(p)).build();
}

export function pythonCheck(p) {
  return checkLines(p, 'Plain Python', 'py_weights', 'py_output');
}
