// SCORM 1.2 reporting for the packaged lesson (npm run package:scorm): finds the LMS's API object
// (window.API in this window, a parent or the opener), starts the session, and reports the quiz:
// score (0–100, the share of points) after every answer, lesson_status 'incomplete' while
// learning, 'passed' or 'failed' (against the LMS's mastery score, else 80 %) when every question
// is answered, session time at the end. Without an LMS it does nothing and the lesson works as usual.

/** The SCORM 1.2 API object, or null. Stops at windows of another origin. */
export function findApi(win) {
  const search = (start) => {
    let w = start;
    for (let i = 0; w && i < 12; i++) {
      try {
        if (w.API && typeof w.API.LMSInitialize === 'function') return w.API;
      } catch {
        return null; // another origin: its API is not ours to use
      }
      if (!w.parent || w.parent === w) break;
      w = w.parent;
    }
    return null;
  };
  let opener = null;
  try { opener = win.opener; } catch { /* cross-origin opener */ }
  return search(win) ?? (opener ? search(opener) : null);
}

/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS */
export function timespan(ms) {
  const s = Math.max(0, ms) / 1000;
  const hh = String(Math.floor(s / 3600)).padStart(4, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = (s % 60).toFixed(2).padStart(5, '0');
  return `${hh}:${mm}:${ss}`;
}

/**
 * connectScorm(win, { api, now }) → { connected, masteryScore (0..1 | null), attach(quiz), finish() }
 */
export function connectScorm(win, { api = findApi(win), now = () => Date.now() } = {}) {
  const off = { connected: false, masteryScore: null, attach() {}, finish() {} };
  if (!api) return off;
  const call = (name, ...args) => {
    try { return String(api[name](...args)); } catch { return 'false'; }
  };
  if (call('LMSInitialize', '') !== 'true') return off;
  const started = now();
  const status = call('LMSGetValue', 'cmi.core.lesson_status');
  if (!status || status === 'not attempted' || status === 'false') call('LMSSetValue', 'cmi.core.lesson_status', 'incomplete');
  const mastery = Number.parseFloat(call('LMSGetValue', 'cmi.student_data.mastery_score'));
  const masteryScore = Number.isFinite(mastery) && mastery > 0 && mastery <= 100 ? mastery / 100 : null;
  let finished = false;

  function score(progress) {
    call('LMSSetValue', 'cmi.core.score.min', '0');
    call('LMSSetValue', 'cmi.core.score.max', '100');
    call('LMSSetValue', 'cmi.core.score.raw', String(Math.round(progress.scaled * 10000) / 100));
  }

  function attach(quiz) {
    if (!quiz) return;
    if (quiz.progress().answered > 0) score(quiz.progress());
    quiz.on('answered', () => {
      score(quiz.progress());
      call('LMSCommit', '');
    });
    quiz.on('completed', (statement) => {
      score(quiz.progress());
      call('LMSSetValue', 'cmi.core.lesson_status', statement?.result?.success ? 'passed' : 'failed');
      call('LMSCommit', '');
    });
  }

  function finish() {
    if (finished) return;
    finished = true;
    call('LMSSetValue', 'cmi.core.session_time', timespan(now() - started));
    const st = call('LMSGetValue', 'cmi.core.lesson_status');
    call('LMSSetValue', 'cmi.core.exit', st === 'incomplete' ? 'suspend' : '');
    call('LMSCommit', '');
    call('LMSFinish', '');
  }
  win.addEventListener('pagehide', finish);
  win.addEventListener('beforeunload', finish);
  return { connected: true, masteryScore, attach, finish };
}
