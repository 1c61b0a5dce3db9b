// scorm.js — what the packaged lesson (npm run package:scorm) tells an LMS, for SCORM 1.2 and SCORM
// 2004 4th edition alike (scorm-api.js hides the differences):
// - resume: quiz progress from cmi.suspend_data (lms-progress.js) and the step from cmi.location
//   (1.2: cmi.core.lesson_location), unless cmi.entry says the attempt starts afresh (ab-initio);
// - the score after every answer (1.2: score.raw 0–100; 2004: score.scaled 0–1 and raw), never
//   lower than what the LMS already holds, and a status that never goes back (passed stays passed);
// - one cmi.interactions.n record per answer (scorm-interactions.js);
// - session time and exit 'suspend' at the end, so the LMS keeps the attempt for the next launch;
// - every refused call reported in words (onNotice, and console.warn);
// - who the learner is: cmi.learner_id / learner_name (1.2: cmi.core.student_id / student_name)
//   become the xAPI actor of the quiz's statements (learnerActor), an account on the LMS's origin.
// Without an LMS it does nothing and the lesson works as usual.

import { QUESTIONS } from '../quiz/questions.js';
import { check } from '../quiz/scoring.js';
import { parseDuration } from '../quiz/events.js';
import { findApi, wrapApi } from './scorm-api.js';
import { createLmsStorage } from './lms-progress.js';
import { interactionRecord, timespan, timeInterval } from './scorm-interactions.js';

export { findApi, timespan };

const round2 = (v) => Math.round(v * 10000) / 100; // 0..1 → 0..100 with two decimals

// The sentence shown with a restored answer: scoring.js's own feedback where the answer does not
// depend on the learner's scene, else a short summary.
function restoredFeedback(q, response, entry) {
  if (entry.revealed && entry.attempts === 0) return '';
  if (!q.compute) {
    try { return check(q, response).feedback; } catch { /* fall through */ }
  }
  if (entry.correct) return 'correct.';
  return entry.score > 0 ? `partly right (score ${Math.round(entry.score * 100)} %).` : 'not right.';
}

// The quiz's stored response, back from an xAPI statement's response text (quiz/events.js).
function responseOf(q, text) {
  if (text === '' || text == null) return null;
  if (q.kind === 'order') return text.split('[,]');
  if (q.kind === 'cell') {
    const [row, col] = text.split('[.]').map(Number);
    return { row, col };
  }
  return text;
}

/**
 * The xAPI Agent for the LMS's learner: { objectType: 'Agent', account: { homePage, name: id },
 * name? }, with homePage the origin the LMS serves the package from. null when the LMS gives no
 * id or the page has no http(s) origin (then the statements stay anonymous, as outside an LMS).
 */
export function learnerActor(id, name, origin) {
  const who = typeof id === 'string' ? id.trim() : '';
  if (!who || typeof origin !== 'string' || !/^https?:\/\/[^/]+$/.test(origin)) return null;
  const actor = { objectType: 'Agent', account: { homePage: origin, name: who.slice(0, 255) } };
  const shown = typeof name === 'string' ? name.trim() : '';
  if (shown) actor.name = shown.slice(0, 200);
  return actor;
}

/**
 * connectScorm(win, { api, now, questions, onNotice }) →
 *   { connected, version, masteryScore (0..1 | null), storage, location, resumed, errors, actor,
 *     attach(quiz), trackLocation(getStep), finish() }
 */
