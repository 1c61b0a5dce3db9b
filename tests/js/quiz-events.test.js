// quiz-events.test.js — xAPI statements for answers and completion, ISO 8601 durations,
// bubbling + composed CustomEvents, and postMessage only to a configured exact origin (fake window).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildAnsweredStatement, buildCompletedStatement, formatDuration, formatResponse, questionIri,
  createEmitter, isValidTargetOrigin, VERBS, LESSON_IRI,
} from '../../web/src/quiz/events.js';
import { QUESTIONS } from '../../web/src/quiz/questions.js';

const ISO_DURATION = /^PT(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?$/;
const byKind = (k) => QUESTIONS.find((q) => q.kind === k);

test('answered statement shape', () => {
  const q = byKind('choice');
  const st = buildAnsweredStatement({ question: q, response: 'b', score: 1, correct: true, durationMs: 12345, timestamp: '2025-03-04T05:06:07.000Z', attempt: 2 });
  assert.deepEqual(st.verb, { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } });
  assert.equal(st.object.id, `urn:attention-lesson:question:${q.id}`);
  assert.equal(st.object.definition.interactionType, 'choice');
  assert.deepEqual(st.object.definition.name, { 'en-US': q.prompt });
  assert.deepEqual(st.result.score, { raw: 1, min: 0, max: 1, scaled: 1 });
  assert.equal(st.result.success, true);
  assert.equal(st.result.response, 'b');
  assert.equal(st.result.duration, 'PT12.3S');
  assert.equal(st.timestamp, '2025-03-04T05:06:07.000Z');
  assert.equal(st.actor.account.homePage, 'urn:attention-lesson:anonymous', 'an anonymous account unless an actor is configured');
  assert.match(st.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(st.context.contextActivities.parent[0].id, LESSON_IRI);
  assert.equal(st.context.extensions['urn:attention-lesson:extension:step'], q.stepId);
  assert.doesNotThrow(() => structuredClone(st), 'postMessage-able');
});

test('interaction types and responses per kind', () => {
  const cases = [
    ['numeric', '0.25', 'numeric', '0.25'],
    ['numeric', '25%', 'numeric', '0.25'], // the number the quiz read, not the typed text
    ['numeric', '2,304', 'numeric', '2304'],
    ['numeric', '\u22121/4', 'numeric', '-0.25'],
    ['order', ['a', 'b', 'c'], 'sequencing', 'a[,]b[,]c'],
    ['cell', { row: 1, col: 2 }, 'other', '1[.]2'],
  ];
  for (const [kind, response, type, text] of cases) {
    const q = byKind(kind);
    const st = buildAnsweredStatement({ question: q, response, score: 0.5, correct: false, durationMs: 0 });
    assert.equal(st.object.definition.interactionType, type);
    assert.equal(st.result.response, text);
    assert.equal(st.result.score.scaled, st.result.score.raw / st.result.score.max);
    assert.equal(st.result.success, false);
    assert.ok(!Number.isNaN(Date.parse(st.timestamp)));
  }
  assert.equal(formatResponse(byKind('choice'), null), '');
});

test('question IRIs are stable and distinct', () => {
  const iris = QUESTIONS.map((q) => questionIri(q.id));
  assert.equal(new Set(iris).size, QUESTIONS.length);
  for (const iri of iris) assert.match(iri, /^urn:attention-lesson:question:[a-z0-9-]+$/);
  assert.equal(questionIri('dot-compute'), questionIri('dot-compute'));
});

test('completed statement shape, scaled = raw / max, success from the mastery score', () => {
  const actor = { objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: 'learner-7' } };
  const st = buildCompletedStatement({ raw: 30.5, max: 38, durationMs: 754321, timestamp: '2025-03-04T05:06:07.000Z', actor });
  assert.deepEqual(st.verb, VERBS.completed);
  assert.equal(st.verb.id, 'http://adlnet.gov/expapi/verbs/completed');
  assert.equal(st.object.id, LESSON_IRI);
  assert.deepEqual(st.result.score, { raw: 30.5, min: 0, max: 38, scaled: 30.5 / 38 });
  assert.equal(st.result.success, true);
  assert.equal(st.result.completion, true);
  assert.equal(st.result.duration, 'PT12M34.3S');
  assert.deepEqual(st.actor, actor);
  assert.equal(buildCompletedStatement({ raw: 10, max: 38, durationMs: 0 }).result.success, false);
  assert.equal(buildCompletedStatement({ raw: 10, max: 38, durationMs: 0, masteryScore: 0.2 }).result.success, true);
  assert.equal(buildCompletedStatement({ raw: 0, max: 0, durationMs: 0 }).result.score.scaled, 0);
});

