// The compact cmi.suspend_data encoding (web/src/embed/suspend-data.js): the worst case of the whole
// quiz fits SCORM 1.2's 4,096 characters, every kind of answer round-trips, and damaged or foreign
// text is refused with a sentence instead of a crash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QUESTIONS } from '../../web/src/quiz/questions.js';
import { encodeSuspendData, decodeSuspendData, SCORM12_LIMIT, bankHash } from '../../web/src/embed/suspend-data.js';
import { validateState } from '../../web/src/quiz/storage.js';

// The longest answer each kind can have: many attempts, days on one question, partial credit,
// a long number, the last cell of a large grid, the last option.
function worstAnswer(q) {
  const base = { score: 0.667, correct: false, attempts: 99999, revealed: true, durationMs: 30 * 24 * 3600e3, feedback: 'x'.repeat(300), at: new Date().toISOString(), variant: 0xffffffff };
  switch (q.kind) {
    case 'choice': return { ...base, response: q.options.at(-1).id };
    case 'numeric': return { ...base, response: '-1.23456789012345e-300' };
    case 'cell': return { ...base, response: { row: 1295, col: 1295 } };
    case 'order': return { ...base, response: q.items.map((it) => it.id).reverse() };
    default: throw new Error(q.kind);
  }
}

test('every question answered in the longest way fits SCORM 1.2 suspend_data', () => {
  const state = { completedAt: '2026-12-02T03:04:05.000Z', answers: Object.fromEntries(QUESTIONS.map((q) => [q.id, worstAnswer(q)])) };
  const text = encodeSuspendData(state, QUESTIONS);
  console.log(`worst case: ${text.length} characters for ${QUESTIONS.length} questions (limit ${SCORM12_LIMIT})`);
  assert.ok(text.length <= SCORM12_LIMIT, `${text.length} characters`);
  assert.match(text, /^[0-9A-Za-z.,;|e+-]+$/);
  const { state: back, problem } = decodeSuspendData(text, QUESTIONS);
  assert.equal(problem, null);
  assert.equal(Object.keys(back.answers).length, QUESTIONS.length);
  assert.equal(back.completedAt, '2026-12-02T03:04:05.000Z');
  // What comes back is a state storage.js accepts as it is.
  assert.equal(validateState(back, new Set(QUESTIONS.map((q) => q.id))).notice, null);
});

test('answers of every kind round-trip', () => {
  const pick = (kind) => QUESTIONS.find((q) => q.kind === kind);
  const choice = pick('choice');
  const numeric = pick('numeric');
  const cell = pick('cell');
  const order = pick('order');
  const answers = {
    [choice.id]: { response: choice.options[2].id, score: 1, correct: true, attempts: 2, revealed: false, durationMs: 12300 },
    [numeric.id]: { response: ' 0,25 ', score: 0, correct: false, attempts: 1, revealed: true, durationMs: 4000 },
    [cell.id]: { response: { row: 2, col: 0 }, score: 1, correct: true, attempts: 1, revealed: false, durationMs: 0, variant: 123456789 },
    [order.id]: { response: [...order.items.map((i) => i.id)].reverse(), score: 0.4, correct: false, attempts: 3, revealed: false, durationMs: 65400, variant: 1 },
  };
  const text = encodeSuspendData({ completedAt: null, answers }, QUESTIONS);
  const { state } = decodeSuspendData(text, QUESTIONS);
  assert.equal(state.completedAt, null);
  assert.deepEqual(state.answers[choice.id], answers[choice.id]);
  assert.deepEqual(state.answers[numeric.id], { ...answers[numeric.id], response: '0.25' }); // the number, as parsed
  assert.deepEqual(state.answers[cell.id], answers[cell.id]);
  assert.deepEqual(state.answers[order.id], answers[order.id]);
  assert.equal(Object.keys(state.answers).length, 4);
});

test('an empty quiz is a short text and empty text is no progress', () => {
  assert.equal(encodeSuspendData({ answers: {} }, QUESTIONS), `Q1|${bankHash(QUESTIONS)}||`);
  assert.deepEqual(decodeSuspendData('', QUESTIONS), { state: null, problem: null });
});

