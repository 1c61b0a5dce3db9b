// events.js — builds the xAPI statements the quiz reports, dispatches them as bubbling, composed
// CustomEvents ('lesson-answered', 'lesson-completed') on a given element and, when the page is
// framed and the embedding author configured a target origin, posts them to the parent window.
// Never posts to '*'; no configured origin → no postMessage at all.
// Statements are complete for an LRS (they pass Learning Locker's validator in the tests): an
// actor (the configured one, else an anonymous account), activity ids from a base IRI plus the
// embedding's quiz id, interaction definitions with choices and, for fixed answers, the
// correct-response pattern, a statement id and a timestamp.

import { answerOf } from './answer-key.js';
import { decimalText, parseAnswer } from '../lib/format.js';
import { describeTables } from './live.js';

export const DEFAULT_BASE = 'urn:attention-lesson';
export const LESSON_IRI = `${DEFAULT_BASE}:lesson`;
export const VERBS = Object.freeze({
  answered: Object.freeze({ id: 'http://adlnet.gov/expapi/verbs/answered', display: Object.freeze({ 'en-US': 'answered' }) }),
  completed: Object.freeze({ id: 'http://adlnet.gov/expapi/verbs/completed', display: Object.freeze({ 'en-US': 'completed' }) }),
});
export const EVENT_NAMES = Object.freeze({ answered: 'lesson-answered', completed: 'lesson-completed' });
export const MESSAGE_TYPES = Object.freeze({ answered: 'attention-lesson:answered', completed: 'attention-lesson:completed' });
const INTERACTION = Object.freeze({ choice: 'choice', numeric: 'numeric', order: 'sequencing', cell: 'other' });
const EXT_STEP = 'urn:attention-lesson:extension:step';
const EXT_ATTEMPT = 'urn:attention-lesson:extension:attempt';
const EXT_QUESTIONS = 'urn:attention-lesson:extension:questions';
// The seed of the variant answered: with the bank's version it rebuilds the question's numbers,
// options order and right answer (variants.js instantiate).
const EXT_VARIANT = 'urn:attention-lesson:extension:variant';

