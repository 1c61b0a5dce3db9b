// live.js — the inputs of the quiz's computed questions and the engine calls that answer them.
// drawAttention(rng, …) draws a small attention problem (tokens, embeddings X, W_Q, W_K, W_V, d_k)
// that the learner has not seen in any scene; runAttention() runs it through engine.attention();
// table() shapes a matrix for display. Exact small numbers only (integers), so what the question
// shows is exactly what the engine computed from.

import { formatAnswer } from '../lib/format.js';

/** Three- and four-word phrases the variants borrow their token labels from. */
export const PHRASES = Object.freeze([
  ['dogs', 'chase', 'cats'], ['rain', 'soaks', 'fields'], ['she', 'reads', 'maps'],
  ['old', 'trains', 'rattle'], ['kids', 'build', 'forts'], ['bees', 'visit', 'roses'],
  ['the', 'river', 'floods'], ['we', 'sing', 'loudly'], ['cold', 'wind', 'blows'],
  ['birds', 'eat', 'seeds', 'daily'], ['my', 'sister', 'plays', 'chess'],
  ['the', 'bank', 'was', 'closed'], ['a', 'storm', 'hit', 'town'], ['fresh', 'bread', 'smells', 'good'],
]);

function matrix(rng, rows, cols, lo, hi) {
  return Array.from({ length: rows * cols }, () => rng.int(lo, hi));
}

const rank2 = (w, dModel, dK) => dModel !== 2 || dK < 2 || w[0] * w[dK + 1] - w[1] * w[dK] !== 0;

/**
 * A small attention problem: { tokens, n, dModel: 2, dK, dV: 2, x, wq, wk, wv }.
 * n: token count (3 or 4); dKs: the d_k values to draw from.
 */
export function drawAttention(rng, { n = 3, dKs = [1, 2, 3, 4] } = {}) {
  const phrases = PHRASES.filter((p) => p.length === n);
  const tokens = rng.pick(phrases).slice();
  const dModel = 2;
  const dK = rng.pick(dKs);
  let x;
  do { x = matrix(rng, n, dModel, -1, 2); } while (new Set(tokens.map((_, i) => `${x[2 * i]},${x[2 * i + 1]}`)).size < n);
  let wq;
  let wk;
  do { wq = matrix(rng, dModel, dK, -1, 1); } while (!rank2(wq, dModel, dK) || wq.every((v) => v === 0));
  do { wk = matrix(rng, dModel, dK, -1, 1); } while (!rank2(wk, dModel, dK) || wk.every((v) => v === 0));
  const wv = matrix(rng, dModel, 2, -1, 2);
  return { tokens, n, dModel, dK, dV: 2, x, wq, wk, wv };
}

function identityLike(rows, cols) {
  const m = new Array(rows * cols).fill(0);
  for (let i = 0; i < Math.min(rows, cols); i += 1) m[i * cols + i] = 1;
  return m;
}

/** One-head attention on a drawn problem. Returns the engine's head 0 (q, k, v, scores, …). */
export function runAttention(engine, p, { mask = 'none', scale = true, mistake = null } = {}) {
  if (!engine || typeof engine.attention !== 'function') {
    throw new Error('The lesson engine is not loaded, so this answer cannot be computed yet.');
  }
  const r = engine.attention({
    x: p.x, n: p.n, dModel: p.dModel, heads: 1, dK: p.dK, dV: p.dV,
    wq: p.wq, wk: p.wk, wv: p.wv, wo: identityLike(p.dV, p.dModel), mask, scale, mistake,
  });
  return r.heads[0];
}

/** A matrix shaped for display as a table (and as data for the xAPI and the test solvers). */
export function table(caption, values, rows, cols, rowLabels, colLabels) {
  return {
    caption, rows, cols, values: Array.from(values),
    rowLabels: rowLabels ? rowLabels.slice() : undefined,
    colLabels: colLabels ? colLabels.slice() : undefined,
  };
}

const dims = (d, prefix = 'dim ') => Array.from({ length: d }, (_, i) => `${prefix}${i + 1}`);

/** The tables a learner needs for scores: X, W_Q, W_K (and W_V when the output is asked). */
export function attentionTables(p, { values = false } = {}) {
  const out = [
    table('Embeddings X (one row per token)', p.x, p.n, p.dModel, p.tokens, dims(p.dModel)),
    table(`W_Q (${p.dModel} \u00D7 ${p.dK})`, p.wq, p.dModel, p.dK, dims(p.dModel, 'in '), dims(p.dK, 'out ')),
    table(`W_K (${p.dModel} \u00D7 ${p.dK})`, p.wk, p.dModel, p.dK, dims(p.dModel, 'in '), dims(p.dK, 'out ')),
  ];
  if (values) out.push(table(`W_V (${p.dModel} \u00D7 ${p.dV})`, p.wv, p.dModel, p.dV, dims(p.dModel, 'in '), dims(p.dV, 'out ')));
  return out;
}

/** Heatmap spec for an n × n matrix labelled with the tokens. */
export function grid(p, values, stage, extra) {
  return { values: Array.from(values), rows: p.n, cols: p.n, rowLabels: p.tokens.slice(), colLabels: p.tokens.slice(), stage, ...extra };
}

/** All cells of `row` whose value is within 1e-6 of that row's maximum (ties all count). */
export function rowMaxCells(values, cols, row, allowed = () => true) {
  let best = -Infinity;
  for (let c = 0; c < cols; c += 1) if (allowed(c)) best = Math.max(best, values[row * cols + c]);
  const cells = [];
  for (let c = 0; c < cols; c += 1) if (allowed(c) && Math.abs(values[row * cols + c] - best) <= 1e-6) cells.push({ row, col: c });
  return cells;
}

/** All cells within 1e-6 of the matrix maximum. */
export function matrixMaxCells(values, rows, cols) {
  let best = -Infinity;
  for (const v of values) best = Math.max(best, v);
  const cells = [];
  for (let i = 0; i < rows * cols; i += 1) if (Math.abs(values[i] - best) <= 1e-6) cells.push({ row: Math.floor(i / cols), col: i % cols });
  return cells;
}

/** Plain-text rendering of tables (for the xAPI name and for screen-reader summaries). */
export function describeTables(tables) {
  return tables.map((t) => {
    const rows = [];
    for (let r = 0; r < t.rows; r += 1) {
      const vals = t.values.slice(r * t.cols, (r + 1) * t.cols).map(formatAnswer);
      rows.push(`${t.rowLabels ? `${t.rowLabels[r]}: ` : ''}[${vals.join(', ')}]`);
    }
    return `${t.caption}: ${rows.join('; ')}`;
  }).join('. ');
}
