// quiz-storage.test.js — versioned persistence with a fake Storage: round trip, namespaces,
// corrupt JSON, wrong version, wrong shape, dropped entries, unavailable or failing storage, reset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStore, storageKey, emptyState, validateState, KEY_BASE, VERSION } from '../../web/src/quiz/storage.js';

function fakeStorage(initial = {}) {
  const map = new Map(Object.entries(initial));
  return {
    map,
    getItem: (k) => (map.has(k) ? map.get(k) : null),
    setItem: (k, v) => { map.set(k, String(v)); },
    removeItem: (k) => { map.delete(k); },
  };
}

const answer = (over = {}) => ({
  response: 'b', score: 1, correct: true, attempts: 1, revealed: false,
  feedback: 'Correct \u2014 yes.', durationMs: 1234, at: '2025-01-01T00:00:00.000Z', ...over,
});

test('the key is versioned and namespaced', () => {
  assert.equal(KEY_BASE, 'attention-lesson.quiz.v1');
  assert.equal(storageKey(), 'attention-lesson.quiz.v1');
  assert.equal(storageKey('lesson-2'), 'attention-lesson.quiz.v1:lesson-2');
  assert.equal(storageKey('a b/c'), 'attention-lesson.quiz.v1:a-b-c');
});

test('round trip: what is saved loads back unchanged, without a notice', () => {
  const storage = fakeStorage();
  const store = createStore({ storage });
  assert.equal(store.persistent, true);
  const first = store.load();
  assert.deepEqual(first.state.answers, {});
  assert.equal(first.notice, null);
  const state = emptyState();
  state.answers['dot-compute'] = answer({ response: '4' });
  state.answers['mf-order'] = answer({ response: ['a', 'b'], score: 0.5, correct: false });
  state.answers['we-most-attended'] = answer({ response: { row: 1, col: 1 } });
  state.completedAt = '2025-01-02T00:00:00.000Z';
  assert.deepEqual(store.save(state), { ok: true, notice: null });
  const raw = JSON.parse(storage.getItem('attention-lesson.quiz.v1'));
  assert.equal(raw.version, VERSION);
  assert.equal(raw.format, 'attention-lesson.quiz');
  // A new store (a page reload) sees the same progress.
  const again = createStore({ storage }).load();
  assert.equal(again.notice, null);
  assert.deepEqual(again.state.answers, state.answers);
  assert.equal(again.state.completedAt, state.completedAt);
});

test('two namespaces on one page do not clash', () => {
  const storage = fakeStorage();
  const a = createStore({ storage, namespace: 'a' });
  const b = createStore({ storage, namespace: 'b' });
  const s = emptyState();
  s.answers.x = answer();
  a.save(s);
  assert.deepEqual(b.load().state.answers, {});
  assert.deepEqual(a.load().state.answers, { x: answer() });
});

test('corrupt JSON is reported in a sentence and replaced', () => {
  const storage = fakeStorage({ 'attention-lesson.quiz.v1': '{"version":1,"answers":{' });
  const out = createStore({ storage }).load();
  assert.deepEqual(out.state, emptyState());
  assert.match(out.notice, /damaged.*not valid JSON.*fresh start\./);
  const replaced = JSON.parse(storage.getItem('attention-lesson.quiz.v1'));
  assert.equal(replaced.version, 1, 'the corrupt value was overwritten with a valid one');
  assert.equal(createStore({ storage }).load().notice, null, 'and the next load is clean');
});

test('a different (old or future) version is reported and replaced', () => {
  for (const data of [
    { format: 'attention-lesson.quiz', version: 0, answers: { x: answer() } },
    { format: 'attention-lesson.quiz', version: 2, answers: {} },
    { answers: { x: answer() } },
  ]) {
    const storage = fakeStorage({ 'attention-lesson.quiz.v1': JSON.stringify(data) });
    const out = createStore({ storage }).load();
    assert.deepEqual(out.state.answers, {});
    assert.match(out.notice, /older or different version.*fresh start\./);
    assert.equal(JSON.parse(storage.getItem('attention-lesson.quiz.v1')).version, 1);
  }
});

