// Every statement the quiz can build passes Learning Locker's xAPI validator
// (@learninglocker/xapi-validation): an answer to each of the bank's questions (right, wrong,
// solution shown), the completion, with an anonymous, an e-mail and an account actor, under a URN
// and an https base IRI. Also: interaction definitions carry choices and correct-response
// patterns, activity ids follow the base and the quiz id, actor settings are read or refused with
// a reason, and LRS sending keeps failed statements for the next try.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import validateStatement from '@learninglocker/xapi-validation';
import { QUESTIONS } from '../../web/src/quiz/questions.js';
import { answerOf } from '../../web/src/quiz/answer-key.js';
import { instantiate } from '../../web/src/quiz/variants.js';
import {
  buildAnsweredStatement, buildCompletedStatement, parseActor, questionIri, quizIri, interactionDefinition, isValidBase,
} from '../../web/src/quiz/events.js';
import { createLrsSender, isValidEndpoint } from '../../web/src/embed/lrs.js';

const validate = validateStatement.default ?? validateStatement;
const problems = (st) => validate(st).map((w) => `${w.path.join('.')}: ${w.name}`);

function sampleResponse(q) {
  if (q.kind === 'choice') return q.options[0].id;
  if (q.kind === 'numeric') return '0.25';
  if (q.kind === 'cell') return { row: 1, col: 0 };
  return q.items.map((i) => i.id);
}

const ACTORS = [
  undefined,
  parseActor('learner@example.org').actor,
  parseActor('{"name":"Ada","account":{"homePage":"https://lms.example.org","name":"ada-17"}}').actor,
];
const BASES = [undefined, 'https://lms.example.org/xapi/attention'];

test('every answered and completed statement validates, for every question, actor and base', () => {
  let count = 0;
  for (const actor of ACTORS) {
    for (const activityBase of BASES) {
      for (const q of QUESTIONS) {
        for (const [response, score, correct] of [[sampleResponse(q), 1, true], [sampleResponse(q), 0, false], [null, 0, false]]) {
          const st = buildAnsweredStatement({ question: q, response, score, correct, durationMs: 4321, attempt: 1, actor, activityBase, quizId: 'week-3' });
          assert.deepEqual(problems(st), [], `${q.id}`);
          count += 1;
        }
      }
      const done = buildCompletedStatement({ raw: 30.5, max: 38, durationMs: 754321, actor, activityBase, quizId: 'week-3', questions: 38 });
      assert.deepEqual(problems(done), []);
      count += 1;
    }
  }
  assert.equal(count, ACTORS.length * BASES.length * (QUESTIONS.length * 3 + 1));
  // The validator does catch a broken statement (so the check above can fail).
  const bad = buildAnsweredStatement({ question: QUESTIONS[0], response: 'a', score: 1, correct: true, durationMs: 1 });
  delete bad.actor;
  bad.result.duration = '12 seconds';
  assert.deepEqual(problems(bad).sort(), ['statement.actor: RequiredWarning', 'statement.result.duration: TypeWarning'].sort());
});

test('a variant a learner answered validates too, with one name per question and its seed in the context', () => {
  for (const template of QUESTIONS) {
    const q = instantiate(template, 7);
    const st = buildAnsweredStatement({ question: q, response: sampleResponse(q), score: 1, correct: true, durationMs: 10, attempt: 1 });
    assert.deepEqual(problems(st), [], q.id);
    assert.equal(st.object.definition.name['en-US'], template.prompt, `${q.id}: the same name for every variant`);
    assert.ok(st.object.definition.description['en-US'].startsWith(q.prompt), `${q.id}: the description is what was asked`);
    if (q.inputs.length) assert.ok(st.object.definition.description['en-US'].includes(q.inputs[0].caption), `${q.id}: with its input tables`);
    assert.equal(st.context.extensions['urn:attention-lesson:extension:variant'], 7);
  }
});

