// quiz-bank.test.js — the question bank as data: size, kinds, predict questions, valid step ids,
// options with explanations, decodable keys, no plain answers in the source text, and no run of
// 9 words shared with the lesson sources (same rule as the project's copy checker), checked on
// the bank's files and on the wording of many drawn variants.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { QUESTIONS, STEP_IDS, STEP_TITLES, INTERACTION_TYPES } from '../../web/src/quiz/questions.js';
import { answerOf } from '../../web/src/quiz/answer-key.js';
import { instanceOf } from './quiz-solvers.js';
import { referenceEngine } from './quiz-reference-engine.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const quizDir = path.join(repoRoot, 'web/src/quiz');
const sourcesDir = path.resolve(repoRoot, '../shared/lesson-sources');
const bankSource = readdirSync(quizDir).filter((f) => f === 'questions.js' || f.startsWith('bank-'))
  .map((f) => readFileSync(path.join(quizDir, f), 'utf8')).join('\n');

const EXPECTED_STEPS = ['why-attention', 'contextual-meaning', 'dot-product', 'softmax', 'first-version', 'qkv',
  'worked-example', 'matrix-form', 'scaling', 'sentence', 'causal-mask', 'positions', 'multi-head',
  'mistake-lab', 'cost', 'summary', 'watch-learning', 'which-apple-learned', 'one-layer-limit',
  'two-layers', 'causal-learning'];

test('at least 40 questions with unique ids, all four kinds, at least 3 predict-first', () => {
  assert.ok(QUESTIONS.length >= 40, `${QUESTIONS.length} questions`);
  assert.equal(new Set(QUESTIONS.map((q) => q.id)).size, QUESTIONS.length, 'ids are unique');
  for (const q of QUESTIONS) assert.match(q.id, /^[a-z0-9-]+$/, q.id);
  const kinds = new Set(QUESTIONS.map((q) => q.kind));
  assert.deepEqual([...kinds].sort(), ['cell', 'choice', 'numeric', 'order']);
  const predicts = QUESTIONS.filter((q) => q.predict);
  assert.ok(predicts.length >= 3);
  for (const step of ['softmax', 'scaling', 'causal-mask']) {
    assert.ok(predicts.some((q) => q.stepId === step), `a predict question at ${step}`);
  }
  assert.ok(QUESTIONS.filter((q) => typeof q.compute === 'function').length >= 15, 'many computed questions');
  assert.ok(QUESTIONS.filter((q) => typeof q.variant === 'function').length >= 18, 'many variant questions');
});

test('step ids are the lesson\u2019s, and every step has a question', () => {
  assert.deepEqual([...STEP_IDS], EXPECTED_STEPS);
  for (const q of QUESTIONS) assert.ok(STEP_IDS.includes(q.stepId), `${q.id}: unknown step ${q.stepId}`);
  for (const s of STEP_IDS) {
    assert.ok(QUESTIONS.some((q) => q.stepId === s), `no question at step ${s}`);
    assert.equal(typeof STEP_TITLES[s], 'string');
  }
  for (const q of QUESTIONS) if (q.scene) assert.ok(STEP_IDS.includes(q.scene), `${q.id}: unknown scene ${q.scene}`);
  for (const k of ['choice', 'numeric', 'cell', 'order']) assert.ok(INTERACTION_TYPES[k]);
});

test('every question is well formed for its kind', () => {
  for (const q of QUESTIONS.map((t) => instanceOf(t, 4242, referenceEngine))) {
    assert.equal(typeof q.prompt, 'string');
    assert.ok(q.prompt.length > 15, `${q.id}: prompt`);
    if (q.kind === 'choice') {
      assert.ok(q.options.length >= 3, `${q.id}: options`);
      assert.equal(new Set(q.options.map((o) => o.id)).size, q.options.length, `${q.id}: option ids unique`);
      for (const o of q.options) {
        assert.ok(typeof o.text === 'string' && o.text.length > 0, `${q.id}/${o.id}: text`);
        assert.ok(typeof o.explain === 'string' && o.explain.length > 20, `${q.id}/${o.id}: every option explains itself`);
      }
      assert.ok(q.options.some((o) => o.id === answerOf(q)), `${q.id}: key decodes to an option`);
    } else if (q.kind === 'numeric') {
      assert.ok(typeof q.tolerance === 'number' && q.tolerance >= 0, `${q.id}: tolerance`);
      if (q.compute) assert.equal(typeof q.compute, 'function');
      else assert.ok(Number.isFinite(answerOf(q)), `${q.id}: key decodes to a number`);
      assert.ok(typeof q.solution === 'function' || (typeof q.solution === 'string' && q.solution.length > 20), `${q.id}: solution`);
    } else if (q.kind === 'cell') {
      assert.equal(typeof q.compute, 'function', `${q.id}: cell answers are live`);
      assert.ok(q.heatmapLabel, `${q.id}: heatmap label`);
    } else if (q.kind === 'order') {
      const key = answerOf(q);
      assert.ok(q.items.length >= 4);
      assert.deepEqual([...key].sort(), q.items.map((i) => i.id).sort(), `${q.id}: key is a permutation of the items`);
      assert.notDeepEqual(q.items.map((i) => i.id), key, `${q.id}: items are not shown already in order`);
    } else {
      assert.fail(`${q.id}: unknown kind ${q.kind}`);
    }
  }
});