test('wrong shapes are reported and replaced, never thrown', () => {
  for (const text of ['null', '42', '"text"', '[]', JSON.stringify({ format: 'attention-lesson.quiz', version: 1, answers: [] }),
    JSON.stringify({ format: 'attention-lesson.quiz', version: 1, answers: {}, completedAt: 'not a date' })]) {
    const storage = fakeStorage({ 'attention-lesson.quiz.v1': text });
    let out;
    assert.doesNotThrow(() => { out = createStore({ storage }).load(); }, text);
    assert.deepEqual(out.state.answers, {}, text);
    assert.equal(typeof out.notice, 'string', text);
    assert.match(out.notice, /\.$/, 'a full sentence');
  }
});

test('bad entries are dropped, good ones kept, with a sentence', () => {
  const data = {
    format: 'attention-lesson.quiz', version: 1, completedAt: null,
    answers: {
      good: answer(),
      badScore: answer({ score: 7 }),
      badResponse: answer({ response: { row: 'x' } }),
      gone: answer(),
    },
  };
  const storage = fakeStorage({ 'attention-lesson.quiz.v1': JSON.stringify(data) });
  const out = createStore({ storage, knownIds: new Set(['good', 'badScore', 'badResponse']) }).load();
  assert.deepEqual(Object.keys(out.state.answers), ['good']);
  assert.match(out.notice, /^3 saved answers were unreadable or no longer in the quiz/);
  assert.equal(validateState(data).notice.startsWith('2 saved answers'), true, 'without knownIds only shape matters');
});

test('unavailable storage: memory only, said once', () => {
  const throwing = {
    getItem() { throw new Error('SecurityError'); },
    setItem() { throw new Error('SecurityError'); },
    removeItem() { throw new Error('SecurityError'); },
  };
  for (const storage of [undefined, null, {}, throwing]) {
    const store = createStore({ storage });
    assert.equal(store.persistent, false);
    const first = store.load();
    assert.deepEqual(first.state.answers, {});
    assert.match(first.notice, /kept only until this page is closed or reloaded\./);
    const s = emptyState();
    s.answers.x = answer();
    const saved = store.save(s);
    assert.equal(saved.ok, false);
    assert.equal(saved.notice, null, 'the notice is given once');
    assert.deepEqual(store.load().state.answers, { x: answer() }, 'kept in memory');
    assert.equal(store.load().notice, null);
  }
});

test('storage that starts failing (quota) falls back to memory and says so once', () => {
  const storage = fakeStorage();
  const store = createStore({ storage });
  storage.setItem = () => { throw new Error('QuotaExceededError'); };
  const s = emptyState();
  s.answers.x = answer();
  const first = store.save(s);
  assert.equal(first.ok, false);
  assert.match(first.notice, /kept only until/);
  assert.equal(store.save(s).notice, null);
  assert.deepEqual(store.load().state.answers, { x: answer() });
});

test('reset removes the saved progress', () => {
  const storage = fakeStorage();
  const store = createStore({ storage, namespace: 'n' });
  const s = emptyState();
  s.answers.x = answer();
  store.save(s);
  assert.ok(storage.getItem('attention-lesson.quiz.v1:n'));
  assert.deepEqual(store.reset(), emptyState());
  assert.equal(storage.getItem('attention-lesson.quiz.v1:n'), null);
  assert.deepEqual(store.load().state.answers, {});
});

test('progress survives steps added or removed: answers are keyed by question, so a newer lesson\'s record keeps every answer this bank knows', async () => {
  const { QUESTIONS } = await import('../../web/src/quiz/questions.js');
  const ids = QUESTIONS.map((q) => q.id);
  // written by a newer lesson with two more steps (a question each), by this bank's ids otherwise
  const data = { format: 'attention-lesson.quiz', version: 1, completedAt: null,
    answers: { ...Object.fromEntries(ids.map((id) => [id, answer({ response: null, revealed: true, score: 0, correct: false })])), 'lm-next-word': answer(), 'train-why-stall': answer() } };
  const storage = fakeStorage({ 'attention-lesson.quiz.v1': JSON.stringify(data) });
  const out = createStore({ storage, knownIds: new Set(ids), kinds: new Map(QUESTIONS.map((q) => [q.id, q.kind])) }).load();
  assert.deepEqual(Object.keys(out.state.answers).sort(), [...ids].sort(), 'every answer to a question of this bank is kept');
  assert.match(out.notice, /^2 saved answers were unreadable or no longer in the quiz/);
});
