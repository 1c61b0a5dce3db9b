// The parts every generated program shares: the inputs as Python lists (what the scene was given)
// and the engine's results as Python lists (what the page computed), plus the one comparison
// helper the checks use. Each language's program starts from these.

import { matrixLines, stringLiteral } from './py-literal.js';
import { maskSentence } from './problem.js';
import { SourceLines } from './source-lines.js';

/** Python lines defining x, wq, wk, wv (and wo), heads and the mask settings. */
export function inputLines(p) {
  const b = new SourceLines();
  b.add(`# ${p.title}: the page's current inputs.`);
  if (p.tokens) b.add(`tokens = [${p.tokens.map(stringLiteral).join(', ')}]`);
  b.add(`# x: ${p.n} tokens × d_model ${p.dModel}, one row per token`);
  b.add(matrixLines('x', p.x, p.n, p.dModel));
  const w = p.heads * p.dK, wvCols = p.heads * p.dV;
  const headNote = p.heads > 1 ? `; head h uses columns h·${p.dK} … h·${p.dK} + ${p.dK - 1}` : '';
  b.add(`# W_Q and W_K: d_model ${p.dModel} × ${w}${headNote}`);
  b.add(matrixLines('wq', p.wq, p.dModel, w));
  b.add(matrixLines('wk', p.wk, p.dModel, w));
  b.add(`# W_V: d_model ${p.dModel} × ${wvCols}`);
  b.add(matrixLines('wv', p.wv, p.dModel, wvCols));
  if (p.wo) {
    b.add(`# W_O: ${wvCols} × d_model ${p.dModel}, mixes the heads' outputs back to d_model`);
    b.add(matrixLines('wo', p.wo, wvCols, p.dModel));
  } else {
    b.add('wo = None  # no output projection: the output is the heads\' outputs side by side');
  }
  b.add(`heads = ${p.heads}`);
  b.add(`# ${maskSentence(p)}`);
  b.add(`mask = ${p.mask === 'none' ? "'none'" : p.mask === 'causal' ? "'causal'" : "'padding'"}`);
  b.add(`valid_keys = ${typeof p.mask === 'object' ? p.mask.validKeys : 'None'}`);
  return b;
}

/** Python lines defining expected_weights (one n × n list per head) and expected_output. */
export function expectedLines(p) {
  const b = new SourceLines();
  b.add("# What the page's engine (C++ compiled to WebAssembly, float32) computed for these inputs.");
  b.add('expected_weights = []');
  p.expected.weights.forEach((wts, h) => {
    b.add(matrixLines(`expected_weights_head_${h + 1}`, wts, p.n, p.n));
    b.add(`expected_weights.append(expected_weights_head_${h + 1})`);
  });
  b.add(matrixLines('expected_output', p.expected.output, p.n, p.outCols));
  b.add('');
  b.add('def largest_difference(got, want):');
  b.add('    """The largest |got - want| / max(1, |want|) over two equal-shaped nested lists or arrays."""');
  b.add('    got, want = [list(map(float, r)) for r in got], [list(map(float, r)) for r in want]');
  b.add('    assert len(got) == len(want) and all(len(a) == len(b) for a, b in zip(got, want)), "shapes differ"');
  b.add('    return max(abs(a - b) / max(1.0, abs(b)) for ra, rb in zip(got, want) for a, b in zip(ra, rb))');
  b.add('');
  b.add('TOLERANCE = 1e-5  # float32 (page) against float64 (here)');
  return b;
}

/** Python lines checking `weightsName` (a list per head) and `outputName` against the engine. */
export function checkLines(p, label, weightsName, outputName) {
  const b = new SourceLines();
  b.add(`# Check: does ${label} reproduce the page's numbers?`);
  b.add(`${label.toLowerCase().replace(/[^a-z]+/g, '_')}_difference = max(`);
  b.add(`    max(largest_difference(w, e) for w, e in zip(${weightsName}, expected_weights)),`);
  b.add(`    largest_difference(${outputName}, expected_output),`);
  b.add(')');
  const v = `${label.toLowerCase().replace(/[^a-z]+/g, '_')}_difference`;
  b.add(`print('${label}: largest difference from the page =', ${v})`);
  b.add(`assert ${v} <= TOLERANCE, '${label} does not match the page: see the difference above'`);
  return b;
}
