// The page inside the SCORM 1.2 package (npm run package:scorm): the whole lesson as in the
// single-file build, reporting the quiz to the LMS through scorm.js.
import { mountLesson } from '../lesson.js';
import { createQuiz } from '../quiz/quiz.js';
import { sharedEngine } from './assets.js';
import { connectScorm } from './scorm.js';

const host = document.getElementById('lesson');
const scorm = connectScorm(window);
const quizOptions = { namespace: 'scorm', ...(scorm.masteryScore ? { masteryScore: scorm.masteryScore } : {}) };
mountLesson(host, { hash: true, engine: sharedEngine(), quiz: { createQuiz, options: quizOptions } }).then((lesson) => {
  scorm.attach(lesson.quiz);
  host.dataset.ready = 'true';
  host.dataset.scorm = scorm.connected ? 'connected' : 'none';
  window.attentionLesson = lesson;
}).catch((err) => {
  host.dataset.ready = 'error';
  console.error(err);
});
