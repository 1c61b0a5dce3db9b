// The exercise's grader: given what the learner's attention(x, wq, wk, wv, causal) returned on
// each trial (exercise-trials.js), decide pass or fail and, on a fail, name the bug. The names come
// from comparing the learner's numbers with the engine run in its mistake modes: softmax over the
// queries, mask after the softmax, no √d_k, and masks of the wrong shape (the causal mask
// transposed; one query's mask row used for every query; no mask at all). Pure JS; the caller
// passes the engine. No DOM.
import { flat } from './exercise-trials.js';
import { FILL_IN } from './fill-in.js';
import { formatNumber } from '../lib/format.js';

export const TOLERANCE = 1e-4; // learner float64 against engine float32, relative to max(1, |value|)

const fmt = (v) => formatNumber(v, 2);

// The ways a solution can be wrong that the grader recognises. `options(trial)` gives the engine
// options for that bug on that trial; `reversed` runs the engine on the tokens in reverse order
// (which turns the causal mask into its transpose).
const MASK_VARIANTS = {
  right: { options: (t) => ({ mask: t.causal ? 'causal' : 'none' }) },
  missing: { bug: 'mask-missing', options: () => ({ mask: 'none' }), onlyCausal: true },
  always: { bug: 'mask-ignores-flag', options: () => ({ mask: 'causal' }), onlyPlain: true },
  transposed: { bug: 'mask-wrong-shape', shape: 'transposed', options: () => ({ mask: 'causal' }), reversed: true, onlyCausal: true },
  firstRow: { bug: 'mask-wrong-shape', shape: 'first-row', options: () => ({ mask: { validKeys: 1 } }), onlyCausal: true },
};
const SOFTMAX_VARIANTS = {
  right: {},
  queries: { bug: 'softmax-over-queries', options: { mistake: 'softmax-over-queries' } },
  after: { bug: 'mask-after-softmax', options: { mistake: 'mask-after-softmax' }, onlyCausal: true },
};
const SCALE_VARIANTS = { right: {}, none: { bug: 'no-scale', options: { scale: false } } };

/** Every combination the grader compares with: [{ key, bugs: [...], shape, run(trial) → options }]. */
function hypotheses() {
  const out = [];
  for (const [mk, m] of Object.entries(MASK_VARIANTS)) {
    for (const [sk, s] of Object.entries(SOFTMAX_VARIANTS)) {
      for (const [ck, c] of Object.entries(SCALE_VARIANTS)) {
        if (sk === 'after' && mk !== 'right') continue; // masking after the softmax with a wrong mask: too many to name
        const bugs = [m.bug, s.bug, c.bug].filter(Boolean);
        out.push({ key: `${mk}/${sk}/${ck}`, bugs, shape: m.shape ?? null, mask: m, softmax: s, scale: c });
      }
    }
  }
  return out;
}
const HYPOTHESES = hypotheses();

// The engine's answer for one hypothesis on one trial: { weights (n×n), output (n×d) } row-major.
function engineRun(engine, trial, h) {
  const { n, d } = trial;
  let x = flat(trial.x);
  if (h.mask.reversed) x = reverseRows(x, n, d);
  const r = engine.attention({
    x, n, dModel: d, dK: d, dV: d, wq: flat(trial.wq), wk: flat(trial.wk), wv: flat(trial.wv),
    ...h.mask.options(trial), ...(h.softmax.options ?? {}), ...(h.scale.options ?? {}),
  });
  let weights = r.heads[0].weights, output = r.output;
  if (h.mask.reversed) {
    output = reverseRows(output, n, d);
    weights = reverseRows(reverseCols(weights, n, n), n, n);
  }
  return { weights, output };
}

function reverseRows(values, rows, cols) {
  const out = new Float32Array(values.length);
  for (let i = 0; i < rows; i++) out.set(values.subarray ? values.subarray((rows - 1 - i) * cols, (rows - i) * cols) : values.slice((rows - 1 - i) * cols, (rows - i) * cols), i * cols);
  return out;
}

function reverseCols(values, rows, cols) {
  const out = new Float32Array(values.length);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[i * cols + j] = values[i * cols + cols - 1 - j];
  return out;
}

