// The learner's exercise code between visits: kept for the page's life (leaving the step and
// coming back keeps it) and, where the browser allows, in localStorage so a reload keeps it too.
// Only the text is stored, under one key; nothing is sent anywhere. If storage is blocked or full,
// the draft simply lives in memory.
const KEY = 'attention-lesson:exercise-draft';
let inMemory = null;

function storage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // access itself can throw (blocked third-party storage)
  }
}

/** The saved draft, or null. */
export function loadDraft() {
  if (inMemory !== null) return inMemory;
  try {
    const saved = storage()?.getItem(KEY);
    return typeof saved === 'string' ? saved : null;
  } catch {
    return null;
  }
}

/** Keeps `text` as the draft; null forgets it. */
export function saveDraft(text) {
  inMemory = text;
  try {
    if (text === null) storage()?.removeItem(KEY);
    else storage()?.setItem(KEY, text);
  } catch {
    // quota or blocked storage: the in-memory copy is enough for this visit
  }
}
