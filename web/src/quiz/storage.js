// storage.js — keeps quiz progress under a versioned key, validates what it reads back, and
// replaces old, corrupt or wrongly shaped data with a fresh start plus a sentence saying what
// happened. Where progress goes, in order:
//   1. a durable backend, by default IndexedDB with { durability: 'strict' } transactions: a
//      save counts as done only once the browser confirms the commit reached disk;
//   2. a Storage (localStorage in the page, a fake in tests): written at once on every save, read
//      at once on load (the first paint needs no wait), and the fallback when 1 is missing;
//   3. memory, when nothing else works (the notice says so once).
// Reading never depends on writing: a full localStorage (other tools on the same site) still
// gives back the saved record, and the notice names the true reason new answers cannot be kept.
//
// A durable backend is any object of this shape (an LMS backend plugs in the same way):
//   { name: 'indexeddb' | 'scorm' | …,
//     read(key)        → Promise<string | null>   the saved text, or null when none
//     write(key, text) → Promise<void>            resolves only once the text is committed
//     remove(key)      → Promise<void> }
// Any method may reject; the store then falls back to the Storage and says why in words.
//
// Key: 'attention-lesson.quiz.v1' or 'attention-lesson.quiz.v1:<namespace>'.
// Saved value (JSON):
//   { format: 'attention-lesson.quiz', version: 1, savedAt: ISO string, completedAt: ISO|null,
//     answers: { [questionId]: { response, score 0..1, correct, attempts ≥ 0 (0: the solution
//                                was shown before any try), revealed, feedback, durationMs,
//                                at: ISO string, variant (the seed of the numbers shown) } } }

export const FORMAT = 'attention-lesson.quiz';
export const VERSION = 1;
export const KEY_BASE = `${FORMAT}.v${VERSION}`;

/** Storage key for a namespace ('' or undefined → the base key). */
export function storageKey(namespace) {
  const ns = namespace == null ? '' : String(namespace).replace(/[^A-Za-z0-9_.-]/g, '-');
  return ns ? `${KEY_BASE}:${ns}` : KEY_BASE;
}

export function emptyState() {
  return { format: FORMAT, version: VERSION, savedAt: null, completedAt: null, answers: {} };
}

const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isIsoOrNull = (v) => v === null || (typeof v === 'string' && !Number.isNaN(Date.parse(v)));

const isCell = (r) => isPlainObject(r) && Number.isInteger(r.row) && Number.isInteger(r.col);
const isOrder = (r) => Array.isArray(r) && r.every((x) => typeof x === 'string');
// What a response may be for each question kind (null: not answered, e.g. solution shown).
const RESPONSE_BY_KIND = {
  choice: (r) => typeof r === 'string',
  numeric: (r) => typeof r === 'string' || (typeof r === 'number' && Number.isFinite(r)),
  cell: isCell,
  order: isOrder,
};

function validResponse(r, kind) {
  if (r === null) return true;
  const byKind = RESPONSE_BY_KIND[kind];
  if (byKind) return byKind(r);
  if (typeof r === 'string') return true;
  if (typeof r === 'number') return Number.isFinite(r);
  return isOrder(r) || isCell(r);
}

/**
 * True if one saved answer has the expected shape. kind (optional: 'choice', 'numeric', 'cell',
 * 'order') also checks that the response fits the question, so a wrongly shaped response is
 * never restored into a control (as "[object Object]" in a text field).
 */
export function validAnswer(a, kind) {
  return isPlainObject(a)
    && validResponse(a.response, kind)
    && typeof a.score === 'number' && a.score >= 0 && a.score <= 1
    && typeof a.correct === 'boolean'
    && Number.isInteger(a.attempts) && a.attempts >= 0
    && typeof a.revealed === 'boolean'
    && (a.feedback === undefined || typeof a.feedback === 'string')
    && (a.durationMs === undefined || (typeof a.durationMs === 'number' && a.durationMs >= 0))
    && (a.at === undefined || isIsoOrNull(a.at));
}

/**
 * Validate parsed JSON. Returns { state, notice } where notice is null when all was well.
 * knownIds (optional Set) drops answers to questions that no longer exist; kinds (optional Map
 * question id → kind) drops answers whose response does not fit the question.
 */
export function validateState(data, knownIds, kinds) {
  const fresh = emptyState();
  if (!isPlainObject(data)) {
    return { state: fresh, notice: 'Saved quiz progress was not in a form this lesson can read, so the quiz starts fresh.' };
  }
  if (data.format !== FORMAT || data.version !== VERSION) {
    const v = data.version === undefined ? 'an unknown format' : `format version ${JSON.stringify(data.version)}`;
    return { state: fresh, notice: `Saved quiz progress came from an older or different version of this lesson (${v}), so it was replaced with a fresh start.` };
  }
  if (!isPlainObject(data.answers) || !isIsoOrNull(data.completedAt ?? null)) {
    return { state: fresh, notice: 'Saved quiz progress was damaged (its answers could not be read), so the quiz starts fresh.' };
  }
  let dropped = 0;
  for (const [id, a] of Object.entries(data.answers)) {
    if (validAnswer(a, kinds?.get(id)) && (!knownIds || knownIds.has(id))) fresh.answers[id] = a;
    else dropped += 1;
  }
  fresh.completedAt = data.completedAt ?? null;
  fresh.savedAt = typeof data.savedAt === 'string' ? data.savedAt : null;
  const notice = dropped
    ? `${dropped} saved answer${dropped === 1 ? ' was' : 's were'} unreadable or no longer in the quiz and ${dropped === 1 ? 'was' : 'were'} dropped; the rest of your progress was kept.`
    : null;
  return { state: fresh, notice };
}