// Largest |a - b| / max(1, |b|), with the place it happens.
function difference(got, want, cols) {
  let worst = { value: 0, row: 0, col: 0 };
  for (let k = 0; k < want.length; k++) {
    const a = got[k], b = want[k];
    const v = Number.isFinite(a) ? Math.abs(a - b) / Math.max(1, Math.abs(b)) : Infinity;
    if (v > worst.value) worst = { value: v, row: Math.floor(k / cols), col: k % cols };
  }
  return worst;
}

/**
 * Checks what one call returned: an n × d array of rows, or { output, weights } with weights n × n.
 * → { output: Float64Array, weights: Float64Array | null } or { error: sentence }.
 */
export function readAnswer(value, n, d) {
  let output = value, weights = null;
  if (value && !Array.isArray(value) && typeof value === 'object' && 'output' in value) {
    output = value.output;
    weights = value.weights ?? null;
  }
  const grid = (m, rows, cols, what) => {
    if (!Array.isArray(m)) return { error: `${what} should be an array of ${rows} rows, but it is ${describe(m)}.` };
    if (m.length !== rows) return { error: `${what} has ${m.length === 1 ? '1 row' : `${m.length} rows`}; it should have ${rows} (one per token).` };
    const out = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) {
      const row = m[i];
      if (!Array.isArray(row) && !ArrayBuffer.isView(row)) return { error: `Row ${i} of ${what} is ${describe(row)}, not an array of ${cols} numbers.` };
      if (row.length !== cols) return { error: `Row ${i} of ${what} has ${row.length} numbers; it should have ${cols}.` };
      for (let j = 0; j < cols; j++) {
        const v = row[j];
        if (typeof v !== 'number') return { error: `${what}[${i}][${j}] is ${describe(v)}, not a number.` };
        if (Number.isNaN(v)) return { error: `Entry [${i}][${j}] of ${what.replace(/^The /, 'the ')} is NaN: somewhere a 0/0 or ∞ − ∞ happened (a row whose scores are all −∞, perhaps).`, nan: true };
        out[i * cols + j] = v;
      }
    }
    return { values: out };
  };
  const o = grid(output, n, d, 'The output');
  if (o.error) return o;
  let w = null;
  if (weights !== null) {
    const r = grid(weights, n, n, 'The weights');
    if (r.error) return r;
    w = r.values;
  }
  return { output: o.values, weights: w };
}

function describe(v) {
  if (v === undefined) return 'undefined (did the function return anything?)';
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === 'object') return 'an object';
  return `the ${typeof v} ${String(v).slice(0, 20)}`;
}

/**
 * grade(engine, trials, answers) → { pass, bugs: [ids], headline, details: [sentences], worst }
 * answers[i]: what attention() returned for trials[i] (already copied out of the worker).
 */
export function grade(engine, trials, answers) {
  const read = [];
  for (const [i, t] of trials.entries()) {
    const a = readAnswer(answers[i], t.n, t.d);
    if (a.error) return { pass: false, bugs: ['bad-return'], headline: a.nan ? 'The function returned NaN (not a number) in its result.' : 'The function returned something of the wrong shape.', details: [`On the input with n = ${t.n}, d = ${t.d}: ${a.error}`, 'Return { output, weights }: output has one row of d numbers per token, weights one row of n numbers per token.'] };
    read.push(a);
  }
  // Which hypotheses fit every trial? (The learner's weights, when returned, must fit as well.)
  const fits = HYPOTHESES.filter((h) => trials.every((t, i) => {
    if ((h.mask.onlyPlain && t.causal) || (h.mask.onlyCausal && !t.causal)) {
      // This mask bug only shows on some trials; on the others the right mask is expected.
      return matches(engine, t, { ...h, mask: MASK_VARIANTS.right }, read[i]);
    }
    if (h.softmax.onlyCausal && !t.causal) return matches(engine, t, { ...h, softmax: SOFTMAX_VARIANTS.right }, read[i]);
    return matches(engine, t, h, read[i]);
  }));
  // Hypotheses that behave the same on every trial: keep the one with the fewest bugs.
  fits.sort((a, b) => a.bugs.length - b.bugs.length);
  const best = fits[0] ?? null;
  const correct = HYPOTHESES[0];
  const worst = worstDifference(engine, trials, read, correct);
  if (best && best.bugs.length === 0) {
    return { pass: true, bugs: [], headline: `Pass: on all ${trials.length} random inputs your attention matches the engine's.`, details: [`Largest difference ${worst.value.toExponential(1)} (allowed: ${TOLERANCE}). Every row of weights sums to 1${trials.some((t) => t.causal) ? ', and with causal = true nothing above the diagonal gets weight' : ''}.`], worst };
  }
  const evidence = sums(read, trials);
  if (best) return { pass: false, bugs: best.bugs, shape: best.shape, headline: headlineFor(best), details: best.bugs.map((b) => explain(b, best.shape, evidence, trials)), worst };
  return { pass: false, bugs: [], headline: 'Not yet, and it is none of the usual bugs.', details: unknownDetails(worst, evidence, trials), worst };
}