test('ISO 8601 durations', () => {
  assert.equal(formatDuration(0), 'PT0S');
  assert.equal(formatDuration(12300), 'PT12.3S');
  assert.equal(formatDuration(12340), 'PT12.3S');
  assert.equal(formatDuration(60000), 'PT1M');
  assert.equal(formatDuration(75000), 'PT1M15S');
  assert.equal(formatDuration(3600000 + 2000), 'PT1H2S');
  assert.equal(formatDuration(-5), 'PT0S');
  assert.equal(formatDuration(NaN), 'PT0S');
  for (const ms of [0, 1, 49, 50, 999, 12345, 59999, 3599999, 86400000]) assert.match(formatDuration(ms), ISO_DURATION);
});

// A fake framed window: parent is another object recording postMessage calls.
function fakeWindow({ framed = true } = {}) {
  const sent = [];
  const win = {};
  win.parent = framed ? { postMessage: (msg, origin) => sent.push({ msg, origin }) } : win;
  win.CustomEvent = globalThis.CustomEvent;
  return { win, sent };
}
function fakeElement() {
  const target = new EventTarget();
  const seen = [];
  target.addEventListener('lesson-answered', (e) => seen.push(e));
  target.addEventListener('lesson-completed', (e) => seen.push(e));
  return { target, seen };
}

test('events are bubbling, composed CustomEvents with the statement as detail', () => {
  const { win } = fakeWindow({ framed: false });
  const { target, seen } = fakeElement();
  const em = createEmitter({ win });
  const st = buildAnsweredStatement({ question: byKind('choice'), response: 'a', score: 0, correct: false, durationMs: 1 });
  em.emit('answered', st, target);
  em.emit('completed', buildCompletedStatement({ raw: 1, max: 2, durationMs: 5 }), target);
  assert.equal(seen.length, 2);
  assert.equal(seen[0].type, 'lesson-answered');
  assert.equal(seen[0].bubbles, true);
  assert.equal(seen[0].composed, true);
  assert.equal(seen[0].detail, st);
  assert.equal(seen[1].type, 'lesson-completed');
});

test('postMessage goes only to the configured origin, with the documented envelope', () => {
  const { win, sent } = fakeWindow();
  const { target } = fakeElement();
  const em = createEmitter({ win, targetOrigin: 'https://lms.example.org', frameId: 'frame-2' });
  assert.equal(em.postsToParent, true);
  const st = buildAnsweredStatement({ question: byKind('numeric'), response: '4', score: 1, correct: true, durationMs: 1 });
  assert.deepEqual(em.emit('answered', st, target), { posted: true });
  em.emit('completed', buildCompletedStatement({ raw: 1, max: 1, durationMs: 1 }), target);
  assert.equal(sent.length, 2);
  assert.deepEqual(sent[0], { msg: { type: 'attention-lesson:answered', id: 'frame-2', statement: st }, origin: 'https://lms.example.org' });
  assert.equal(sent[1].msg.type, 'attention-lesson:completed');
  assert.equal(sent[1].msg.id, 'frame-2');
  assert.ok(sent.every((s) => s.origin !== '*'));
});

test('no postMessage without an origin, with "*", with a non-origin, or when not framed', () => {
  for (const targetOrigin of [undefined, null, '', '*', 'lms.example.org', 'https://lms.example.org/path', 'javascript:alert(1)', 'https://lms.example.org/']) {
    const { win, sent } = fakeWindow();
    const em = createEmitter({ win, targetOrigin });
    em.emit('answered', { a: 1 }, fakeElement().target);
    assert.equal(sent.length, 0, `no message for ${String(targetOrigin)}`);
    assert.equal(em.postsToParent, false);
    if (targetOrigin) assert.match(em.notice, /will not send results/);
    else assert.equal(em.notice, null);
  }
  const top = fakeWindow({ framed: false });
  createEmitter({ win: top.win, targetOrigin: 'https://lms.example.org' }).emit('answered', {}, fakeElement().target);
  assert.equal(top.sent.length, 0, 'not framed → nothing posted');
});

test('a throwing parent.postMessage does not break the lesson', () => {
  const win = { CustomEvent: globalThis.CustomEvent, parent: { postMessage() { throw new Error('denied'); } } };
  const em = createEmitter({ win, targetOrigin: 'http://localhost:8080' });
  assert.deepEqual(em.emit('answered', {}, fakeElement().target), { posted: false });
});

test('isValidTargetOrigin', () => {
  assert.equal(isValidTargetOrigin('https://a.example'), true);
  assert.equal(isValidTargetOrigin('http://localhost:3000'), true);
  assert.equal(isValidTargetOrigin('*'), false);
  assert.equal(isValidTargetOrigin('file:///x'), false);
  assert.equal(isValidTargetOrigin(42), false);
});