test('interaction definitions: choices, items and correct-response patterns for fixed answers', () => {
  const choice = QUESTIONS.find((q) => q.kind === 'choice' && !q.compute);
  const d = interactionDefinition(choice);
  assert.deepEqual(d.choices.map((c) => c.id), choice.options.map((o) => o.id));
  assert.equal(d.choices[0].description['en-US'], choice.options[0].text);
  assert.deepEqual(d.correctResponsesPattern, [answerOf(choice)]);
  const order = QUESTIONS.find((q) => q.kind === 'order');
  const od = interactionDefinition(order);
  assert.equal(od.interactionType, 'sequencing');
  assert.deepEqual(od.correctResponsesPattern, [answerOf(order).join('[,]')]);
  const fixedNumeric = QUESTIONS.filter((q) => q.kind === 'numeric' && !q.compute);
  // (the bank may hold no fixed numeric answer: computed ones are checked below)
  for (const numeric of fixedNumeric) {
    const [pattern] = interactionDefinition(numeric).correctResponsesPattern;
    if (Number(numeric.tolerance) > 0) {
      const [lo, hi] = pattern.split('[:]').map(Number);
      assert.ok(lo < answerOf(numeric) && answerOf(numeric) < hi, numeric.id);
    } else {
      assert.equal(pattern, String(answerOf(numeric)), numeric.id);
    }
  }
  for (const live of QUESTIONS.filter((q) => q.compute)) assert.equal('correctResponsesPattern' in interactionDefinition(live), false, live.id);
});

test('activity ids: the base IRI and the quiz id; distinct for distinct embeddings', () => {
  assert.equal(questionIri('dot-compute'), 'urn:attention-lesson:question:dot-compute');
  assert.equal(questionIri('dot-compute', 'urn:example:course', 'week 3'), 'urn:example:course:week%203:question:dot-compute');
  assert.equal(questionIri('dot-compute', 'https://lms.example.org/xapi/', 'w3'), 'https://lms.example.org/xapi/w3/question/dot-compute');
  assert.equal(quizIri('https://lms.example.org/xapi', 'w3'), 'https://lms.example.org/xapi/w3');
  const a = buildCompletedStatement({ raw: 1, max: 2, durationMs: 1, quizId: 'a' });
  const b = buildCompletedStatement({ raw: 1, max: 2, durationMs: 1, quizId: 'b' });
  assert.notEqual(a.object.id, b.object.id);
  assert.notEqual(a.id, b.id);
  assert.equal(isValidBase('https://x.org/a'), true);
  assert.equal(isValidBase('not an iri'), false);
});

test('actor settings: e-mail, mailto, JSON Agent; anything else refused with a reason', () => {
  assert.deepEqual(parseActor('a@b.org').actor, { objectType: 'Agent', mbox: 'mailto:a@b.org' });
  assert.deepEqual(parseActor('mailto:a@b.org').actor, { objectType: 'Agent', mbox: 'mailto:a@b.org' });
  assert.deepEqual(parseActor({ name: 'A', openid: 'https://id.example.org/a' }).actor, { objectType: 'Agent', name: 'A', openid: 'https://id.example.org/a' });
  for (const bad of ['bob', '{oops', { name: 'no identifier' }, [1]]) {
    const out = parseActor(bad);
    assert.equal(out.actor, null);
    assert.match(out.problem, /statements stay anonymous/);
  }
  const anon = buildAnsweredStatement({ question: QUESTIONS[0], response: 'a', score: 0, correct: false, durationMs: 0 });
  assert.equal(anon.actor.account.homePage, 'urn:attention-lesson:anonymous');
});

test('LRS sending: POST /statements with the xAPI version header; failures are retried in order', async () => {
  const calls = [];
  let down = true;
  const fetch = async (url, init) => {
    calls.push({ url, init });
    if (down) return { ok: false, status: 503 };
    return { ok: true, status: 200 };
  };
  const told = [];
  const sender = createLrsSender({ endpoint: 'https://lrs.example.org/xapi/', auth: 'Basic abc', fetch, onProblem: (t) => told.push(t) });
  const s1 = buildAnsweredStatement({ question: QUESTIONS[0], response: 'a', score: 0, correct: false, durationMs: 0 });
  const s2 = buildAnsweredStatement({ question: QUESTIONS[1], response: '1', score: 1, correct: true, durationMs: 0 });
  assert.equal(await sender.send(s1), false);
  assert.equal(sender.queued, 1);
  assert.match(told[0], /refused a result \(HTTP 503\); it will be sent again/);
  down = false;
  assert.equal(await sender.send(s2), true);
  assert.equal(sender.queued, 0);
  const bodies = calls.map((c) => JSON.parse(c.init.body).id);
  assert.deepEqual(bodies, [s1.id, s1.id, s2.id]);
  assert.equal(calls[0].url, 'https://lrs.example.org/xapi/statements');
  assert.equal(calls[0].init.headers['X-Experience-API-Version'], '1.0.3');
  assert.equal(calls[0].init.headers.Authorization, 'Basic abc');
  assert.equal(isValidEndpoint('http://lrs.example.org/xapi'), false, 'plain http only on localhost');
  assert.equal(isValidEndpoint('http://localhost:8080/xapi'), true);
});