test('templates stay readable as data for reports (xAPI, SCORM): a prompt in words, fixed option and item ids', () => {
  for (const t of QUESTIONS) {
    assert.equal(typeof t.prompt, 'string', `${t.id}: the template's prompt is text`);
    assert.ok(t.prompt.length > 15, t.id);
    if (t.kind === 'choice') assert.ok(Array.isArray(t.options) && t.options.every((o) => typeof o.id === 'string'), `${t.id}: options as data`);
    if (t.kind === 'order') assert.ok(t.items.every((it) => typeof it.id === 'string' && typeof it.text === 'string'), t.id);
    if (t.variant) assert.equal(typeof t.ask, 'function', `${t.id}: a variant words its own question`);
  }
});

test('correct choices are spread over positions', () => {
  const positions = QUESTIONS.filter((q) => q.kind === 'choice').map((q) => q.options.findIndex((o) => o.id === answerOf(q)));
  assert.ok(new Set(positions).size >= 4, 'the right answer is not always in the same slot');
});

test('no plain answers in the source of questions.js', () => {
  const esc = (s) => String(s).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // A field named like an answer, followed by the value as a whole token (quoted or bare).
  const near = (v) => new RegExp(`\\b(?:correct\\w*|answers?|right|solution|key)\\s*:\\s*\\[?\\s*(?:['"\`]${esc(v)}['"\`]|(?<![\\w.])${esc(v)}(?![\\w.]))`, 'i');
  for (const q of QUESTIONS) {
    const k = answerOf(q);
    if (q.kind === 'choice') {
      assert.doesNotMatch(bankSource, near(k), `${q.id}: option id next to an answer field`);
      assert.notEqual(q.key, k);
    }
    if (q.kind === 'numeric' && !q.compute) {
      assert.doesNotMatch(bankSource, near(k), `${q.id}: number next to an answer field`);
      assert.notEqual(q.key, String(k));
    }
    if (q.kind === 'order') {
      const seq = new RegExp(k.map((id) => `['"]${esc(id)}['"]`).join('\\s*,\\s*'));
      assert.doesNotMatch(bankSource, seq, `${q.id}: the correct order appears as a list`);
    }
    if (q.key !== undefined) assert.match(q.key, /^[A-Za-z0-9+/]+=*$/, `${q.id}: key is encoded`);
  }
  // Fields named correct/answer may only hold computed values (cell questions), never literals.
  assert.doesNotMatch(bankSource, /\b(?:correct|answer)\w*\s*:\s*['"`\d[{-]/, 'no correct/answer field holds a literal');
});

// ── copy check: no 9-word run shared with the lesson sources ───────────────────────────────
const words = (text) => (text.toLowerCase().replace(/[\u2018\u2019]/g, "'").match(/[a-z0-9']+/g) || []);
function ngrams(text, n = 9) {
  const w = words(text);
  const out = new Set();
  for (let i = 0; i + n <= w.length; i += 1) out.add(w.slice(i, i + n).join(' '));
  return out;
}
function bankStrings() {
  const out = [];
  const shown = QUESTIONS.flatMap((t) => [1, 2, 3].map((seed) => instanceOf(t, seed * 7717, referenceEngine)));
  for (const q of shown) {
    out.push(q.prompt, q.solution, q.heatmapLabel);
    for (const o of q.options || []) out.push(o.text, o.explain);
    for (const it of q.items || []) out.push(it.text);
  }
  out.push(...Object.values(STEP_TITLES));
  return out.filter(Boolean);
}

test('no run of 9 words shared with the lesson sources', (t) => {
  if (!existsSync(sourcesDir)) { t.skip(`lesson sources not found at ${sourcesDir}`); return; }
  const sourceGrams = new Set();
  for (const f of readdirSync(sourcesDir)) {
    if (f === 'README.md' || !f.endsWith('.txt')) continue;
    for (const g of ngrams(readFileSync(path.join(sourcesDir, f), 'utf8'))) sourceGrams.add(g);
  }
  assert.ok(sourceGrams.size > 1000, 'sources were read');
  const hits = [];
  // The evaluated strings (escapes resolved), one at a time…
  for (const s of bankStrings()) for (const g of ngrams(s)) if (sourceGrams.has(g)) hits.push(`bank: "${g}"`);
  // …and every file of the quiz as raw text, README included.
  for (const f of readdirSync(quizDir)) {
    for (const g of ngrams(readFileSync(path.join(quizDir, f), 'utf8'))) if (sourceGrams.has(g)) hits.push(`${f}: "${g}"`);
  }
  assert.deepEqual(hits, []);
});

test('quiz sources: a leading comment, no innerHTML, no document-wide lookups', () => {
  for (const f of readdirSync(quizDir)) {
    const text = readFileSync(path.join(quizDir, f), 'utf8');
    if (f.endsWith('.js')) assert.match(text, /^\/\/ \S+\.js — /, `${f} opens with a comment saying what it is for`);
    if (f.endsWith('.css')) assert.match(text, /^\/\* quiz\.css — /, `${f} opens with a comment`);
    if (!f.endsWith('.js')) continue;
    const code = text.replace(/^\s*\/\/.*$/gm, '');
    assert.doesNotMatch(code, /\.innerHTML|\.outerHTML|insertAdjacentHTML/, `${f}: no HTML strings`);
    assert.doesNotMatch(code, /\bdocument\.(querySelector|getElementById|getElementsBy)/, `${f}: no document-wide lookups`);
    assert.doesNotMatch(code, /\bwindow\./, `${f}: no window globals`);
  }
});