const KEPT_UNTIL_CLOSED = 'your quiz progress is kept only until this page is closed or reloaded.';
const UNAVAILABLE = `This browser is not letting the lesson save anything here (for example in a sandboxed frame or a file:// page), so ${KEPT_UNTIL_CLOSED}`;

// Why a Storage refused a write, in words (quota vs. no access vs. no storage at all).
function isQuotaError(err) {
  return Boolean(err) && (err.name === 'QuotaExceededError' || err.name === 'NS_ERROR_DOM_QUOTA_REACHED' || err.code === 22 || err.code === 1014);
}
function refusalNotice(err, { hasSaved }) {
  if (isQuotaError(err)) {
    const kept = hasSaved ? ' Your earlier saved answers were loaded.' : '';
    return `This site's storage in this browser is full (other pages on the same site use it too), so new answers cannot be saved and ${KEPT_UNTIL_CLOSED}${kept}`;
  }
  return UNAVAILABLE;
}

const isStorage = (s) => Boolean(s) && typeof s.getItem === 'function' && typeof s.setItem === 'function' && typeof s.removeItem === 'function';

// What a Storage allows, found without hiding anything: reading the saved key is tried on its
// own, and a failed test write (a full storage) never stops the saved record from being read.
function probe(storage, key) {
  if (!isStorage(storage)) return { readable: false, writable: false, error: null };
  let readable = true;
  try { storage.getItem(key); } catch { readable = false; }
  try {
    const k = `${key}.probe`;
    storage.setItem(k, '1');
    storage.removeItem(k);
    return { readable, writable: true, error: null };
  } catch (error) {
    return { readable, writable: false, error };
  }
}

// The newer of two saved states, answer by answer (by each answer's `at`), so an answer kept in
// only one place is never lost.
export function mergeStates(a, b) {
  const out = { ...emptyState(), ...a, answers: { ...a.answers } };
  for (const [id, entry] of Object.entries(b.answers)) {
    const mine = out.answers[id];
    if (!mine || Date.parse(entry.at ?? 0) > Date.parse(mine.at ?? 0)) out.answers[id] = entry;
  }
  out.completedAt = a.completedAt ?? b.completedAt ?? null;
  const times = [a.savedAt, b.savedAt].filter((t) => typeof t === 'string').sort();
  out.savedAt = times.pop() ?? null;
  return out;
}

/** True when two states hold the same answers and completion. */
export const sameAnswers = (a, b) => JSON.stringify(a.answers) === JSON.stringify(b.answers) && (a.completedAt ?? null) === (b.completedAt ?? null);

/**
 * createStore({ storage, durable, namespace, knownIds, kinds }) →
 *   { key, persistent, where, load() → { state, notice }, save(state) → { ok, notice[, committed] },
 *     reset() → state, ready }
 * storage: a Storage (read and written synchronously). durable: an optional backend (see the
 * top of this file). Without `durable`, save() returns { ok, notice } once the Storage took the
 * text. With it, save() also returns `committed`: a Promise of { ok, where, notice } that
 * resolves once the durable backend confirmed the commit (where: its name), or once it failed
 * (then where: 'localstorage' or 'memory', and notice says why, at most once). `ready`: a Promise
 * of what the durable backend holds, validated ({ state, notice }), or null when it holds
 * nothing: merge it into the current state with mergeStates (the Storage may have missed the
 * last writes before a crash). Notices are sentences for the learner; the "not saved" notice is
 * returned at most once.
 */
