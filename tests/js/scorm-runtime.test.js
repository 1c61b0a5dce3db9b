// scorm.js and scorm-api.js against a real SCORM run-time (scorm-again, both versions) in Node:
// the score is never lowered, statuses never go back, one interaction record per answer in each
// version's format, progress goes to cmi.suspend_data and comes back, cmi.entry = ab-initio starts
// afresh, and every refused call is read with GetLastError and reported in words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { connectScorm, learnerActor } from '../../web/src/embed/scorm.js';
import { wrapApi, findApi } from '../../web/src/embed/scorm-api.js';
import { QUESTIONS } from '../../web/src/quiz/questions.js';
import { buildAnsweredStatement } from '../../web/src/quiz/events.js';
import { decodeSuspendData } from '../../web/src/embed/suspend-data.js';

const quiet = { logLevel: 5 };
function fakeWindow() {
  const listeners = {};
  return {
    console: { warn() {} },
    addEventListener: (n, f) => { (listeners[n] ??= []).push(f); },
    setInterval: () => 1, clearInterval() {},
    fire: (n) => (listeners[n] ?? []).forEach((f) => f()),
  };
}
// A stand-in for the quiz: progress() and on('answered'), with answers given by the test.
function fakeQuiz(total = QUESTIONS.length) {
  const fns = [];
  let answered = 0;
  let scaled = 0;
  return {
    progress: () => ({ answered, total, scaled }),
    on: (name, fn) => { if (name === 'answered') fns.push(fn); },
    answer(q, response, { correct, score, to, count = 1 }) {
      answered += count;
      scaled = to;
      const statement = buildAnsweredStatement({ question: q, response, score, correct, durationMs: 12300 });
      for (const f of fns) f({ statement, questionId: q.id, stepId: q.stepId });
    },
  };
}
const byKind = (k) => QUESTIONS.find((q) => q.kind === k);

test('SCORM 1.2: the stored score is never lowered, interactions are recorded, status ends passed', () => {
  const api = new Scorm12API(quiet);
  api.loadFromJSON({ core: { score: { raw: '50', min: '0', max: '100' }, lesson_status: 'incomplete', entry: 'resume' }, student_data: { mastery_score: '80' } });
  const notices = [];
  const s = connectScorm(fakeWindow(), { api: { version: '1.2', raw: api }, onNotice: (t) => notices.push(t) });
  assert.equal(s.connected, true);
  assert.equal(s.masteryScore, 0.8);
  const quiz = fakeQuiz();
  s.attach(quiz);
  const choice = byKind('choice');
  quiz.answer(choice, choice.options[1].id, { correct: true, score: 1, to: 0.1 });
  assert.equal(api.cmi.core.score.raw, '50', 'a first answer after a relaunch must not lower the grade');
  const order = byKind('order');
  quiz.answer(order, order.items.map((i) => i.id).reverse(), { correct: false, score: 0.4, to: 0.6 });
  assert.equal(api.cmi.core.score.raw, '60');
  const rec = api.cmi.interactions.childArray.map((i) => i.toJSON());
  assert.equal(rec.length, 2);
  assert.equal(rec[0].id, choice.id);
  assert.equal(rec[0].type, 'choice');
  assert.equal(rec[0].student_response, choice.options[1].id);
  assert.equal(rec[0].result, 'correct');
  assert.equal(rec[0].latency, '00:00:12.30');
  assert.equal(rec[1].type, 'sequencing');
  assert.equal(rec[1].student_response, Array.from({ length: order.items.length }, (_, i) => (order.items.length - 1 - i).toString(36)).join(','));
  assert.equal(rec[1].result, '0.4');
  // Everything answered, below the mastery score: failed; a better later score: passed, and then
  // a worse one changes nothing.
  quiz.answer(choice, 'a', { correct: false, score: 0, to: 0.7, count: QUESTIONS.length - 2 });
  assert.equal(api.cmi.core.lesson_status, 'failed');
  quiz.answer(choice, choice.options[1].id, { correct: true, score: 1, to: 0.9, count: 0 });
  assert.equal(api.cmi.core.lesson_status, 'passed');
  quiz.answer(choice, 'a', { correct: false, score: 0, to: 0.2, count: 0 });
  assert.equal(api.cmi.core.lesson_status, 'passed');
  assert.equal(api.cmi.core.score.raw, '90');
  assert.deepEqual(notices, []);
  s.finish();
  const core = JSON.parse(JSON.stringify(api.cmi)).core; // exit and session_time are write-only through the API
  assert.equal(core.exit, 'suspend');
  assert.match(core.session_time, /^\d{2,4}:\d{2}:\d{2}/);
});

