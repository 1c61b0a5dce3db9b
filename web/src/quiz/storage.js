// storage.js — keeps quiz progress in a Storage-like object (localStorage in the page, a fake in
// tests) under a versioned key, validates what it reads back, and replaces old, corrupt or
// wrongly shaped data with a fresh start plus a sentence saying what happened. If the storage is
// missing or throws (sandboxed iframe, file://, privacy mode, quota), progress lives in memory
// and the notice says so once.
//
// Key: 'attention-lesson.quiz.v1' or 'attention-lesson.quiz.v1:<namespace>'.
// Saved value (JSON):
//   { format: 'attention-lesson.quiz', version: 1, savedAt: ISO string, completedAt: ISO|null,
//     answers: { [questionId]: { response, score 0..1, correct, attempts ≥ 1, revealed,
//                                feedback, durationMs, at: ISO string } } }

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

function validResponse(r) {
  if (r === null || typeof r === 'string') return true;
  if (typeof r === 'number') return Number.isFinite(r);
  if (Array.isArray(r)) return r.every((x) => typeof x === 'string');
  return isPlainObject(r) && Number.isInteger(r.row) && Number.isInteger(r.col);
}

/** True if one saved answer has the expected shape. */
export function validAnswer(a) {
  return isPlainObject(a)
    && validResponse(a.response)
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
 * knownIds (optional Set) drops answers to questions that no longer exist.
 */
export function validateState(data, knownIds) {
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
    if (validAnswer(a) && (!knownIds || knownIds.has(id))) fresh.answers[id] = a;
    else dropped += 1;
  }
  fresh.completedAt = data.completedAt ?? null;
  fresh.savedAt = typeof data.savedAt === 'string' ? data.savedAt : null;
  const notice = dropped
    ? `${dropped} saved answer${dropped === 1 ? ' was' : 's were'} unreadable or no longer in the quiz and ${dropped === 1 ? 'was' : 'were'} dropped; the rest of your progress was kept.`
    : null;
  return { state: fresh, notice };
}

const UNAVAILABLE = 'This browser is not letting the lesson save anything here (for example in a sandboxed frame or a file:// page), so your quiz progress is kept only until this page is closed or reloaded.';

function probe(storage, key) {
  if (!storage || typeof storage.getItem !== 'function' || typeof storage.setItem !== 'function'
      || typeof storage.removeItem !== 'function') return false;
  try {
    const k = `${key}.probe`;
    storage.setItem(k, '1');
    storage.removeItem(k);
    return true;
  } catch {
    return false;
  }
}

/**
 * createStore({ storage, namespace, knownIds }) →
 *   { key, persistent, load() → { state, notice }, save(state) → { ok, notice }, reset() → state }
 * Notices are sentences for the learner; the "not saved" notice is returned at most once.
 */
export function createStore({ storage, namespace, knownIds } = {}) {
  const key = storageKey(namespace);
  let persistent = probe(storage, key);
  let memory = null;
  let unavailableSaid = false;

  const sayUnavailable = () => {
    if (unavailableSaid) return null;
    unavailableSaid = true;
    return UNAVAILABLE;
  };

  function load() {
    if (!persistent) return { state: memory ? structuredClone(memory) : emptyState(), notice: sayUnavailable() };
    let text;
    try {
      text = storage.getItem(key);
    } catch {
      persistent = false;
      return { state: emptyState(), notice: sayUnavailable() };
    }
    if (text === null || text === undefined) return { state: emptyState(), notice: null };
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      const out = { state: emptyState(), notice: 'Saved quiz progress was damaged (it is not valid JSON), so it was replaced with a fresh start.' };
      save(out.state);
      return out;
    }
    const out = validateState(data, knownIds);
    if (out.notice) save(out.state);
    return out;
  }

  function save(state) {
    const toSave = { ...state, format: FORMAT, version: VERSION, savedAt: new Date().toISOString() };
    if (persistent) {
      try {
        storage.setItem(key, JSON.stringify(toSave));
        return { ok: true, notice: null };
      } catch {
        persistent = false; // quota or revoked access: fall through to memory
      }
    }
    memory = structuredClone(toSave);
    return { ok: false, notice: sayUnavailable() };
  }

  function reset() {
    memory = null;
    if (persistent) {
      try { storage.removeItem(key); } catch { persistent = false; }
    }
    return emptyState();
  }

  return {
    key,
    get persistent() { return persistent; },
    load, save, reset,
  };
}
