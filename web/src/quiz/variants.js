// variants.js — turns a question of the bank (a template) into the concrete question one attempt
// shows: its own inputs drawn from a per-attempt seed, its options in a seeded order, and its
// answer computed by the engine at question time. Pure: no DOM, no storage. The quiz stores the
// seed with the answer (storage.js record) so a reload shows the same variant; a retry and the
// final review draw a new seed, so they get new numbers.
//
// A template may declare:
//   variant(rng) → params            the inputs of one variant (plain data, exact small numbers)
//   measure(engine, params) → object numbers the engine measures for the wording (merged in)
//   prompt: string                    the question in general words (for reports; the template's)
//   ask(params) → string              the question with the variant's numbers (the instance's prompt)
//   inputs(params) → [{ caption, rows, cols, values, rowLabels?, colLabels? }]  tables shown
//   options: [{ id, text, explain }]   (choice; text and explain may be (params) → string, the
//                                       ids and their order are fixed data)
//   compute(engine, params) → answer  (numeric value, option id, or a heatmap spec for cells)
// Without variant() a template is used as written (options and ordering items still shuffled).
import { fnv1a, mulberry32 } from '../lib/seeded.js';

const TRIES = 60;

/** A fresh seed: 32-bit, never 0. */
export function newSeed(random = Math.random) {
  return (Math.floor(random() * 0xfffffffe) + 1) >>> 0;
}

/** mulberry32 with helpers: next() in [0, 1), int(lo, hi) inclusive, pick(list), shuffle(list). */
export function createRng(seed) {
  const next = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const shuffle = (list) => {
    const a = list.slice();
    for (let i = a.length - 1; i > 0; i -= 1) { const j = Math.floor(next() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; }
    return a;
  };
  return { next, int, pick, shuffle };
}

const NUMBER_RE = /[-\u2212]?\d+(?:[.,]\d+)?/g;

/** Every number a learner can read in a question: prompt, input tables, options. */
export function visibleNumbers(q) {
  const out = [];
  const scan = (text) => { for (const m of String(text).matchAll(NUMBER_RE)) out.push(Number(m[0].replace('\u2212', '-').replace(',', '.'))); };
  scan(q.prompt);
  for (const t of q.inputs || []) { scan(t.caption || ''); for (const v of t.values) out.push(v); }
  for (const o of q.options || []) scan(o.text);
  return out.filter(Number.isFinite);
}

/** All cells holding the largest value shown (what a learner picking the brightest cell picks). */
export function brightestCells(spec) {
  let best = -Infinity;
  for (const v of spec.values) if (Number.isFinite(v)) best = Math.max(best, v);
  const cells = [];
  spec.values.forEach((v, i) => { if (Math.abs(v - best) <= 1e-6) cells.push({ row: Math.floor(i / spec.cols), col: i % spec.cols }); });
  return cells;
}

// Display order of an ordering question: a seeded shuffle in which at most half of the item pairs
// are already in the right relative order, so leaving the list as shown earns little credit.
function shuffledItems(rng, items, correctOrder, commutes) {
  const pairsRight = (list) => {
    const pos = new Map(list.map((it, i) => [it.id, i]));
    let right = 0;
    let pairs = 0;
    for (let i = 0; i < correctOrder.length; i += 1) for (let j = i + 1; j < correctOrder.length; j += 1) {
      pairs += 1;
      const free = commutes.some((g) => g.includes(correctOrder[i]) && g.includes(correctOrder[j]));
      if (free || pos.get(correctOrder[i]) < pos.get(correctOrder[j])) right += 1;
    }
    return right / pairs;
  };
  let list = items;
  for (let t = 0; t < TRIES; t += 1) {
    list = rng.shuffle(items);
    if (pairsRight(list) <= 0.5) return list;
  }
  return list;
}

// A variant is rejected when a learner could get it right without the idea: a numeric answer
// equal (within tolerance) to a number on screen, or a cell answer at the brightest cell.
function giveaway(q, engine) {
  if (!engine) return false;
  if (q.kind === 'numeric') {
    const v = q.compute(engine);
    const tol = Math.max(q.tolerance || 0, 1e-9);
    return !Number.isFinite(v) || visibleNumbers(q).some((n) => Math.abs(n - v) <= tol);
  }
  if (q.kind === 'cell') {
    const spec = q.compute(engine);
    const accept = spec.accept || [spec.answer];
    return brightestCells(spec).some((b) => accept.some((a) => a.row === b.row && a.col === b.col));
  }
  return false;
}

/**
 * instantiate(template, seed, { engine, orderKey }) → the question one attempt shows.
 * The result keeps the template's id, stepId and kind, adds `variant` (the seed) and `inputs`,
 * and binds compute(engine) to the drawn params. orderKey: the decoded key of an ordering
 * question (for its display shuffle).
 */
export function instantiate(template, seed, { engine = null, orderKey = null } = {}) {
  const rng = createRng((seed ^ fnv1a(template.id)) >>> 0 || 1);
  let q = null;
  for (let t = 0; t < TRIES; t += 1) {
    const params = template.variant ? template.variant(rng) : {};
    if (template.measure && engine) Object.assign(params, template.measure(engine, params));
    if (template.reject && engine && t < TRIES - 1) {
      try { if (template.reject(engine, params)) continue; } catch { /* checked again at answer time */ }
    }
    q = realise(template, params, seed, rng, orderKey);
    if (!template.variant || !q.compute) break;
    try {
      if (!giveaway(q, engine)) break;
    } catch {
      break; // the engine refused these inputs; the check at answer time will say so
    }
  }
  return q;
}

function realise(template, params, seed, rng, orderKey) {
  const at = (field) => (typeof template[field] === 'function' ? template[field](params) : template[field]);
  const q = {
    ...template,
    variant: seed,
    params,
    generalPrompt: template.prompt, // the same for every variant: the question's name in reports
    prompt: typeof template.ask === 'function' ? template.ask(params) : template.prompt,
    solution: at('solution'),
    inputs: template.inputs ? template.inputs(params) : [],
  };
  delete q.measure;
  delete q.ask;
  if (template.kind === 'choice') {
    const word = (v) => (typeof v === 'function' ? v(params) : v);
    q.options = rng.shuffle(template.options.map((o) => ({ ...o, text: word(o.text), explain: word(o.explain) })));
  }
  if (template.kind === 'order' && orderKey) q.items = shuffledItems(rng, template.items, orderKey, template.commutes || []);
  if (typeof template.compute === 'function') q.compute = (engine) => template.compute(engine, params);
  if (typeof template.explainAnswer === 'function') q.explainAnswer = (engine) => template.explainAnswer(engine, params);
  return q;
}
