// quiz-storage-durable.test.js — the durable side of storage.js with fake backends: a save is
// "committed" only once the backend confirms it; failures fall back to localStorage, then
// memory, saying why once; a full localStorage still gives back the saved record and names
// the true reason; the durable copy's answers are merged in after a crash lost the Storage's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStore, emptyState, mergeStates, KEY_BASE } from '../../web/src/quiz/storage.js';

const answer = (over = {}) => ({
  response: 'b', score: 1, correct: true, attempts: 1, revealed: false,
  feedback: 'Correct.', durationMs: 10, at: '2025-01-01T00:00:00.000Z', ...over,
});
const saved = (answers) => JSON.stringify({ ...emptyState(), savedAt: '2025-01-01T00:00:00.000Z', answers });

function fakeStorage(initial = {}, { full = false } = {}) {
  const map = new Map(Object.entries(initial));
  return {
    map,
    getItem: (k) => (map.has(k) ? map.get(k) : null),
    setItem: (k, v) => {
      if (full) { const e = new Error('The quota has been exceeded.'); e.name = 'QuotaExceededError'; e.code = 22; throw e; }
      map.set(k, String(v));
    },
    removeItem: (k) => { map.delete(k); },
  };
}

// A durable backend whose writes wait until the test lets them commit.
function fakeDurable(initial = {}) {
  const map = new Map(Object.entries(initial));
  const pending = [];
  return {
    name: 'indexeddb', map, pending,
    failWrites: false,
    failReads: false,
    read(key) { return this.failReads ? Promise.reject(new Error('read failed')) : Promise.resolve(map.get(key) ?? null); },
    write(key, text) {
      if (this.failWrites) return Promise.reject(new Error('write failed'));
      return new Promise((resolve) => pending.push(() => { map.set(key, text); resolve(); }));
    },
    remove(key) { map.delete(key); return Promise.resolve(); },
    commitAll() { while (pending.length) pending.shift()(); },
  };
}