const cache = new WeakMap();
function matches(engine, trial, h, answer) {
  let perTrial = cache.get(trial);
  if (!perTrial) cache.set(trial, perTrial = new Map());
  const key = `${h.mask === MASK_VARIANTS.right ? 'right' : h.key.split('/')[0]}|${h.softmax.bug ?? ''}|${h.scale.bug ?? ''}`;
  if (!perTrial.has(key)) perTrial.set(key, engineRun(engine, trial, h));
  const want = perTrial.get(key);
  if (difference(answer.output, want.output, trial.d).value > TOLERANCE) return false;
  return !answer.weights || difference(answer.weights, want.weights, trial.n).value <= TOLERANCE;
}

function worstDifference(engine, trials, read, h) {
  let worst = { value: 0, row: 0, col: 0, trial: 0 };
  trials.forEach((t, i) => {
    const want = engineRun(engine, t, h);
    const d = difference(read[i].output, want.output, t.d);
    if (d.value > worst.value) worst = { ...d, trial: i };
  });
  return worst;
}

// Row sums, column sums and weight above the diagonal of the learner's weights, per trial (or null).
function sums(read, trials) {
  return read.map((a, k) => {
    if (!a.weights) return null;
    const n = trials[k].n, w = a.weights;
    const rows = [], cols = new Array(n).fill(0);
    let future = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) { s += w[i * n + j]; cols[j] += w[i * n + j]; if (j > i) future += w[i * n + j]; }
      rows.push(s);
    }
    return { rows, cols, future };
  });
}

function headlineFor(h) {
  const names = {
    'softmax-over-queries': 'the softmax run over the wrong axis',
    'mask-after-softmax': 'the mask applied after the softmax',
    'no-scale': 'the scores not divided by √d_k',
    'mask-wrong-shape': 'a mask of the wrong shape',
    'mask-missing': 'a missing causal mask',
    'mask-ignores-flag': 'the causal flag being ignored',
  };
  return `Not yet: this matches ${h.bugs.map((b) => names[b]).join(' together with ')}.`;
}

function firstCausal(evidence, trials) {
  const k = trials.findIndex((t, i) => t.causal && evidence[i]);
  return k < 0 ? null : { k, e: evidence[k], t: trials[k] };
}

