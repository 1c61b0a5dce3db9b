// Entry point of the standalone page (web/index.html, and the single-file build): mounts one
// lesson that owns the URL hash. The engine comes from embed/assets.js, which knows the built
// (hashed) wasm names and the inlined wasm of the single-file build.
import { mountLesson } from './lesson.js';
import { createQuiz } from './quiz/quiz.js';
import { sharedEngine } from './embed/assets.js';

const host = document.getElementById('lesson');
mountLesson(host, { hash: true, engine: sharedEngine(), quiz: { createQuiz, options: { namespace: 'page' } } }).then((lesson) => {
  host.dataset.ready = 'true';
  window.attentionLesson = lesson; // for the browser tests and the curious
}).catch((err) => {
  host.dataset.ready = 'error';
  console.error(err);
});
