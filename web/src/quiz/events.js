// events.js — builds the xAPI-shaped result statements the quiz reports, dispatches them as
// bubbling, composed CustomEvents ('lesson-answered', 'lesson-completed') on a given element and,
// when the page is framed and the embedding author configured a target origin, posts them to the
// parent window. Never posts to '*'; no configured origin → no postMessage at all.

export const LESSON_IRI = 'urn:attention-lesson:lesson';
export const VERBS = Object.freeze({
  answered: Object.freeze({ id: 'http://adlnet.gov/expapi/verbs/answered', display: Object.freeze({ 'en-US': 'answered' }) }),
  completed: Object.freeze({ id: 'http://adlnet.gov/expapi/verbs/completed', display: Object.freeze({ 'en-US': 'completed' }) }),
});
export const EVENT_NAMES = Object.freeze({ answered: 'lesson-answered', completed: 'lesson-completed' });
export const MESSAGE_TYPES = Object.freeze({ answered: 'attention-lesson:answered', completed: 'attention-lesson:completed' });
const INTERACTION = Object.freeze({ choice: 'choice', numeric: 'numeric', order: 'sequencing', cell: 'other' });
const EXT_STEP = 'urn:attention-lesson:extension:step';
const EXT_ATTEMPT = 'urn:attention-lesson:extension:attempt';

/** Stable IRI of a question. */
export function questionIri(id) {
  return `urn:attention-lesson:question:${encodeURIComponent(id)}`;
}

/** Milliseconds → ISO 8601 duration, e.g. 12300 → 'PT12.3S', 75000 → 'PT1M15S'. */
export function formatDuration(ms) {
  const tenths = Math.max(0, Math.round((Number.isFinite(ms) ? ms : 0) / 100));
  const h = Math.floor(tenths / 36000);
  const m = Math.floor((tenths % 36000) / 600);
  const s = (tenths % 600) / 10;
  let out = 'PT';
  if (h) out += `${h}H`;
  if (m) out += `${m}M`;
  if (s || (!h && !m)) out += `${s}S`;
  return out;
}

/** ISO 8601 duration (the forms formatDuration writes: PT#H#M#S) → milliseconds; 0 if unreadable. */
export function parseDuration(text) {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(typeof text === 'string' ? text : '');
  if (!m) return 0;
  return Math.round(((Number(m[1] || 0) * 60 + Number(m[2] || 0)) * 60 + Number(m[3] || 0)) * 1000);
}

/** A learner's response as the xAPI response string for its interaction type. */
export function formatResponse(question, response) {
  if (response === null || response === undefined) return '';
  if (question.kind === 'order' && Array.isArray(response)) return response.join('[,]');
  if (question.kind === 'cell' && typeof response === 'object') return `${response.row}[.]${response.col}`;
  return String(response);
}

function round4(v) { return Math.round(v * 10000) / 10000; }

function scoreOf(raw, max) {
  const r = round4(raw);
  return { raw: r, min: 0, max, scaled: max ? r / max : 0 };
}

/** Statement for one answer. */
export function buildAnsweredStatement({ question, response, score, correct, durationMs, timestamp, actor, attempt }) {
  const st = {
    verb: VERBS.answered,
    object: {
      objectType: 'Activity',
      id: questionIri(question.id),
      definition: {
        type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
        name: { 'en-US': question.prompt },
        interactionType: INTERACTION[question.kind] || 'other',
      },
    },
    result: {
      score: scoreOf(score, 1),
      success: Boolean(correct),
      response: formatResponse(question, response),
      duration: formatDuration(durationMs),
    },
    context: {
      contextActivities: { parent: [{ objectType: 'Activity', id: LESSON_IRI }] },
      extensions: { [EXT_STEP]: question.stepId, ...(attempt ? { [EXT_ATTEMPT]: attempt } : {}) },
    },
    timestamp: timestamp || new Date().toISOString(),
  };
  if (actor) st.actor = actor;
  return st;
}

/** Statement for completing the quiz. success = scaled ≥ masteryScore. */
export function buildCompletedStatement({ raw, max, durationMs, timestamp, actor, masteryScore = 0.8 }) {
  const score = scoreOf(raw, max);
  const st = {
    verb: VERBS.completed,
    object: {
      objectType: 'Activity',
      id: LESSON_IRI,
      definition: {
        type: 'http://adlnet.gov/expapi/activities/lesson',
        name: { 'en-US': 'Transformer self-attention: guided quiz' },
      },
    },
    result: {
      score,
      success: score.scaled >= masteryScore,
      completion: true,
      response: `${score.raw} of ${max}`,
      duration: formatDuration(durationMs),
    },
    timestamp: timestamp || new Date().toISOString(),
  };
  if (actor) st.actor = actor;
  return st;
}

/** True for an explicit origin like 'https://lms.example.org' (never '*', never a path). */
export function isValidTargetOrigin(origin) {
  if (typeof origin !== 'string' || origin === '*' || origin === '') return false;
  try {
    const u = new URL(origin);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === origin;
  } catch {
    return false;
  }
}

/**
 * createEmitter({ targetOrigin, win }) → { emit(kind, statement, element), notice }
 * kind: 'answered' | 'completed'. `win` defaults to element.ownerDocument.defaultView.
 * `notice` is a sentence when targetOrigin was given but unusable (e.g. '*').
 */
export function createEmitter({ targetOrigin, win } = {}) {
  const originOk = isValidTargetOrigin(targetOrigin);
  const notice = targetOrigin != null && targetOrigin !== '' && !originOk
    ? `The quiz will not send results to the embedding page: "${String(targetOrigin)}" is not an exact origin such as https://example.org (and "*" is never used).`
    : null;

  function emit(kind, statement, element) {
    const view = win || (element && element.ownerDocument && element.ownerDocument.defaultView) || null;
    if (element && typeof element.dispatchEvent === 'function') {
      const Ctor = (view && view.CustomEvent) || globalThis.CustomEvent;
      element.dispatchEvent(new Ctor(EVENT_NAMES[kind], { detail: statement, bubbles: true, composed: true }));
    }
    let posted = false;
    if (originOk && view && view.parent && view.parent !== view && typeof view.parent.postMessage === 'function') {
      try {
        view.parent.postMessage({ type: MESSAGE_TYPES[kind], statement }, targetOrigin);
        posted = true;
      } catch {
        posted = false; // a cross-origin parent mismatch must never break the lesson
      }
    }
    return { posted };
  }

  return { emit, notice, postsToParent: originOk };
}
