// live.js — turns a scene's current inputs into engine calls for the quiz's live questions
// (answers computed at question time, so they change when the learner edits the scene).
// Only the worked-example scene's input shape is relied on:
//   { tokens: string[n], x: n×dModel, wq: dModel×dK, wk: dModel×dK, wv: dModel×dV } (row-major).
// Missing or inconsistent inputs fall back to the worked example's defaults, and say so.

export const WORKED_EXAMPLE_DEFAULTS = Object.freeze({
  tokens: Object.freeze(['love', 'Apple', 'phones']),
  x: Object.freeze([1, 0, 1, 1, 0, 2]),
  wq: Object.freeze([1, 0, 0, 1]),
  wk: Object.freeze([1, 1, 0, 1]),
  wv: Object.freeze([1, 0, 0, 1]),
});

const isNumList = (a) => (Array.isArray(a) || ArrayBuffer.isView(a)) && a.length > 0
  && Array.prototype.every.call(a, (v) => typeof v === 'number' && Number.isFinite(v));

function shapeOf(src) {
  const tokens = src.tokens;
  if (!Array.isArray(tokens) || tokens.length === 0 || !tokens.every((t) => typeof t === 'string')) return null;
  if (![src.x, src.wq, src.wk, src.wv].every(isNumList)) return null;
  const n = tokens.length;
  const dModel = src.x.length / n;
  if (!Number.isInteger(dModel) || dModel < 1) return null;
  const dK = src.wq.length / dModel;
  const dV = src.wv.length / dModel;
  if (!Number.isInteger(dK) || dK < 1 || src.wk.length !== src.wq.length) return null;
  if (!Number.isInteger(dV) || dV < 1) return null;
  return {
    tokens: tokens.slice(), x: Array.from(src.x), wq: Array.from(src.wq), wk: Array.from(src.wk),
    wv: Array.from(src.wv), n, dModel, dK, dV,
  };
}

/** Merge what the scene reports over the defaults and check the shapes fit together. */
export function normaliseInputs(sceneInputs) {
  const merged = { ...WORKED_EXAMPLE_DEFAULTS, ...(sceneInputs && typeof sceneInputs === 'object' ? sceneInputs : {}) };
  const shaped = shapeOf(merged);
  if (shaped) return { ...shaped, usedDefaults: false };
  return { ...shapeOf(WORKED_EXAMPLE_DEFAULTS), usedDefaults: true };
}

function identityLike(rows, cols) {
  const m = new Array(rows * cols).fill(0);
  for (let i = 0; i < Math.min(rows, cols); i += 1) m[i * cols + i] = 1;
  return m;
}

/** One-head attention on the scene's inputs. Returns { head, inp } (head = r.heads[0]). */
export function runAttention(engine, sceneInputs, { mask = 'none', scale = true, mistake = null } = {}) {
  if (!engine || typeof engine.attention !== 'function') {
    throw new Error('The lesson engine is not loaded, so this answer cannot be computed yet.');
  }
  const inp = normaliseInputs(sceneInputs);
  const r = engine.attention({
    x: inp.x, n: inp.n, dModel: inp.dModel, heads: 1, dK: inp.dK, dV: inp.dV,
    wq: inp.wq, wk: inp.wk, wv: inp.wv, wo: identityLike(inp.dV, inp.dModel),
    mask, scale, mistake,
  });
  return { head: r.heads[0], inp };
}

/** Row index of a token by name (case-sensitive first, then case-insensitive), else fallback. */
export function tokenIndex(inp, name, fallback) {
  let i = inp.tokens.indexOf(name);
  if (i < 0) i = inp.tokens.findIndex((t) => t.toLowerCase() === name.toLowerCase());
  if (i < 0) i = Math.max(0, Math.min(inp.n - 1, fallback < 0 ? inp.n + fallback : fallback));
  return i;
}

/** All cells of `row` whose value is within 1e-6 of the row maximum (ties all count). */
export function rowMaxCells(values, cols, row) {
  let best = -Infinity;
  for (let c = 0; c < cols; c += 1) best = Math.max(best, values[row * cols + c]);
  const cells = [];
  for (let c = 0; c < cols; c += 1) if (Math.abs(values[row * cols + c] - best) <= 1e-6) cells.push({ row, col: c });
  return cells;
}

function fmt(v) {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
}

function matrixText(values, rows, cols) {
  const out = [];
  for (let r = 0; r < rows; r += 1) out.push(`[${Array.from(values.slice(r * cols, r * cols + cols), fmt).join(', ')}]`);
  return `[${out.join(', ')}]`;
}

/** A sentence listing the inputs a live answer was computed from. */
export function describeInputs(sceneInputs) {
  const inp = normaliseInputs(sceneInputs);
  const parts = [
    `tokens ${inp.tokens.join(', ')}`,
    `X = ${matrixText(inp.x, inp.n, inp.dModel)}`,
    `W_Q = ${matrixText(inp.wq, inp.dModel, inp.dK)}`,
    `W_K = ${matrixText(inp.wk, inp.dModel, inp.dK)}`,
    `W_V = ${matrixText(inp.wv, inp.dModel, inp.dV)}`,
  ];
  const lead = inp.usedDefaults ? 'Computed from the default inputs (the scene reported none that fit)' : 'Computed from the scene\u2019s current inputs';
  return `${lead}: ${parts.join('; ')}.`;
}
