// lms-progress.js — a storage backend that keeps quiz progress in the LMS (cmi.suspend_data),
// plugged into the quiz through storage.js's interfaces: a Storage-like object (getItem, setItem,
// removeItem; createQuiz({ storage })) that reads at once for the first paint, and the same data
// as a durable backend (`.durable`: { name: 'scorm', read, write, remove }, promises;
// createQuiz({ durable })) whose write resolves only once the LMS accepted and committed it. The
// quiz's own key holds the JSON that storage.js reads and writes; here it is turned into the
// compact text of suspend-data.js and committed, so progress follows the learner to any browser
// (and no other learner's progress kept in this browser can mix in). Other keys (storage.js's
// probe) live in memory. Not for reporting scores or interactions (scorm.js does that).

import { encodeSuspendData, decodeSuspendData, SCORM12_LIMIT } from './suspend-data.js';

const LIMITS = { '1.2': SCORM12_LIMIT, 2004: 64000 };

/**
 * createLmsStorage({ lms, questions, resume, feedbackFor, onProblem }) → Storage-like object.
 * lms: a wrapApi() object; resume: false when the LMS said the attempt starts afresh (ab-initio),
 * so stored data is ignored; onProblem(sentence) hears everything the learner should know.
 */
export function createLmsStorage({ lms, questions, resume = true, feedbackFor, onProblem = () => {} }) {
  const memory = new Map();
  const limit = LIMITS[lms.version] ?? SCORM12_LIMIT;
  let initial = null;
  if (resume) {
    const text = lms.get('cmi.suspend_data', { quiet: [403] });
    const { state, problem } = decodeSuspendData(text, questions, { feedbackFor });
    if (problem) onProblem(problem);
    initial = state ? JSON.stringify(state) : null;
  }
  let last = null; // the text the LMS last accepted, so an unchanged state is not sent again

  const isQuizKey = (key) => key.startsWith('attention-lesson.quiz.') && !key.endsWith('.probe');

  // Writes the state to the LMS; returns null when it was accepted, else the reason in words.
  function write(value) {
    let state;
    try { state = JSON.parse(value); } catch { return 'the progress to save was not readable'; }
    const text = encodeSuspendData(state, questions);
    if (text === last) return null;
    if (text.length > limit) {
      const why = `Your progress is too long for your course system to keep (${text.length} characters, at most ${limit}); it is kept in this page until you close it.`;
      onProblem(why);
      return why;
    }
    if (!lms.set('cmi.suspend_data', text) || !lms.commit()) return 'your course system did not accept the progress (the reason is shown above the lesson)';
    last = text;
    return null;
  }

  const durable = {
    name: 'scorm',
    read: async (key) => (isQuizKey(key) ? (memory.get(key) ?? initial) : null),
    async write(key, text) {
      if (!isQuizKey(key)) return;
      memory.set(key, String(text));
      const problem = write(text);
      if (problem) throw new Error(problem);
    },
    async remove(key) { storage.removeItem(key); },
  };

  const storage = {
    durable,
    getItem(key) {
      if (!isQuizKey(key)) return memory.has(key) ? memory.get(key) : null;
      return memory.has(key) ? memory.get(key) : initial;
    },
    setItem(key, value) {
      memory.set(key, String(value));
      if (isQuizKey(key)) write(value);
    },
    removeItem(key) {
      memory.delete(key);
      if (!isQuizKey(key)) return;
      initial = null;
      last = '';
      if (lms.set('cmi.suspend_data', '')) lms.commit();
    },
  };
  return storage;
}
