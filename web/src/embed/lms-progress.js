// lms-progress.js — a storage backend that keeps quiz progress in the LMS (cmi.suspend_data),
// plugged into the quiz through storage.js's interface: a Storage-like object (getItem, setItem,
// removeItem) handed to createQuiz({ storage }). The quiz's own key holds the JSON that storage.js
// reads and writes; here it is turned into the compact text of suspend-data.js and committed, so
// progress follows the learner to any browser. Other keys (storage.js's probe) live in memory.
// Not for reporting scores or interactions (scorm.js does that).

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
  let last = null; // the text last written, so an unchanged state is not sent again

  const isQuizKey = (key) => key.startsWith('attention-lesson.quiz.') && !key.endsWith('.probe');

  return {
    getItem(key) {
      if (!isQuizKey(key)) return memory.has(key) ? memory.get(key) : null;
      return memory.has(key) ? memory.get(key) : initial;
    },
    setItem(key, value) {
      memory.set(key, String(value));
      if (!isQuizKey(key)) return;
      let state;
      try { state = JSON.parse(value); } catch { return; }
      const text = encodeSuspendData(state, questions);
      if (text === last) return;
      if (text.length > limit) {
        onProblem(`Your progress is too long for your course system to keep (${text.length} characters, at most ${limit}); it is kept in this page until you close it.`);
        return;
      }
      last = text;
      if (lms.set('cmi.suspend_data', text)) lms.commit();
    },
    removeItem(key) {
      memory.delete(key);
      if (!isQuizKey(key)) return;
      initial = null;
      last = '';
      if (lms.set('cmi.suspend_data', '')) lms.commit();
    },
  };
}