export function connectScorm(win, { api = findApi(win), now = () => Date.now(), questions = QUESTIONS, onNotice = () => {} } = {}) {
  const off = { connected: false, version: null, masteryScore: null, storage: undefined, location: '', resumed: false, errors: [], actor: null, attach() {}, trackLocation() {}, finish() {} };
  if (!api) return off;
  const tell = (sentence) => {
    try { onNotice(sentence); } catch { /* ignore */ }
  };
  const lms = wrapApi(api, { onError: (e) => { win.console?.warn?.(e.sentence); tell(e.sentence); } });
  if (!lms.initialize()) return { ...off, errors: lms.errors };
  const v12 = lms.version === '1.2';
  const started = now();

  const entry = lms.get('cmi.entry');
  const resumed = entry !== 'ab-initio';
  const location = resumed ? lms.get('cmi.location', { quiet: [403] }) : '';

  // What the LMS holds already, so nothing is lowered.
  const storedScore = v12
    ? Number.parseFloat(lms.get('cmi.score.raw')) / 100
    : Number.parseFloat(lms.get('cmi.score.scaled', { quiet: [403] }));
  let best = Number.isFinite(storedScore) ? storedScore : null;
  let status = v12 ? lms.get('cmi.core.lesson_status') : lms.get('cmi.completion_status');
  let success = v12 ? null : lms.get('cmi.success_status');
  let progressMeasure = v12 ? null : Number.parseFloat(lms.get('cmi.progress_measure', { quiet: [403] }));
  if (!status || status === 'not attempted' || status === 'unknown') {
    status = 'incomplete';
    lms.set(v12 ? 'cmi.core.lesson_status' : 'cmi.completion_status', status);
  }
  const mastery = v12
    ? Number.parseFloat(lms.get('cmi.student_data.mastery_score', { quiet: [401] })) / 100
    : Number.parseFloat(lms.get('cmi.scaled_passing_score', { quiet: [403] }));
  const masteryScore = Number.isFinite(mastery) && mastery > 0 && mastery <= 1 ? mastery : null;
  const passMark = masteryScore ?? 0.8;

  const actor = learnerActor(
    lms.get('cmi.learner_id', { quiet: [401, 403] }),
    lms.get('cmi.learner_name', { quiet: [401, 403] }),
    win.location?.origin,
  );

  const storage = createLmsStorage({ lms, questions, resume: resumed, feedbackFor: restoredFeedback, onProblem: tell });
  const byId = new Map(questions.map((q) => [q.id, q]));
  let count = Number.parseInt(lms.get('cmi.interactions._count', { quiet: [401] }), 10);
  if (!Number.isFinite(count)) count = 0;
  let finished = false;
  let lastLocation = location;

  function report(progress) {
    const scaled = progress.scaled;
    if (best === null || scaled > best) {
      best = scaled;
      if (v12) {
        lms.set('cmi.score.min', '0');
        lms.set('cmi.score.max', '100');
        lms.set('cmi.score.raw', String(round2(best)));
      } else {
        lms.set('cmi.score.scaled', String(Math.round(best * 10000) / 10000));
        lms.set('cmi.score.min', '0');
        lms.set('cmi.score.max', '100');
        lms.set('cmi.score.raw', String(round2(best)));
      }
    }
    const done = progress.total > 0 && progress.answered >= progress.total;
    const passed = best >= passMark;
    if (v12) {
      // 1.2 has one status: incomplete → passed / failed; failed → passed; passed is final.
      const next = done ? (passed ? 'passed' : 'failed') : status;
      if (next !== status && status !== 'passed' && status !== 'completed') {
        status = next;
        lms.set('cmi.core.lesson_status', status);
      }
    } else {
      const measure = progress.total ? Math.round((progress.answered / progress.total) * 1000) / 1000 : 0;
      if (!(measure <= progressMeasure)) {
        progressMeasure = measure;
        lms.set('cmi.progress_measure', String(measure));
      }
      if (done && status !== 'completed') {
        status = 'completed';
        lms.set('cmi.completion_status', status);
      }
      const nextSuccess = done ? (passed ? 'passed' : 'failed') : success;
      if (nextSuccess && nextSuccess !== success && success !== 'passed') {
        success = nextSuccess;
        lms.set('cmi.success_status', success);
      }
    }
  }

  function record({ statement, questionId }) {
    const q = byId.get(questionId);
    if (!q || !statement?.result) return;
    const r = statement.result;
    const revealed = r.response === '' && r.score?.raw === 0 && !r.success;
    const answer = {
      response: responseOf(q, r.response), correct: Boolean(r.success),
      score: r.score?.raw ?? 0, revealed, attempts: revealed ? 0 : 1,
    };
    for (const [el, value] of interactionRecord({
      version: lms.version, question: q, entry: answer, n: count,
      latencyMs: parseDuration(r.duration), at: new Date(now()),
    })) lms.set(el, value);
    count += 1;
  }

  function attach(quiz) {
    if (!quiz) return;
    const progress = quiz.progress();
    if (progress.answered > 0) { report(progress); lms.commit(); }
    quiz.on('answered', (payload) => {
      record(payload);
      report(quiz.progress());
      lms.commit();
    });
  }

  function saveLocation(step) {
    if (!step || step === lastLocation) return false;
    lastLocation = step;
    return lms.set('cmi.location', String(step).slice(0, 255));
  }

  function trackLocation(getStep) {
    const tick = () => {
      if (finished) return;
      let step = null;
      try { step = getStep(); } catch { /* the lesson is gone */ }
      if (saveLocation(step)) lms.commit();
    };
    const timer = win.setInterval(tick, 1000);
    win.addEventListener('pagehide', () => win.clearInterval(timer));
    trackLocation.tick = tick;
  }

  function finish() {
    if (finished) return;
    trackLocation.tick?.();
    finished = true;
    const ms = now() - started;
    lms.set('cmi.session_time', v12 ? timespan(ms) : timeInterval(ms));
    // 'suspend' keeps this attempt (suspend_data, location) for the next launch, also after the
    // quiz is complete, so a learner can come back and review.
    lms.set('cmi.exit', 'suspend');
    lms.commit();
    lms.finish();
  }
  win.addEventListener('pagehide', finish);
  win.addEventListener('beforeunload', finish);
  return {
    connected: true, version: lms.version, masteryScore, storage, location, resumed, errors: lms.errors,
    actor, attach, trackLocation, finish,
  };
}