test('foreign, damaged and outdated texts are refused or trimmed with a reason', () => {
  const foreign = decodeSuspendData('viewed=1,2,3|lastslide=4', QUESTIONS);
  assert.equal(foreign.state, null);
  assert.match(foreign.problem, /not in a form this version can read/);
  const changed = decodeSuspendData(encodeSuspendData({ answers: {} }, QUESTIONS.slice(1)), QUESTIONS);
  assert.equal(changed.state, null);
  assert.match(changed.problem, /quiz has changed/);
  const q0 = QUESTIONS[0];
  const good = encodeSuspendData({ answers: { [q0.id]: { response: q0.options[0].id, score: 0, correct: false, attempts: 1, revealed: false } } }, QUESTIONS);
  const damaged = decodeSuspendData(`${good};1zz,1,1,9;garbage`, QUESTIONS);
  assert.equal(Object.keys(damaged.state.answers).length, 1);
  assert.match(damaged.problem, /^2 answers kept by your course system could not be read/);
});

// ---- progress saved under an earlier bank (web/src/embed/bank-history.js) ----------------------
import { CURRENT_BANK, PAST_BANKS } from '../../web/src/embed/bank-history.js';
import { bankLayout } from '../../web/src/embed/suspend-data.js';

// The question stubs of a past layout, enough to encode progress the way that version did.
const stubs = (layout) => layout.map((e) => {
  const [id, kind, list] = e.split(':');
  const ids = list ? list.split('/').map((x) => ({ id: x })) : undefined;
  return { id, kind, ...(kind === 'choice' ? { options: ids } : {}), ...(kind === 'order' ? { items: ids } : {}) };
});

test('the bank this version ships is the one bank-history.js names, and every past layout matches its hash', () => {
  assert.equal(bankHash(QUESTIONS), CURRENT_BANK,
    'The quiz bank changed. Course systems keep SCORM progress by position: add the previous bank to PAST_BANKS (run `node scripts/bank-layout.mjs` on the version before your change) and set CURRENT_BANK to this hash.');
  assert.ok(!(CURRENT_BANK in PAST_BANKS));
  for (const [hash, layout] of Object.entries(PAST_BANKS)) assert.equal(bankHash(stubs(layout)), hash, `layout ${hash}`);
  assert.deepEqual(bankLayout(stubs(PAST_BANKS['178frpo'])), PAST_BANKS['178frpo']);
});

test('progress a course system kept under each earlier bank comes back after the update: answers by question, not by position', () => {
  const at = '2025-01-01T00:00:00.000Z';
  for (const [hash, layout] of Object.entries(PAST_BANKS)) {
    const old = stubs(layout);
    const current = new Map(QUESTIONS.map((q) => [q.id, q]));
    // an answer to every question of the old bank: the last option, items reversed, a cell, a number
    const answers = Object.fromEntries(old.map((q) => [q.id, {
      score: 1, correct: true, attempts: 2, revealed: false, durationMs: 4200, at, variant: 7,
      response: q.kind === 'choice' ? q.options.at(-1).id : q.kind === 'order' ? q.items.map((x) => x.id).reverse() : q.kind === 'cell' ? { row: 1, col: 2 } : '0.25',
    }]));
    const text = encodeSuspendData({ completedAt: null, answers }, old);
    assert.equal(text.split('|')[1], hash);
    const { state, problem } = decodeSuspendData(text, QUESTIONS);
    const still = old.filter((q) => current.get(q.id)?.kind === q.kind);
    assert.deepEqual(Object.keys(state.answers).sort(), still.map((q) => q.id).sort(), `${hash}: every answer to a question still asked`);
    for (const q of still) assert.deepEqual(state.answers[q.id].response, answers[q.id].response, `${hash} ${q.id}`);
    assert.equal(state.answers[still[0].id].variant, 7);
    const gone = old.length - still.length;
    assert.equal(problem, `The quiz has changed since your progress was saved in your course system; your ${still.length} answers to questions it still asks were restored${gone ? `, and ${gone} to questions it no longer asks were left out` : ''}.`);
    assert.equal(validateState(state, new Set(current.keys()), new Map(QUESTIONS.map((q) => [q.id, q.kind]))).notice, null, `${hash}: the restored state is valid for this bank`);
  }
  // the 38-question bank asked 14 questions this one does not: they are counted, not guessed
  assert.match(decodeSuspendData(encodeSuspendData({ answers: { 'why-one-hop': { score: 1, correct: true, attempts: 1, revealed: false, response: '3' } } }, stubs(PAST_BANKS['1oipdge'])), QUESTIONS).problem,
    /your 0 answers to questions it still asks were restored, and 1 to questions it no longer asks was left out/);
  // a bank nobody recorded still starts fresh, with its sentence
  assert.match(decodeSuspendData('Q1|zzzzzz||01,1,0,0', QUESTIONS).problem, /The quiz has changed since your progress was saved in your course system, so the quiz starts fresh/);
});
