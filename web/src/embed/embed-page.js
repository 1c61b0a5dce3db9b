// embed.html: the lesson made to live in an iframe (Moodle, Canvas, any page). Options come from
// the URL (steps, step, sentence, heads, hide, quiz, title, origin, id, quiz-id, actor,
// activity-base, lrs-endpoint, lrs-auth, theme — see docs/EMBEDDING.md).
//
// Messages to the parent window, each with the frame's `id`:
//   { type: 'attention-lesson:ready', id, steps, step }       when the lesson is drawn
//   { type: 'attention-lesson:resize', id, height }           whenever the content height changes
//   '{"subject":"lti.frameResize","height":…}'                 the same, in Canvas's format
//   { type: 'attention-lesson:answered' | ':completed', id, statement }   quiz results (xAPI)
// Every message goes to `origin` only, and no message at all leaves the frame when it is missing or
// not an exact origin: even the height changes when a solution is shown, so posting it to any
// parent ('*') would tell every framing page when the learner answers.
// Messages accepted from the parent (only when `origin` is given, only from that origin and only
// from the parent window; everything else is ignored):
//   { type: 'attention-lesson:goto', step }      show that step (if it is one of the steps shown)
//   { type: 'attention-lesson:request-size' }    send the resize message again
import { mountLesson } from '../lesson.js';
import { createQuiz } from '../quiz/quiz.js';
import { isValidTargetOrigin } from '../quiz/events.js';
import { sharedEngine } from './assets.js';
import { lessonOptions, readOptions, xapiQuizOptions } from './options.js';
import { connectLrs } from './lrs.js';

export const MESSAGE = Object.freeze({
  ready: 'attention-lesson:ready',
  resize: 'attention-lesson:resize',
  goto: 'attention-lesson:goto',
  requestSize: 'attention-lesson:request-size',
});

const params = new URLSearchParams(location.search);
const read = readOptions((name) => params.get(name));
const origin = params.get('origin');
const originOk = isValidTargetOrigin(origin);
const frameId = (params.get('id') ?? '').replace(/[^\w.:-]/g, '').slice(0, 64) || null;
const framed = window.parent !== window;

const title = (params.get('title') ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, 200);
if (title) document.title = title; // text only
const heading = document.getElementById('lesson-heading');
if (heading && title) heading.textContent = title;

const host = document.getElementById('lesson');
const frame = document.getElementById('frame');
host.dataset.alHide = read.hide.join(' ');

const problems = [...read.problems];
// theme=dark|light forces the colour theme (web/src/page.css); default: the reader's system setting.
const theme = params.get('theme');
if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;
else if (theme) problems.push(`theme must be dark or light; "${theme.slice(0, 40)}" was ignored, so the lesson follows the reader's system setting.`);
if (origin && !originOk) problems.push(`origin must be an exact origin such as https://lms.example.org; "${origin.slice(0, 80)}" was ignored, so no messages (size, results) are sent.`);
for (const p of problems) console.warn(`embed.html: ${p}`);

function post(message) {
  if (!framed || !originOk) return;
  try {
    window.parent.postMessage(message, origin);
  } catch {
    // a parent at another origin than `origin`: nothing to do
  }
}

let lastHeight = -1;
function reportSize(force = false) {
  const height = Math.ceil(frame.getBoundingClientRect().height);
  if (!force && height === lastHeight) return;
  lastHeight = height;
  post({ type: MESSAGE.resize, id: frameId, height });
  post(JSON.stringify({ subject: 'lti.frameResize', height })); // Canvas LMS
}

const quizId = (params.get('quiz-id') ?? '').replace(/[^\w.~-]/g, '-').slice(0, 64) || frameId || `embed-${(read.steps ?? ['all']).join('-')}`;
const quizOptions = {
  namespace: `embed-${frameId ?? (read.steps ?? ['all']).join('-')}`, targetOrigin: originOk ? origin : undefined,
  frameId, ...xapiQuizOptions(read, quizId),
};
mountLesson(host, lessonOptions(read, { engine: sharedEngine(), createQuiz, quizOptions })).then((lesson) => {
  host.dataset.ready = 'true';
  window.attentionLesson = lesson; // for the browser tests and the curious
  connectLrs(lesson.quiz, read.xapi.lrs, { onProblem: (t) => console.warn(`embed.html: ${t}`) });
  new ResizeObserver(() => reportSize()).observe(frame);
  reportSize(true);
  post({ type: MESSAGE.ready, id: frameId, steps: read.steps, step: lesson.state().step });

  window.addEventListener('message', (event) => {
    if (!originOk || event.origin !== origin || event.source !== window.parent) return;
    const data = event.data;
    if (!data || typeof data !== 'object') return;
    if (data.type === MESSAGE.goto && typeof data.step === 'string') lesson.goTo(data.step);
    else if (data.type === MESSAGE.requestSize) reportSize(true);
  });
}).catch((err) => {
  host.dataset.ready = 'error';
  console.error(err);
  reportSize(true);
});
