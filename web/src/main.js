// Entry point of the standalone page (web/index.html): mounts one lesson that owns the URL hash.
import { mountLesson } from './lesson.js';
import { createQuiz } from './quiz/quiz.js';

const host = document.getElementById('lesson');
mountLesson(host, { hash: true, quiz: { createQuiz, options: { namespace: 'page' } } }).then((lesson) => {
  host.dataset.ready = 'true';
  window.attentionLesson = lesson; // for the browser tests and the curious
}).catch((err) => {
  host.dataset.ready = 'error';
  console.error(err);
});
