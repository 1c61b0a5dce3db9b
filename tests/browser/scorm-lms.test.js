// Both SCORM packages (dist/scorm/ for 1.2, dist/scorm2004/ for 2004 4th edition) run inside a real
// SCORM run-time, scorm-again, playing the LMS: a page that creates the API object, loads the
// learner's stored record, frames the package's index.html and keeps what every commit sends.
// A learner answers, moves to another step and closes the lesson; the lesson is launched again in
// a fresh browser profile (no local storage) with only the LMS's record: progress and location
// must come back, the score must never go down (not even after a quiz reset), and every answer
// must leave one interaction record. A remembered step the lesson no longer has is said, not
// silently dropped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, screenshot, ROOT } from './harness.js';
import { QUESTIONS } from '../../web/src/quiz/questions.js';
import { answerOf } from '../../web/src/quiz/answer-key.js';

const DIST = path.join(ROOT, 'dist');
let h, dir;

// The LMS page's script: the API for the version asked, the stored record loaded before the
// package starts (entry = resume after a suspended session, as an LMS does), every commit kept.
const LMS_JS = `
const cfg = window.__lmsConfig;
const v12 = cfg.version === '1.2';
const api = v12 ? new Scorm12API({ logLevel: 5 }) : new Scorm2004API({ logLevel: 5 });
// Who the learner is, as the LMS enrols them (read-only for the package).
api.loadFromJSON(v12 ? { core: { student_id: 'u-4711', student_name: 'Doe, Jane' } } : { learner_id: 'u-4711', learner_name: 'Jane Doe' });
const rec = cfg.stored;
if (rec) {
  const core = v12 ? rec.core : rec;
  const suspended = core.exit === 'suspend';
  for (const k of ['exit', 'session_time', 'entry']) delete core[k];
  api.loadFromJSON(rec);
  if (v12) api.cmi.core.entry = suspended ? 'resume' : ''; else api.cmi.entry = suspended ? 'resume' : '';
}
if (v12) window.API = api; else window.API_1484_11 = api;
window.__commits = 0;
window.__record = null;
const keep = () => { window.__record = JSON.parse(JSON.stringify(api.cmi)); window.__commits += 1; };
api.on(v12 ? 'LMSCommit' : 'Commit', keep);
api.on(v12 ? 'LMSFinish' : 'Terminate', keep);
const frame = document.createElement('iframe');
frame.id = 'sco';
frame.title = 'The lesson';
frame.style.cssText = 'width: 1100px; height: 800px; border: 0';
frame.src = cfg.sco + '/index.html';
document.body.append(frame);
window.closeSco = () => frame.remove();
`;

