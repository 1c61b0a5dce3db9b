// Reads an embedding's options (the element's attributes or the iframe page's URL parameters)
// into mountLesson options. Everything arrives as text; anything unknown or out of range is
// dropped and explained in `problems` (shown to the author in the console), never thrown.
// The sentence stays plain text: it is only ever given to scenes as data, never parsed as HTML.
import { SCENES } from '../steps/index.js';
import { QUESTIONS } from '../quiz/questions.js';
import { parseActor, isValidBase } from '../quiz/events.js';
import { isValidEndpoint } from './lrs.js';

export const STEP_IDS = SCENES.map((s) => s.id);
/** Parts of the lesson frame an embedding may hide. 'nav' and 'table' (the show-as-tables switch) are handled by mountLesson, the rest by CSS. */
export const HIDEABLE = ['nav', 'table', 'progress', 'footer', 'title', 'objective', 'text', 'try', 'takeaway'];
export const MAX_SENTENCE = 500;
export const MAX_HEADS = 8;

const list = (text) => String(text ?? '').split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);

/**
 * get(name) → string | null for: steps, step, sentence, heads, hide, quiz, and the xAPI settings
 * actor, activity-base, lrs-endpoint, lrs-auth.
 * Returns { steps, step, sentence, heads, hide, quiz: boolean, xapi: { actor, activityBase, lrs },
 * problems: string[] }.
 */
export function readOptions(get) {
  const problems = [];
  const out = { steps: null, step: null, sentence: null, heads: null, hide: [], quiz: true, xapi: readXapi(get, problems), problems };

  const steps = list(get('steps'));
  if (steps.length) {
    const known = steps.filter((id) => STEP_IDS.includes(id));
    const unknown = steps.filter((id) => !STEP_IDS.includes(id));
    if (unknown.length) problems.push(`Unknown step${unknown.length > 1 ? 's' : ''} ${unknown.map((s) => `"${s.slice(0, 40)}"`).join(', ')} left out (known: ${STEP_IDS.join(', ')}).`);
    if (known.length) out.steps = STEP_IDS.filter((id) => known.includes(id)); // lesson order
    else problems.push('None of the requested steps exist, so the whole lesson is shown.');
  }

  const step = (get('step') ?? '').trim();
  if (step) {
    const within = out.steps ?? STEP_IDS;
    if (within.includes(step)) out.step = step;
    else problems.push(`The starting step "${step.slice(0, 40)}" is not among the steps shown; starting at the first one.`);
  }

  const sentence = get('sentence');
  if (sentence != null && sentence.trim()) {
    const clean = sentence.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
    if (clean.length > MAX_SENTENCE) problems.push(`The sentence was cut to ${MAX_SENTENCE} characters.`);
    out.sentence = clean.slice(0, MAX_SENTENCE);
  }

  const heads = get('heads');
  if (heads != null && heads.trim()) {
    const h = Number(heads);
    if (Number.isInteger(h) && h >= 1 && h <= MAX_HEADS) out.heads = h;
    else problems.push(`heads must be a whole number from 1 to ${MAX_HEADS}; "${heads.slice(0, 20)}" was ignored.`);
  }

  for (const part of list(get('hide'))) {
    if (part === 'quiz') out.quiz = false;
    else if (HIDEABLE.includes(part)) { if (!out.hide.includes(part)) out.hide.push(part); }
    else problems.push(`hide: "${part.slice(0, 20)}" is not something that can be hidden (use ${HIDEABLE.join(', ')}, quiz).`);
  }

  const quiz = get('quiz');
  if (quiz != null) {
    const q = quiz.trim().toLowerCase();
    if (['off', 'false', '0', 'no'].includes(q)) out.quiz = false;
    else if (!['', 'on', 'true', '1', 'yes'].includes(q)) problems.push(`quiz must be "on" or "off"; "${quiz.slice(0, 20)}" was read as on.`);
  }
  return out;
}

/** The xAPI settings: who the learner is, the activity ids' base, where statements go. */
function readXapi(get, problems) {
  const out = { actor: null, activityBase: undefined, lrs: null };
  const actor = parseActor(get('actor'));
  if (actor.problem) problems.push(actor.problem);
  out.actor = actor.actor;
  const base = (get('activity-base') ?? '').trim();
  if (base) {
    if (isValidBase(base)) out.activityBase = base;
    else problems.push(`activity-base must be an absolute IRI such as https://lms.example.org/xapi/attention; "${base.slice(0, 80)}" was ignored.`);
  }
  const endpoint = (get('lrs-endpoint') ?? '').trim();
  if (endpoint) {
    if (isValidEndpoint(endpoint)) out.lrs = { endpoint, auth: (get('lrs-auth') ?? '').trim() || null };
    else problems.push(`lrs-endpoint must be an https:// address without a query (http only on localhost); "${endpoint.slice(0, 80)}" was ignored, so no statements are sent.`);
  }
  return out;
}

/** The quiz's xAPI options (createQuiz) from readOptions' result and the embedding's quiz id. */
export function xapiQuizOptions(read, quizId) {
  return { quizId, ...(read.xapi.actor ? { actor: read.xapi.actor } : {}), ...(read.xapi.activityBase ? { activityBase: read.xapi.activityBase } : {}) };
}

/** The questions of the steps shown (the whole bank when every step is shown). */
export function questionsFor(steps) {
  return steps ? QUESTIONS.filter((q) => steps.includes(q.stepId)) : QUESTIONS;
}

/**
 * mountLesson options from readOptions' result. quizOptions are passed to createQuiz (e.g.
 * namespace, targetOrigin); the quiz covers only the questions of the steps shown, so that a
 * one-step embedding completes when its own questions are answered.
 */
export function lessonOptions(read, { createQuiz, quizOptions = {}, engine } = {}) {
  const o = { hide: read.hide, engine };
  if (read.steps) o.steps = read.steps;
  if (read.step) o.step = read.step;
  if (read.sentence) o.sentence = read.sentence;
  if (read.heads) o.heads = read.heads;
  o.quiz = read.quiz && createQuiz ? { createQuiz, options: { questions: questionsFor(read.steps), ...quizOptions } } : null;
  return o;
}