test('a full localStorage (other keys on the site) still gives back the saved answers, and says the true reason', () => {
  const storage = fakeStorage({ 'other-tool': 'x'.repeat(100), [KEY_BASE]: saved({ a: answer(), b: answer({ response: 'c', correct: false, score: 0 }) }) }, { full: true });
  const store = createStore({ storage });
  const out = store.load();
  assert.deepEqual(Object.keys(out.state.answers), ['a', 'b'], 'both saved answers are read');
  assert.match(out.notice, /storage in this browser is full \(other pages on the same site use it too\)/);
  assert.match(out.notice, /Your earlier saved answers were loaded\./);
  assert.doesNotMatch(out.notice, /sandboxed|file:\/\//);
  assert.equal(store.persistent, false);
  assert.equal(storage.map.get('other-tool').length, 100, 'other data untouched');
  // Saving then keeps answers in memory, saying nothing again.
  const s = out.state;
  s.answers.c = answer();
  assert.deepEqual(store.save(s), { ok: false, notice: null });
  assert.deepEqual(Object.keys(store.load().state.answers), ['a', 'b', 'c']);
});

test('with a durable backend, a save is committed only when the backend confirms it', async () => {
  const storage = fakeStorage();
  const durable = fakeDurable();
  const store = createStore({ storage, durable });
  assert.equal(store.where, 'indexeddb');
  store.load();
  const s = emptyState();
  s.answers.a = answer();
  const out = store.save(s);
  assert.equal(out.ok, true);
  assert.ok(storage.map.has(KEY_BASE), 'the Storage mirror is written at once');
  let settled = null;
  out.committed.then((r) => { settled = r; });
  await new Promise((r) => setTimeout(r, 5));
  assert.equal(settled, null, 'not confirmed before the backend commits');
  await new Promise((r) => setTimeout(r, 5));
  durable.commitAll();
  await out.committed;
  assert.deepEqual(settled, { ok: true, where: 'indexeddb', notice: null });
  assert.deepEqual(JSON.parse(durable.map.get(KEY_BASE)).answers, s.answers);
});

test('a failing durable backend falls back to localStorage, then memory, saying why once', async () => {
  const durable = fakeDurable();
  durable.failWrites = true;
  const s = emptyState();
  s.answers.a = answer();
  const withStorage = createStore({ storage: fakeStorage(), durable });
  assert.deepEqual(await withStorage.save(s).committed, { ok: true, where: 'localstorage', notice: null });
  assert.equal(withStorage.where, 'localstorage');
  const nothing = createStore({ storage: fakeStorage({}, { full: true }), durable });
  const first = await nothing.save(s).committed;
  assert.equal(first.ok, false);
  assert.equal(first.where, 'memory');
  assert.match(first.notice, /storage in this browser is full.*kept only until this page is closed or reloaded\./);
  assert.equal((await nothing.save(s).committed).notice, null, 'said once');
  assert.deepEqual(nothing.load().state.answers, s.answers, 'kept in memory');
});

test('the durable copy brings back answers the Storage lost, merged answer by answer', async () => {
  // localStorage lost the last answer (a crash before it reached disk); IndexedDB has it.
  const storage = fakeStorage({ [KEY_BASE]: saved({ a: answer() }) });
  const durable = fakeDurable({ [KEY_BASE]: saved({ a: answer(), b: answer({ at: '2025-01-01T00:00:05.000Z' }) }) });
  const store = createStore({ storage, durable });
  const now = store.load();
  assert.deepEqual(Object.keys(now.state.answers), ['a']);
  const later = await store.ready;
  const merged = mergeStates(now.state, later.state);
  assert.deepEqual(Object.keys(merged.answers).sort(), ['a', 'b']);
  // The later of two versions of one answer wins, whichever side it is on.
  const older = { ...emptyState(), answers: { q: answer({ response: 'old', at: '2025-01-01T00:00:00.000Z' }) } };
  const newer = { ...emptyState(), answers: { q: answer({ response: 'new', at: '2025-01-02T00:00:00.000Z' }) } };
  assert.equal(mergeStates(older, newer).answers.q.response, 'new');
  assert.equal(mergeStates(newer, older).answers.q.response, 'new');
});

test('an unreadable durable backend is dropped quietly when localStorage works, and reported when nothing works', async () => {
  const durable = fakeDurable();
  durable.failReads = true;
  const ok = createStore({ storage: fakeStorage({ [KEY_BASE]: saved({ a: answer() }) }), durable });
  assert.deepEqual(Object.keys(ok.load().state.answers), ['a']);
  assert.equal(await ok.ready, null);
  assert.equal(ok.where, 'localstorage');
  const none = createStore({ storage: undefined, durable });
  assert.equal(none.load().notice, null, 'nothing said before the durable backend answered');
  const later = await none.ready;
  assert.match(later.notice, /kept only until this page is closed or reloaded\./);
  assert.equal(none.persistent, false);
});

test('a damaged durable copy is reported, not restored', async () => {
  const durable = fakeDurable({ [KEY_BASE]: '{"format":' });
  const store = createStore({ storage: fakeStorage(), durable });
  store.load();
  const later = await store.ready;
  assert.deepEqual(later.state.answers, {});
  assert.match(later.notice, /not valid JSON/);
});

test('a saved response that does not fit its question is dropped, never restored as "[object Object]"', () => {
  const kinds = new Map([['num', 'numeric'], ['pick', 'choice'], ['cell', 'cell'], ['order', 'order']]);
  const storage = fakeStorage({ [KEY_BASE]: saved({
    num: answer({ response: { row: 1, col: 2 } }), pick: answer({ response: ['a'] }),
    cell: answer({ response: 'b' }), order: answer({ response: ['x', 'y'] }), ok: answer({ response: '0.25' }),
  }) });
  const out = createStore({ storage, kinds: new Map([...kinds, ['ok', 'numeric']]) }).load();
  assert.deepEqual(Object.keys(out.state.answers).sort(), ['ok', 'order']);
  assert.match(out.notice, /^3 saved answers were unreadable or no longer in the quiz/);
});