before(async () => {
  if (!existsSync(path.join(DIST, 'scorm2004/index.html')) || process.env.REBUILD_DIST) {
    if (!existsSync(path.join(DIST, 'index.html')) || process.env.REBUILD_DIST) {
      const { buildDist } = await import('../../scripts/build-dist.mjs');
      await buildDist({ quiet: true });
    }
    const { packageScorm } = await import('../../scripts/package-scorm.mjs');
    await packageScorm();
  }
  dir = mkdtempSync(path.join(os.tmpdir(), 'lms-'));
  cpSync(path.join(DIST, 'scorm'), path.join(dir, 'sco12'), { recursive: true });
  cpSync(path.join(DIST, 'scorm2004'), path.join(dir, 'sco2004'), { recursive: true });
  cpSync(path.join(ROOT, 'node_modules/scorm-again/dist/scorm-again.min.js'), path.join(dir, 'scorm-again.js'));
  writeFileSync(path.join(dir, 'lms.js'), LMS_JS);
  writeFileSync(path.join(dir, 'lms.html'), '<!doctype html><html lang="en"><title>LMS</title><link rel="icon" href="data:,"><body><script src="scorm-again.js"></script><script src="lms.js"></script></body></html>');
  h = await launch({ root: dir });
});
after(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// Opens the LMS page in a new browser context (a fresh profile) and waits for the lesson.
async function launchSco(version, stored) {
  const page = await h.page({ width: 1200, height: 900 });
  await page.context().addInitScript((cfg) => { window.__lmsConfig = cfg; }, { version, stored, sco: version === '1.2' ? 'sco12' : 'sco2004' });
  await page.goto(`${h.url}lms.html`);
  const frame = page.frameLocator('#sco');
  await frame.locator(`#lesson[data-ready="true"][data-scorm="connected-${version}"]`).waitFor({ timeout: 30000 });
  return { page, frame, sco: () => page.frame({ url: /index\.html/ }) };
}

const q = (id) => QUESTIONS.find((x) => x.id === id);
async function answerChoice(frame, id, right) {
  const question = q(id);
  const key = answerOf(question);
  const option = right ? key : question.options.find((o) => o.id !== key).id;
  const card = frame.locator('.al-quiz-question', { hasText: question.prompt.slice(0, 40) });
  await card.locator(`input[type="radio"][value="${option}"]`).check();
  await card.getByRole('button', { name: 'Check' }).click();
}
async function record(page, minCommits) {
  await page.waitForFunction((n) => window.__commits >= n, minCommits);
  return page.evaluate(() => window.__record);
}

for (const version of ['1.2', '2004']) {
  test(`SCORM ${version} in scorm-again: resume in a fresh profile, score never lower, interactions`, async () => {
    const v12 = version === '1.2';
    const score = (r) => Number(v12 ? r.core.score.raw : r.score.raw);
    const location = (r) => (v12 ? r.core.lesson_location : r.location);
    const interactions = (r) => Object.values(r.interactions ?? {}).filter((x) => x && x.id);

    // Session 1: two answers on the first step (one right, one wrong), then on to "softmax".
    const one = await launchSco(version, null);
    await one.sco().evaluate(() => {
      window.__actors = [];
      window.attentionLesson.quiz.on('answered', (p) => window.__actors.push(p.statement.actor));
      window.attentionLesson.goTo('contextual-meaning');
    });
    await answerChoice(one.frame, 'ctx-static', true);
    await answerChoice(one.frame, 'ctx-definition', false);
    await one.frame.locator('.al-quiz-progress').first().filter({ hasText: `2 of ${QUESTIONS.length} answered, 1 correct` }).waitFor();
    // The quiz's xAPI statements are about the LMS's learner, an account on the LMS's origin.
    const actors = await one.sco().evaluate(() => window.__actors);
    const origin = new URL(h.url).origin;
    assert.deepEqual(actors, [0, 1].map(() => ({ objectType: 'Agent', account: { homePage: origin, name: 'u-4711' }, name: v12 ? 'Doe, Jane' : 'Jane Doe' })));
    await one.sco().evaluate(() => window.attentionLesson.goTo('softmax'));
    await one.page.waitForTimeout(1300); // the step is saved within a second
    await one.page.evaluate(() => window.closeSco());
    const first = await record(one.page, 3);
    assert.equal((v12 ? first.core.exit : first.exit), 'suspend');
    assert.equal(location(first), 'softmax');
    assert.match(first.suspend_data, /^Q1\|/);
    assert.ok(first.suspend_data.length < 200, first.suspend_data);
    const firstScore = score(first);
    assert.ok(Math.abs(firstScore - 100 / QUESTIONS.length) < 0.01, `score ${firstScore}`); // 1 point of the whole bank
    if (v12) assert.equal(first.core.lesson_status, 'incomplete');
    else {
      assert.equal(first.completion_status, 'incomplete');
      assert.equal(Number(first.score.scaled), Math.round(firstScore * 100) / 10000);
      assert.equal(Number(first.progress_measure), Math.round(2 / QUESTIONS.length * 1000) / 1000);
    }
    const rec1 = interactions(first);
    assert.deepEqual(rec1.map((r) => [r.id, r.result]), [['ctx-static', 'correct'], ['ctx-definition', v12 ? 'wrong' : 'incorrect']]);
    assert.equal(rec1[0].type, 'choice');
    assert.equal(rec1[0][v12 ? 'student_response' : 'learner_response'], answerOf(q('ctx-static')));
    assert.match(rec1[0].latency, v12 ? /^\d{2,4}:\d{2}:\d{2}(\.\d+)?$/ : /^PT[\d.]+S$/);
    assert.deepEqual(one.page.errors, []);
    await one.page.context().close();

    // Session 2, another browser profile, only the LMS's record: progress and step are back.
    const two = await launchSco(version, first);
    await two.frame.locator('.al-step-title, h2').filter({ hasText: /Softmax/ }).first().waitFor();
    assert.equal(await two.sco().evaluate(() => window.attentionLesson.state().step), 'softmax');
    assert.equal(await two.sco().evaluate(() => window.attentionLesson.quiz.progress().answered), 2);
    await two.sco().evaluate(() => window.attentionLesson.goTo('contextual-meaning'));
    await two.frame.locator('.al-quiz-progress').first().filter({ hasText: `2 of ${QUESTIONS.length} answered, 1 correct` }).waitFor();
    await screenshot(two.page, `scorm-${version}-resumed`);
    // A third answer, right: the score goes up from where it was.
    await two.sco().evaluate(() => window.attentionLesson.goTo('why-attention'));
    await answerChoice(two.frame, 'why-fading-memory', true);
    const second = await record(two.page, 1);
    assert.ok(score(second) > firstScore, `${score(second)} after ${firstScore}`);
    // The learner resets the quiz and answers one question wrong: the LMS keeps the best score.
    await two.sco().evaluate(() => window.attentionLesson.quiz.reset());
    await answerChoice(two.frame, 'why-fading-memory', false);
    await two.page.waitForFunction(() => Object.values(window.__record.interactions).filter((x) => x && x.id).length === 4);
    const third = await two.page.evaluate(() => window.__record);
    assert.equal(score(third), score(second), 'a reset and a wrong answer must not lower the stored score');
    assert.deepEqual(interactions(third).map((r) => r.id), ['ctx-static', 'ctx-definition', 'why-fading-memory', 'why-fading-memory']);
    assert.deepEqual(two.page.errors, []);
    await two.page.context().close();

    // Session 3: the LMS remembers a step this lesson no longer has (saved by a newer or older
    // version): the lesson opens at the start, says so in words, and keeps the answers.
    const moved = JSON.parse(JSON.stringify(first));
    if (v12) moved.core.lesson_location = 'a-step-from-a-newer-lesson'; else moved.location = 'a-step-from-a-newer-lesson';
    const three = await launchSco(version, moved);
    await three.frame.getByText(/The step to reopen, "a-step-from-a-newer-lesson", is not part of this lesson, so it opens at the start; saved quiz answers are kept\./).waitFor();
    assert.equal(await three.sco().evaluate(() => window.attentionLesson.state().step), 'why-attention');
    assert.equal(await three.sco().evaluate(() => window.attentionLesson.quiz.progress().answered), 2);
    assert.deepEqual(three.page.errors, []);
    await three.page.context().close();
  });
}