export function createStore({ storage, durable = null, namespace, knownIds, kinds } = {}) {
  const key = storageKey(namespace);
  const access = probe(storage, key);
  let readable = access.readable;
  let writable = access.writable;
  let writeError = access.error;
  let durableOk = Boolean(durable);
  let memory = null;
  let unavailableSaid = false;
  let hadSaved = false;

  const sayUnavailable = () => {
    if (unavailableSaid) return null;
    unavailableSaid = true;
    return refusalNotice(writeError, { hasSaved: hadSaved });
  };

  // Parses and validates saved text. Returns { state, notice, repair } (repair: rewrite it).
  function parse(text) {
    if (text === null || text === undefined) return { state: emptyState(), notice: null, repair: false };
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      return { state: emptyState(), notice: 'Saved quiz progress was damaged (it is not valid JSON), so it was replaced with a fresh start.', repair: true };
    }
    const out = validateState(data, knownIds, kinds);
    return { ...out, repair: Boolean(out.notice) };
  }

  function load() {
    if (!readable) {
      const state = memory ? structuredClone(memory) : emptyState();
      // With a durable backend the saved record may still come (ready); say nothing yet.
      return { state, notice: durable ? null : sayUnavailable() };
    }
    let text;
    try {
      text = storage.getItem(key);
    } catch {
      readable = writable = false;
      return { state: emptyState(), notice: durable ? null : sayUnavailable() };
    }
    hadSaved = text !== null && text !== undefined;
    const out = parse(text);
    if (out.repair) save(out.state);
    // Answers saved in this page but refused by the Storage since are still the latest.
    if (!writable && memory) out.state = mergeStates(structuredClone(memory), out.state);
    let notice = out.notice;
    if (!writable && !durable) {
      const why = sayUnavailable();
      notice = notice ? `${notice} ${why}` : why;
    }
    return { state: out.state, notice };
  }

  // Writes the text to the Storage. Returns true when it took it.
  function writeStorage(text) {
    if (!writable) return false;
    try {
      storage.setItem(key, text);
      return true;
    } catch (err) {
      writable = false; // quota or revoked access: fall back
      writeError = err;
      return false;
    }
  }

  function save(state) {
    const toSave = { ...state, format: FORMAT, version: VERSION, savedAt: new Date().toISOString() };
    const text = JSON.stringify(toSave);
    memory = structuredClone(toSave);
    const inStorage = writeStorage(text);
    if (!durable) return inStorage ? { ok: true, notice: null } : { ok: false, notice: sayUnavailable() };
    const fallback = (err) => {
      if (durableOk && err) durableOk = false;
      if (inStorage) return { ok: true, where: 'localstorage', notice: null };
      return { ok: false, where: 'memory', notice: sayUnavailable() };
    };
    const committed = durableOk
      ? Promise.resolve().then(() => durable.write(key, text)).then(() => ({ ok: true, where: durable.name, notice: null }), fallback)
      : Promise.resolve(fallback(null));
    return { ok: inStorage, notice: null, committed };
  }

  // What the durable backend holds (validated), for the caller to merge into its current state.
  const ready = !durable ? Promise.resolve(null) : Promise.resolve()
    .then(() => durable.read(key))
    .then((text) => {
      if (text === null || text === undefined) return null;
      hadSaved = true;
      const out = parse(text);
      // A damaged durable copy is replaced, like a damaged Storage one, so it is reported once.
      if (out.repair) Promise.resolve().then(() => durable.write(key, JSON.stringify({ ...out.state, savedAt: new Date().toISOString() }))).catch(() => { durableOk = false; });
      return { state: out.state, notice: out.notice };
    }, () => {
      durableOk = false;
      return readable && writable ? null : { state: emptyState(), notice: sayUnavailable() };
    });

  function reset() {
    memory = null;
    if (writable || readable) {
      try { storage.removeItem(key); } catch { writable = false; }
    }
    if (durable && durableOk) Promise.resolve().then(() => durable.remove(key)).catch(() => { durableOk = false; });
    return emptyState();
  }

  return {
    key,
    /** true while answers reach a store that outlives the page */
    get persistent() { return durableOk || writable; },
    /** where the next save goes first: the durable backend's name, 'localstorage' or 'memory' */
    get where() { return durableOk ? durable.name : writable ? 'localstorage' : 'memory'; },
    load, save, reset, ready,
  };
}

/**
 * The IndexedDB backend: one object store of saved texts by key, every write in a readwrite
 * transaction with { durability: 'strict' }, resolved on the transaction's `complete` event (the
 * browser has flushed the commit). factory: an IDBFactory (the page's indexedDB). Returns null
 * when there is none.
 */
export function indexedDBBackend(factory, { database = 'attention-lesson', store = 'progress' } = {}) {
  if (!factory || typeof factory.open !== 'function') return null;
  let opening = null;
  const open = () => {
    opening ??= new Promise((resolve, reject) => {
      const req = factory.open(database, 1);
      req.onupgradeneeded = () => { if (!req.result.objectStoreNames.contains(store)) req.result.createObjectStore(store); };
      req.onsuccess = () => {
        const db = req.result;
        db.onversionchange = () => { db.close(); opening = null; };
        resolve(db);
      };
      req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
      req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
    });
    opening.catch(() => { opening = null; });
    return opening;
  };
  const run = async (mode, act) => {
    const db = await open();
    return new Promise((resolve, reject) => {
      const tx = db.transaction(store, mode, { durability: 'strict' });
      const req = act(tx.objectStore(store));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? req.error);
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  };
  return {
    name: 'indexeddb',
    read: (key) => run('readonly', (s) => s.get(key)).then((v) => (typeof v === 'string' ? v : null)),
    write: (key, text) => run('readwrite', (s) => s.put(text, key)).then(() => undefined),
    remove: (key) => run('readwrite', (s) => s.delete(key)).then(() => undefined),
  };
}
