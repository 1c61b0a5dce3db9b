// The page inside the SCORM packages (npm run package:scorm; the same page in the 1.2 and the 2004
// zip): the whole lesson as in the single-file build. With an LMS (scorm.js), quiz progress lives in
// the LMS (cmi.suspend_data) instead of this browser, the lesson reopens at the stored step, and
// problems the LMS reports are shown in words above the lesson. Without one it is just the lesson.
import { mountLesson } from '../lesson.js';
import { createQuiz } from '../quiz/quiz.js';
import { sharedEngine } from './assets.js';
import { connectScorm } from './scorm.js';

const host = document.getElementById('lesson');
const notices = document.createElement('p');
notices.className = 'al-notice al-scorm-notice';
notices.setAttribute('role', 'status');
notices.hidden = true;
host.before(notices);
const said = new Set();
function onNotice(sentence) {
  if (said.has(sentence) || said.size > 5) return; // a failing LMS must not flood the page
  said.add(sentence);
  notices.textContent = Array.from(said).join(' ');
  notices.hidden = false;
}

const scorm = connectScorm(window, { onNotice });
const quizOptions = {
  namespace: 'scorm',
  ...(scorm.masteryScore ? { masteryScore: scorm.masteryScore } : {}),
  // The LMS's learner (cmi.learner_id) is who the quiz's xAPI statements are about.
  ...(scorm.actor ? { actor: scorm.actor } : {}),
  // With an LMS, progress lives there only: read at once (storage) and confirmed by its commit
  // (durable); this browser's own stores are not used, so no one else's answers can mix in.
  ...(scorm.connected ? { storage: scorm.storage, durable: scorm.storage.durable } : {}),
};
mountLesson(host, {
  hash: true, engine: sharedEngine(), quiz: { createQuiz, options: quizOptions },
  ...(scorm.location ? { step: scorm.location } : {}),
}).then((lesson) => {
  scorm.attach(lesson.quiz);
  scorm.trackLocation(() => lesson.state().step);
  host.dataset.ready = 'true';
  host.dataset.scorm = scorm.connected ? `connected-${scorm.version}` : 'none';
  window.attentionLesson = lesson;
}).catch((err) => {
  host.dataset.ready = 'error';
  console.error(err);
});