function explain(bug, shape, evidence, trials) {
  const any = evidence.findIndex(Boolean);
  const e = any >= 0 ? evidence[any] : null;
  const c = firstCausal(evidence, trials);
  switch (bug) {
    case 'softmax-over-queries': {
      const offRow = e ? e.rows.reduce((b, s, i) => (Math.abs(s - 1) > Math.abs(e.rows[b] - 1) ? i : b), 0) : 0;
      const facts = e ? ` (on the input with n = ${trials[any].n}, row ${offRow} sums to ${fmt(e.rows[offRow])} while every column sums to ${fmt(e.cols[0])})` : '';
      return `Your rows do not sum to 1 but your columns do${facts}: you normalised over the queries. Each query's row must share one unit of attention among the keys, so the softmax runs along each row — over j, for a fixed i.`;
    }
    case 'mask-after-softmax': {
      const facts = c ? ` — with n = ${c.t.n}, row 0 sums to ${fmt(c.e.rows[0])} instead of 1` : '';
      return `This matches masking after the softmax: the hidden weights are 0, but the visible ones were normalised with the hidden scores still in the total, so the rows no longer sum to 1${facts}. Set the hidden scores to −Infinity before the softmax instead; exp(−∞) = 0 then drops them from the total.`;
    }
    case 'no-scale':
      return 'This matches the missing √d_k: the scores were not divided by Math.sqrt(d_k) before the softmax (d_k is the width of a query, wq[0].length). Without it the weights come out too sharp, more so the wider d_k is.';
    case 'mask-wrong-shape':
      if (shape === 'transposed') return 'The mask has the wrong shape: it is the causal mask transposed. Query i may see keys j ≤ i (the diagonal and to its left), but yours hides the earlier keys and shows the later ones — check the comparison between the row index (the query) and the column index (the key).';
      return 'The mask has the wrong shape: every query is masked with the same row — query 0\'s — so every token sees only the first one. That is what happens when a mask meant for one row is applied to all of them. The causal mask has its own row for each query i: key j is hidden when j > i.';
    case 'mask-missing': {
      const facts = c ? ` (with n = ${c.t.n}, ${fmt(c.e.future)} of weight in total sits above the diagonal)` : '';
      return `With causal = true, later tokens still get weight${facts}: the mask is never applied. Hide key j from query i when j > i by setting that score to −Infinity before the softmax.`;
    }
    case 'mask-ignores-flag':
      return 'With causal = false nothing should be hidden, but your function hides the later tokens anyway: apply the mask only when causal is true.';
    default:
      return '';
  }
}

function unknownDetails(worst, evidence, trials) {
  const t = trials[worst.trial];
  const out = [`The largest difference from the engine is ${fmt(worst.value)} in output row ${worst.row}, column ${worst.col}, on the input with n = ${t.n}, d = ${t.d}, causal = ${t.causal}.`];
  const e = evidence[worst.trial];
  if (e) {
    const rowsOk = e.rows.every((s) => Math.abs(s - 1) < 1e-3);
    out.push(rowsOk ? 'Your weights\' rows do sum to 1, so look at the scores and the weighted sum: queries x·wq, keys x·wk and values x·wv, then scores = queries·keysᵀ and output = weights·values.'
      : `Your weights' rows do not all sum to 1 (row sums: ${e.rows.map(fmt).join(', ')}): look at the softmax.`);
    if (t.causal && e.future > 1e-3) out.push(`With causal = true, ${fmt(e.future)} of weight sits above the diagonal.`);
  } else {
    out.push('Return { output, weights } to get hints from your weights as well.');
  }
  return out;
}

// ---- the fill-in version (no code is run: the learner picks each part, the engine computes) ----

/** The hypothesis a set of fill-in choices describes, or { error } for a mix the engine cannot run. */
function hypothesisFor(choice) {
  const mask = { future: 'right', past: 'transposed', first: 'firstRow' }[choice.maskShape];
  const softmax = choice.maskPlace === 'after' ? 'after' : choice.axis === 'queries' ? 'queries' : 'right';
  if (choice.maskPlace === 'after' && choice.axis === 'queries') return { error: 'The engine shows one softmax bug at a time: choose either the column softmax or the mask after the softmax, not both.' };
  const key = `${mask}/${softmax}/${choice.scale === 'none' ? 'none' : 'right'}`;
  const h = HYPOTHESES.find((x) => x.key === key);
  return h ? { h } : { error: 'The engine shows a mask of the wrong shape only with the mask before the softmax: change one of the two.' };
}

/** What the chosen version computes on every trial, as answers grade() reads → { answers } or { error }. */
export function fillInAnswers(engine, trials, choice) {
  const open = FILL_IN.filter((q) => !q.choices.some((c) => c.id === choice?.[q.id]));
  if (open.length) return { error: `Choose an answer for every question first (${open.length} still open: ${open.map((q) => `“${q.question}”`).join(' ')}).` };
  const { h, error } = hypothesisFor(choice);
  if (error) return { error };
  const rows = (values, n, cols) => Array.from({ length: n }, (_, i) => Array.from(values.subarray(i * cols, (i + 1) * cols)));
  return {
    answers: trials.map((t) => {
      const run = engineRun(engine, t, { ...h, mask: h.mask.onlyCausal && !t.causal ? MASK_VARIANTS.right : h.mask });
      return { output: rows(run.output, t.n, t.d), weights: rows(run.weights, t.n, t.n) };
    }),
  };
}