// Joins IRI parts: '/' after an http(s) base or one ending in '/' or '#', else ':' (a URN).
function iriJoin(base, ...parts) {
  const b = String(base || DEFAULT_BASE);
  const slash = /^https?:/i.test(b) || /[/#]$/.test(b);
  const sep = slash ? '/' : ':';
  const head = slash ? b.replace(/\/+$/, '') : b.replace(/:+$/, '');
  return [head, ...parts.map((p) => encodeURIComponent(String(p)))].join(sep);
}

/** True for an absolute IRI usable as a base (a scheme, then no spaces or quotes). */
export function isValidBase(base) {
  return typeof base === 'string' && base.length <= 300 && /^[a-z][a-z0-9+.-]*:[^\s"<>\\^`{|}]+$/i.test(base);
}

/** The activity id of the quiz of one embedding (the lesson's when no quiz id is given). */
export function quizIri(base = DEFAULT_BASE, quizId = null) {
  return quizId ? iriJoin(base, quizId) : iriJoin(base, 'lesson');
}

/** Stable IRI of a question (within one embedding's quiz when quizId is given). */
export function questionIri(id, base = DEFAULT_BASE, quizId = null) {
  return quizId ? iriJoin(base, quizId, 'question', id) : iriJoin(base, 'question', id);
}

let pageSession = null;
/** The actor when none is configured: an anonymous account, one per page load. */
export function anonymousActor() {
  pageSession ??= `anonymous-${newId().slice(0, 8)}`;
  return { objectType: 'Agent', account: { homePage: 'urn:attention-lesson:anonymous', name: pageSession } };
}

const MAILTO = /^mailto:[^@\s]+@[^@\s]+$/i;
/**
 * An author's actor setting → { actor, problem }. Accepts an xAPI Agent object (mbox,
 * mbox_sha1sum, openid or account), its JSON text, an e-mail address or a mailto: IRI.
 */
export function parseActor(value) {
  if (value == null || value === '') return { actor: null, problem: null };
  let v = value;
  if (typeof v === 'string') {
    const t = v.trim();
    if (t.startsWith('{')) {
      try { v = JSON.parse(t); } catch { return { actor: null, problem: 'actor is not valid JSON; statements stay anonymous.' }; }
    } else if (MAILTO.test(t)) return { actor: { objectType: 'Agent', mbox: t } };
    else if (MAILTO.test(`mailto:${t}`)) return { actor: { objectType: 'Agent', mbox: `mailto:${t}` } };
    else return { actor: null, problem: `actor "${t.slice(0, 60)}" is neither an e-mail address nor an xAPI Agent in JSON; statements stay anonymous.` };
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return { actor: null, problem: 'actor must be an xAPI Agent object; statements stay anonymous.' };
  const out = { objectType: 'Agent' };
  if (typeof v.name === 'string' && v.name.trim()) out.name = v.name.trim().slice(0, 200);
  if (typeof v.mbox === 'string' && MAILTO.test(v.mbox)) out.mbox = v.mbox;
  else if (typeof v.mbox_sha1sum === 'string' && /^[0-9a-f]{40}$/i.test(v.mbox_sha1sum)) out.mbox_sha1sum = v.mbox_sha1sum.toLowerCase();
  else if (typeof v.openid === 'string' && /^https?:\/\//.test(v.openid)) out.openid = v.openid;
  else if (v.account && typeof v.account.homePage === 'string' && /^https?:\/\//.test(v.account.homePage) && typeof v.account.name === 'string' && v.account.name) {
    out.account = { homePage: v.account.homePage, name: String(v.account.name).slice(0, 200) };
  } else {
    return { actor: null, problem: 'actor needs one of mbox (mailto:…), mbox_sha1sum, openid or account { homePage, name }; statements stay anonymous.' };
  }
  return { actor: out, problem: null };
}

function newId() {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const b = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(b);
  else for (let i = 0; i < 16; i += 1) b[i] = Math.floor(Math.random() * 256);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
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

/** A learner's response as the xAPI response string for its interaction type. A typed number is
 *  sent as the number the quiz read from it ("2,304" → "2304", "25%" → "0.25", "1/4" → "0.25"). */
export function formatResponse(question, response) {
  if (response === null || response === undefined) return '';
  if (question.kind === 'order' && Array.isArray(response)) return response.join('[,]');
  if (question.kind === 'cell' && typeof response === 'object') return `${response.row}[.]${response.col}`;
  if (question.kind === 'numeric') return decimalText(parseAnswer(response)) || String(response);
  return String(response);
}

const en = (text) => ({ 'en-US': String(text) });

/**
 * The full cmi.interaction definition of a question: type, choices, correct-response pattern.
 * The name is the question in general words, the same for every variant (an LRS keeps one
 * definition per activity id); the description is what this learner was asked: the variant's own
 * prompt and its input tables as text.
 */
export function interactionDefinition(question) {
  const tables = Array.isArray(question.inputs) && question.inputs.length ? ` ${describeTables(question.inputs)}.` : '';
  const def = {
    type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
    name: en(question.generalPrompt ?? question.prompt),
    description: en(`${question.prompt}${tables}`),
    interactionType: INTERACTION[question.kind] || 'other',
  };
  if (question.kind === 'choice') def.choices = question.options.map((o) => ({ id: o.id, description: en(o.text) }));
  if (question.kind === 'order') def.choices = question.items.map((it) => ({ id: it.id, description: en(it.text) }));
  // Only fixed answers have a pattern: a computed one depends on the variant's numbers (its seed is in the context).
  const key = question.compute ? undefined : answerOf(question);
  if (key !== undefined) {
    if (question.kind === 'numeric') {
      const tol = Number(question.tolerance) || 0;
      def.correctResponsesPattern = [tol ? `${decimalText(key - tol)}[:]${decimalText(key + tol)}` : decimalText(key)];
    } else {
      def.correctResponsesPattern = [formatResponse(question, key)];
    }
  }
  return def;
}

function round4(v) { return Math.round(v * 10000) / 10000; }

function scoreOf(raw, max) {
  const r = round4(raw);
  return { raw: r, min: 0, max, scaled: max ? r / max : 0 };
}

/**
 * Statement for one answer. activityBase (an absolute IRI) and quizId (the embedding's quiz id)
 * make the activity ids; actor defaults to an anonymous account.
 */
export function buildAnsweredStatement({ question, response, score, correct, durationMs, timestamp, actor, attempt, activityBase = DEFAULT_BASE, quizId = null }) {
  return {
    id: newId(),
    actor: actor || anonymousActor(),
    verb: VERBS.answered,
    object: { objectType: 'Activity', id: questionIri(question.id, activityBase, quizId), definition: interactionDefinition(question) },
    result: {
      score: scoreOf(score, 1),
      success: Boolean(correct),
      response: formatResponse(question, response),
      duration: formatDuration(durationMs),
    },
    context: {
      contextActivities: { parent: [{ objectType: 'Activity', id: quizIri(activityBase, quizId) }] },
      extensions: {
        [EXT_STEP]: question.stepId,
        ...(attempt ? { [EXT_ATTEMPT]: attempt } : {}),
        ...(Number.isInteger(question.variant) ? { [EXT_VARIANT]: question.variant } : {}),
      },
    },
    timestamp: timestamp || new Date().toISOString(),
  };
}

/** Statement for completing the quiz. success = scaled ≥ masteryScore. questions: its size. */
export function buildCompletedStatement({ raw, max, durationMs, timestamp, actor, masteryScore = 0.8, activityBase = DEFAULT_BASE, quizId = null, questions = null }) {
  const score = scoreOf(raw, max);
  const st = {
    id: newId(),
    actor: actor || anonymousActor(),
    verb: VERBS.completed,
    object: {
      objectType: 'Activity',
      id: quizIri(activityBase, quizId),
      definition: {
        type: 'http://adlnet.gov/expapi/activities/assessment',
        name: en('Transformer self-attention: guided quiz'),
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
  if (Number.isInteger(questions)) st.context = { extensions: { [EXT_QUESTIONS]: questions } };
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
 * createEmitter({ targetOrigin, win, frameId }) → { emit(kind, statement, element), notice }
 * Messages to the parent are { type, id: frameId (null when none), statement }.
 * kind: 'answered' | 'completed'. `win` defaults to element.ownerDocument.defaultView.
 * `notice` is a sentence when targetOrigin was given but unusable (e.g. '*').
 */
export function createEmitter({ targetOrigin, win, frameId = null } = {}) {
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
        view.parent.postMessage({ type: MESSAGE_TYPES[kind], id: frameId, statement }, targetOrigin);
        posted = true;
      } catch {
        posted = false; // a cross-origin parent mismatch must never break the lesson
      }
    }
    return { posted };
  }

  return { emit, notice, postsToParent: originOk };
}