test('SCORM 2004: scaled score, completion and success status, ISO latencies, [,] responses', () => {
  const api = new Scorm2004API(quiet);
  api.loadFromJSON({ scaled_passing_score: '0.7', completion_status: 'incomplete', entry: 'resume', score: { scaled: '0.3' } });
  const s = connectScorm(fakeWindow(), { api: { version: '2004', raw: api } });
  assert.equal(s.masteryScore, 0.7);
  const quiz = fakeQuiz(2);
  s.attach(quiz);
  const order = byKind('order');
  quiz.answer(order, order.items.map((i) => i.id), { correct: true, score: 1, to: 0.2 });
  assert.equal(api.cmi.score.scaled, '0.3');
  assert.equal(api.cmi.progress_measure, '0.5');
  const cell = byKind('cell');
  quiz.answer(cell, { row: 2, col: 1 }, { correct: true, score: 1, to: 1 });
  assert.equal(api.cmi.score.scaled, '1');
  assert.equal(api.cmi.score.raw, '100');
  assert.equal(api.cmi.completion_status, 'completed');
  assert.equal(api.cmi.success_status, 'passed');
  const rec = api.cmi.interactions.childArray.map((i) => i.toJSON());
  assert.equal(rec[0].type, 'sequencing');
  assert.equal(rec[0].learner_response, order.items.map((i) => i.id).join('[,]'));
  assert.equal(rec[0].latency, 'PT12.3S');
  assert.equal(rec[0].result, 'correct');
  assert.ok(rec[0].correct_responses.childArray?.length ?? Object.keys(rec[0].correct_responses).length, 'a fixed answer carries its pattern');
  assert.equal(rec[1].type, 'other');
  assert.equal(rec[1].learner_response, '2[.]1');
  assert.equal(rec[1].description, cell.prompt.slice(0, 250));
});

// Every form the quiz accepts for a typed number (lib/format.js parseAnswer) reaches the LMS as
// the number the quiz read: 2004's real(10,7) refused "25%" and "1/4" (error 406), and "2,304"
// was stored as 2.304.
test('typed numbers are recorded as the numbers the quiz read, in both versions', () => {
  const q = QUESTIONS.find((x) => x.kind === 'numeric' && !x.compute) ?? byKind('numeric');
  const typed = [['25%', '0.25'], ['1/4', '0.25'], ['\u2248 0.25', '0.25'], ['0,25', '0.25'], ['2,304', '2304'],
    ['1,065,800', '1065800'], ['1e4', '10000'], ['\u22123', '-3'], ['16x', '16'], ['.5', '0.5']];
  const launch = { '1.2': { core: { lesson_status: 'incomplete', entry: 'resume' } }, 2004: { completion_status: 'incomplete', success_status: 'unknown', entry: 'resume', score: { scaled: '0' } } };
  for (const [version, Api, field] of [['1.2', Scorm12API, 'student_response'], ['2004', Scorm2004API, 'learner_response']]) {
    const api = new Api(quiet);
    api.loadFromJSON(launch[version]);
    const notices = [];
    const s = connectScorm(fakeWindow(), { api: { version, raw: api }, onNotice: (t) => notices.push(t) });
    const quiz = fakeQuiz();
    s.attach(quiz);
    for (const [text] of typed) quiz.answer(q, text, { correct: false, score: 0, to: 0 });
    const rec = api.cmi.interactions.childArray.map((i) => i.toJSON());
    assert.deepEqual(rec.map((r) => r[field]), typed.map(([, want]) => want), `${version}: every response as a plain number`);
    assert.deepEqual(notices, [], `${version}: the LMS accepted every record`);
  }
});

test('progress goes to cmi.suspend_data and comes back; ab-initio starts afresh', () => {
  const api = new Scorm12API(quiet);
  api.loadFromJSON({ core: { entry: 'ab-initio' } });
  const s = connectScorm(fakeWindow(), { api: { version: '1.2', raw: api } });
  const key = 'attention-lesson.quiz.v1:scorm';
  assert.equal(s.storage.getItem(key), null);
  const q = byKind('choice');
  const state = { format: 'attention-lesson.quiz', version: 1, completedAt: null, answers: { [q.id]: { response: q.options[0].id, score: 0, correct: false, attempts: 1, revealed: false, durationMs: 5000 } } };
  s.storage.setItem(key, JSON.stringify(state));
  const stored = api.cmi.suspend_data;
  assert.equal(decodeSuspendData(stored, QUESTIONS).state.answers[q.id].response, q.options[0].id);
  // Relaunch with the LMS's record and entry = resume: the answer is back, with its feedback.
  const again = new Scorm12API(quiet);
  again.loadFromJSON({ suspend_data: stored, core: { entry: 'resume', lesson_location: 'softmax' } });
  const s2 = connectScorm(fakeWindow(), { api: { version: '1.2', raw: again } });
  assert.equal(s2.location, 'softmax');
  const back = JSON.parse(s2.storage.getItem(key));
  assert.equal(back.answers[q.id].response, q.options[0].id);
  assert.match(back.answers[q.id].feedback, /\S/);
  // The same record launched as a new attempt: nothing restored.
  const fresh = new Scorm12API(quiet);
  fresh.loadFromJSON({ suspend_data: stored, core: { entry: 'ab-initio', lesson_location: 'softmax' } });
  const s3 = connectScorm(fakeWindow(), { api: { version: '1.2', raw: fresh } });
  assert.equal(s3.location, '');
  assert.equal(s3.storage.getItem(key), null);
});

test('refused calls are read back with GetLastError and reported in words', () => {
  for (const [version, Api, el, code] of [['1.2', Scorm12API, 'cmi.core.student_id', 403], ['2004', Scorm2004API, 'cmi.learner_id', 404]]) {
    const raw = new Api(quiet);
    const seen = [];
    const lms = wrapApi({ version, raw }, { onError: (e) => seen.push(e) });
    assert.equal(lms.initialize(), true);
    assert.equal(lms.set('cmi.learner_id', 'someone'), false);
    assert.equal(seen.length, 1);
    assert.equal(seen[0].code, code);
    assert.match(seen[0].sentence, new RegExp(`^Your course system did not accept ${el.replace(/\./g, '\\.')} = "someone": that item can only be read \\(error ${code}: [^)]+\\)\\.$`));
  }
  // An API that throws is reported too, and the lesson goes on.
  const seen = [];
  const broken = wrapApi({ version: '1.2', raw: { LMSInitialize() { throw new Error('LMS offline'); }, LMSGetLastError: () => '0' } }, { onError: (e) => seen.push(e.sentence) });
  assert.equal(broken.initialize(), false);
  assert.match(seen[0], /SCORM API failed \(LMS offline\)/);
});

test('the LMS learner id and name become the xAPI actor, in both versions', () => {
  const win = { ...fakeWindow(), location: { origin: 'https://lms.example.edu' } };
  const v12 = new Scorm12API(quiet);
  v12.loadFromJSON({ core: { student_id: 'u-4711', student_name: 'Doe, Jane', entry: 'ab-initio' } });
  const a = connectScorm(win, { api: { version: '1.2', raw: v12 } }).actor;
  assert.deepEqual(a, { objectType: 'Agent', account: { homePage: 'https://lms.example.edu', name: 'u-4711' }, name: 'Doe, Jane' });
  const v2004 = new Scorm2004API(quiet);
  v2004.loadFromJSON({ learner_id: 'learner-9', learner_name: '', entry: 'ab-initio' });
  const b = connectScorm(win, { api: { version: '2004', raw: v2004 } }).actor;
  assert.deepEqual(b, { objectType: 'Agent', account: { homePage: 'https://lms.example.edu', name: 'learner-9' } });
  // No id, or a page without an http(s) origin (file://): anonymous, as outside an LMS.
  const none = new Scorm2004API(quiet);
  assert.equal(connectScorm(win, { api: { version: '2004', raw: none } }).actor, null);
  assert.equal(learnerActor('u-1', 'A', 'null'), null);
  assert.equal(learnerActor('  ', 'A', 'https://lms.example.edu'), null);
  assert.equal(learnerActor('u-1', null, 'https://lms.example.edu/path'), null, 'homePage is an origin');
});

test('findApi prefers SCORM 2004 and searches parents', () => {
  const top = { API: { LMSInitialize() {} }, API_1484_11: { Initialize() {} } };
  top.parent = top;
  const child = { parent: top };
  assert.equal(findApi(child).version, '2004');
  delete top.API_1484_11;
  assert.equal(findApi(child).version, '1.2');
  delete top.API;
  assert.equal(findApi(child), null);
});

test('the LMS as a durable backend: a write resolves once the LMS committed, and rejects in words when it refuses', async () => {
  const api = new Scorm12API(quiet);
  api.loadFromJSON({ core: { entry: 'resume' } });
  const s = connectScorm(fakeWindow(), { api: { version: '1.2', raw: api } });
  const { durable } = s.storage;
  assert.equal(durable.name, 'scorm');
  const key = 'attention-lesson.quiz.v1:scorm';
  const q = byKind('choice');
  const state = { format: 'attention-lesson.quiz', version: 1, completedAt: null, answers: { [q.id]: { response: q.options[1].id, score: 1, correct: true, attempts: 1, revealed: false } } };
  await durable.write(key, JSON.stringify(state));
  assert.equal(decodeSuspendData(api.cmi.suspend_data, QUESTIONS).state.answers[q.id].response, q.options[1].id);
  assert.equal(JSON.parse(await durable.read(key)).answers[q.id].correct, true);
  // An LMS that refuses the value: the write rejects, and the learner is told why.
  const told = [];
  const refusing = { ...api, LMSInitialize: () => 'true', LMSGetValue: () => '', LMSSetValue: () => 'false', LMSCommit: () => 'true', LMSGetLastError: () => '405', LMSGetErrorString: () => 'Incorrect Data Type', LMSGetDiagnostic: () => '', LMSFinish: () => 'true' };
  const s2 = connectScorm(fakeWindow(), { api: { version: '1.2', raw: refusing }, onNotice: (t) => told.push(t) });
  await assert.rejects(s2.storage.durable.write(key, JSON.stringify(state)), /did not accept the progress/);
  assert.ok(told.some((t) => /did not accept cmi\.suspend_data = "Q1\|.*the value had the wrong form \(error 405: Incorrect Data Type\)/.test(t)), told.join('\n'));
});
