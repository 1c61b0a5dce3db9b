// Browser tests of the embeddings (docs/EMBEDDING.md), against the built dist/ (built here when
// missing) served with the strict Content-Security-Policy: the example course page renders and
// computes both embeddings, two <attention-lesson> elements do not interfere, the host page gets
// resize and result messages, messages from another origin are ignored (both ways), results go
// to the configured origin only, and the single-file build works from file:// with no network.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, screenshot, ROOT } from './harness.js';
import { STRICT_CSP, startServer } from '../../scripts/serve.mjs';

const DIST = path.join(ROOT, 'dist');
const WORKED_WEIGHTS = /0\.2483, 0\.5035, 0\.2483/; // Apple's row of the worked example
// Another origin for the "evil" pages: a second server (on 127.0.0.1, while the lesson is at
// localhost) serving pages the tests write into a temporary folder. (A page faked with page.route
// would count as a public address and Chromium would refuse to frame localhost from it.)
let EVIL, evilServer, evilDir;
function evilPage(name, html) {
  writeFileSync(path.join(evilDir, name), html);
  return `${EVIL}/${name}`;
}

let h;
before(async () => {
  if (!existsSync(path.join(DIST, 'attention-lesson.html')) || process.env.REBUILD_DIST) {
    const { buildDist } = await import('../../scripts/build-dist.mjs');
    await buildDist({ quiet: true });
  }
  if (!existsSync(path.join(DIST, 'scorm/index.html')) || process.env.REBUILD_DIST) {
    const { packageScorm } = await import('../../scripts/package-scorm.mjs');
    await packageScorm();
  }
  h = await launch({ root: DIST, csp: STRICT_CSP });
  evilDir = mkdtempSync(path.join(os.tmpdir(), 'evil-'));
  evilServer = await startServer({ root: evilDir });
  EVIL = `http://127.0.0.1:${evilServer.port}`;
});
after(async () => {
  await h?.close();
  await evilServer?.close();
  if (evilDir) rmSync(evilDir, { recursive: true, force: true });
});

// A page that records CSP violations in every frame, and the messages its top window receives.
async function recordingPage(opts) {
  const page = await h.page(opts);
  await page.context().addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    if (window.top === window) {
      window.__messages = [];
      window.addEventListener('message', (e) => window.__messages.push({ origin: e.origin, data: e.data }));
    }
  });
  page.requests = [];
  page.on('request', (r) => page.requests.push(r.url()));
  page.wasmTypes = [];
  page.on('response', (r) => { if (r.url().endsWith('.wasm')) page.wasmTypes.push(r.headers()['content-type']); });
  return page;
}

async function openCourse(page) {
  const response = await page.goto(`${h.url}examples/course.html`);
  assert.equal(response.headers()['content-security-policy'], STRICT_CSP);
  await page.waitForSelector('attention-lesson#lesson-worked[state="ready"]', { timeout: 20000 });
  await page.waitForSelector('attention-lesson#lesson-positions[state="ready"]', { timeout: 20000 });
  const frame = page.frameLocator('#lesson-frame');
  await frame.locator('#lesson[data-ready="true"]').waitFor({ timeout: 20000 });
  return frame;
}

const messages = (page, pred = () => true) => page.evaluate(() => window.__messages).then((m) => m.filter(pred));
const frameOf = (page) => page.frames().find((f) => f.url().includes('/embed.html'));

async function revealAll(scope) {
  const buttons = scope.getByRole('button', { name: 'Show solution' });
  for (let i = 0; i < 20 && (await buttons.count()) > 0; i++) await buttons.first().click();
}

test('the course page renders and computes both embeddings under the strict CSP', async () => {
  const page = await recordingPage({ width: 1200 });
  const frame = await openCourse(page);
  // The element (in its shadow root) and the iframe both ran the engine.
  assert.match(await page.locator('#lesson-worked .al-trace').innerText(), WORKED_WEIGHTS);
  assert.match(await frame.locator('.al-trace').innerText(), WORKED_WEIGHTS);
  assert.equal(await page.locator('#lesson-worked').evaluate((el) => el.lesson.engine.simd), true);
  // Styles are inside the shadow root (not in the page), and KaTeX typeset the formula there.
  assert.equal(await page.locator('#lesson-worked').evaluate((el) => el.shadowRoot.querySelectorAll('link[rel=stylesheet]').length), 2);
  assert.equal(await page.locator('#lesson-worked').evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('.al-scene')).borderTopStyle), 'solid');
  assert.ok(await page.locator('#lesson-worked .katex').count() > 0);
  await page.evaluate(() => document.fonts.ready);
  assert.equal(await page.evaluate(() => document.fonts.check('16px KaTeX_Main')), true, 'KaTeX fonts are declared in the document');
  // Hashed names, wasm as application/wasm, nothing from another host (no CDN).
  assert.ok(page.requests.some((u) => /attention-simd\.[0-9a-f]{10}\.wasm$/.test(u)));
  assert.ok(page.wasmTypes.length > 0 && page.wasmTypes.every((t) => t === 'application/wasm'));
  assert.deepEqual(page.requests.filter((u) => !u.startsWith(h.url) && !u.startsWith('data:')), []);
  // The element's shadow content is reachable with the keyboard.
  let inside = false;
  for (let i = 0; i < 10 && !inside; i++) {
    await page.keyboard.press('Tab');
    inside = await page.evaluate(() => document.activeElement?.id === 'lesson-worked' && !!document.activeElement.shadowRoot.activeElement);
  }
  assert.ok(inside, 'Tab reaches the controls inside <attention-lesson>');
  // No CSP violation in the page or the frame, no console error.
  for (const f of page.frames()) assert.deepEqual(await f.evaluate(() => window.__csp), [], `CSP violations in ${f.url()}`);
  assert.deepEqual(page.errors, []);
  await screenshot(page, 'embed-course-1200');
  await page.context().close();
});

test('the standalone page and embed.html compute under the strict CSP', async () => {
  for (const url of ['index.html#step=worked-example', 'embed.html?steps=worked-example&title=Worked%20example']) {
    const page = await recordingPage();
    await page.goto(h.url + url);
    await page.waitForSelector('#lesson[data-ready="true"]', { timeout: 20000 });
    assert.match(await page.locator('.al-trace').innerText(), WORKED_WEIGHTS);
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(page.errors, []);
    if (url.startsWith('embed')) assert.equal(await page.title(), 'Worked example');
    await page.context().close();
  }
});

test('two <attention-lesson> elements on one page do not interfere', async () => {
  const page = await recordingPage({ width: 1200 });
  await openCourse(page);
  const a = page.locator('#lesson-worked');
  const b = page.locator('#lesson-positions');
  // Different steps, and B starts from the author's sentence (as plain text).
  assert.equal(await a.locator('.al-step-title').innerText(), await a.evaluate((el) => el.shadowRoot.querySelector('.al-step-title').textContent));
  assert.notEqual(await a.locator('.al-step-title').innerText(), await b.locator('.al-step-title').innerText());
  assert.equal(await b.evaluate((el) => el.lesson.state().scenes.positions.sentence), 'The bank by the river was steep');
  assert.equal(await b.locator('input[type="text"]').first().inputValue(), 'The bank by the river was steep');
  // Themed from the page (custom properties cross the shadow boundary): B only.
  const accent = (loc) => loc.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('.al-root')).getPropertyValue('--al-accent').trim());
  assert.equal(await accent(b), '#6b2c91');
  assert.notEqual(await accent(a), '#6b2c91', 'A keeps the default accent');
  assert.equal(await b.locator('.al-step-link[aria-current="step"]').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(107, 44, 145)');
  const bBefore = await b.locator('.al-scene').innerText();
  const bState = await b.evaluate((el) => JSON.stringify(el.lesson.state()));

  // Change A: follow love's row. A recomputes, B does not change.
  await a.locator('.al-scene select').first().selectOption('0');
  await page.waitForFunction(() => /^love\u2019s query/.test(document.querySelector('#lesson-worked').shadowRoot.querySelector('.al-trace').textContent));
  assert.equal(await b.locator('.al-scene').innerText(), bBefore);
  assert.equal(await b.evaluate((el) => JSON.stringify(el.lesson.state())), bState);
  // Change B's sentence: A keeps its state.
  const aBefore = await a.locator('.al-scene').innerText();
  await b.locator('input[type="text"]').first().fill('Dogs chase cats');
  await b.locator('input[type="text"]').first().press('Enter');
  await page.waitForFunction(() => document.querySelector('#lesson-positions').lesson.state().scenes.positions?.sentence === 'Dogs chase cats');
  assert.equal(await a.locator('.al-scene').innerText(), aBefore);

  // A's quiz results come from A only, and completing A's three questions completes A alone.
  const events = [];
  await page.exposeFunction('__event', (e) => events.push(e));
  await page.evaluate(() => {
    for (const type of ['lesson-answered', 'lesson-completed']) document.addEventListener(type, (e) => window.__event({ type, target: e.target.id }));
  });
  await revealAll(a);
  await page.waitForFunction(() => document.querySelectorAll('#results li[data-verb="completed"]').length === 1);
  assert.deepEqual([...new Set(events.map((e) => e.target))], ['lesson-worked']);
  assert.equal(events.filter((e) => e.type === 'lesson-answered').length, 3);
  assert.equal(events.filter((e) => e.type === 'lesson-completed').length, 1);
  assert.equal(await b.evaluate((el) => el.lesson.quiz.progress().answered), 0);
  // Changing an attribute remounts only that element.
  await b.evaluate((el) => el.setAttribute('step', 'qkv'));
  await page.waitForFunction(() => document.querySelector('#lesson-positions').lesson?.state().step === 'qkv');
  assert.equal(await a.evaluate((el) => el.lesson.state().scenes['worked-example'].query), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the host page receives resize and result messages from the frame', async () => {
  const page = await recordingPage({ width: 1200 });
  const frame = await openCourse(page);
  await page.waitForFunction(() => window.__messages.some((m) => m.data?.type === 'attention-lesson:resize'));
  const resize = (await messages(page, (m) => m.data?.type === 'attention-lesson:resize')).at(-1);
  // Resize messages carry the height and nothing about the learner.
  assert.deepEqual(Object.keys(resize.data).sort(), ['height', 'id', 'type']);
  assert.equal(resize.origin, new URL(h.url).origin);
  assert.ok(resize.data.height > 300);
  const canvas = await messages(page, (m) => typeof m.data === 'string' && JSON.parse(m.data).subject === 'lti.frameResize');
  assert.ok(canvas.length > 0, "Canvas's lti.frameResize message is sent too");
  // The course page sized the frame from it.
  await page.waitForFunction((height) => document.getElementById('lesson-frame').style.height === `${height}px`, resize.data.height);
  const box = await page.locator('#lesson-frame').boundingBox();
  const content = await frame.locator('#frame').evaluate((el) => el.getBoundingClientRect().height);
  assert.ok(Math.abs(box.height - content) <= 3, `frame ${box.height}px tall for ${content}px of content`);

  // A quiz answer in the frame reaches the page as an xAPI-shaped statement.
  await frame.getByRole('button', { name: 'Show solution' }).first().click();
  await page.waitForFunction(() => window.__messages.some((m) => m.data?.type === 'attention-lesson:answered'));
  const answered = (await messages(page, (m) => m.data?.type === 'attention-lesson:answered'))[0];
  assert.equal(answered.origin, new URL(h.url).origin);
  assert.equal(answered.data.statement.verb.id, 'http://adlnet.gov/expapi/verbs/answered');
  await page.waitForSelector('#results li[data-source="iframe"]');
  // The frame grew when the solution appeared, and said so.
  await page.waitForFunction((before) => window.__messages.filter((m) => m.data?.type === 'attention-lesson:resize').length > before,
    (await messages(page, (m) => m.data?.type === 'attention-lesson:resize')).length - 1);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('messages from another origin are ignored, both by the frame and by the course page', async () => {
  const page = await recordingPage({ width: 1200 });
  const course = `${h.url}examples/course.html`;
  // An "evil" page on another origin frames the course page and posts to both windows.
  await page.goto(evilPage('evil-course.html', `<!doctype html><title>evil</title><link rel="icon" href="data:,"><iframe id="course" src="${course}" style="width:1200px;height:800px"></iframe>`));
  const coursePage = () => page.frames().find((f) => f.url() === course);
  await page.frameLocator('#course').frameLocator('#lesson-frame').locator('#lesson[data-ready="true"]').waitFor({ timeout: 20000 });
  const lessonFrame = frameOf(page);
  assert.equal(await lessonFrame.evaluate(() => window.attentionLesson.state().step), 'worked-example');

  await page.evaluate(() => {
    const coursePageWin = frames[0];
    const lessonWin = frames[0].frames[0];
    lessonWin.postMessage({ type: 'attention-lesson:goto', step: 'softmax' }, '*');
    lessonWin.postMessage({ type: 'attention-lesson:request-size' }, '*');
    coursePageWin.postMessage({ type: 'attention-lesson:completed', statement: { verb: { display: { 'en-US': 'completed' } }, result: { score: { raw: 99, max: 1 } } } }, '*');
    coursePageWin.postMessage({ type: 'attention-lesson:resize', height: 5 }, '*');
  });
  await coursePage().waitForFunction(() => !document.getElementById('ignored').hidden);
  await page.waitForTimeout(300);
  assert.equal(await lessonFrame.evaluate(() => window.attentionLesson.state().step), 'worked-example', 'the frame ignored goto from another origin');
  assert.equal(await coursePage().locator('#results li').count(), 0, 'the course page ignored a fake result');
  assert.notEqual(await coursePage().locator('#lesson-frame').evaluate((el) => el.style.height), '5px');
  assert.match(await coursePage().locator('#ignored').innerText(), new RegExp(`Ignored 2 messages.*${EVIL.replace(/\./g, '\\.')}`));

  // The same message from the configured origin (the course page's own control) is obeyed.
  await coursePage().locator('#frame-step').selectOption('softmax');
  await coursePage().locator('#frame-go').click();
  await lessonFrame.waitForFunction(() => window.attentionLesson.state().step === 'softmax');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('nothing leaves the frame for a parent that is not the configured origin, or with no origin', async () => {
  const own = new URL(h.url).origin;
  for (const query of [`&origin=${encodeURIComponent(own)}`, '', '&origin=*']) {
    const page = await recordingPage();
    // embed.html framed by a page on another origin: with origin=<the lesson's own origin> the
    // evil parent gets nothing; with no origin (or '*', refused) nothing is posted at all: not
    // even the height, which changes when a solution is shown and so would time the answers.
    await page.goto(evilPage('evil-embed.html', `<!doctype html><title>evil</title><link rel="icon" href="data:,"><iframe id="f" src="${h.url}embed.html?steps=worked-example${query}" style="width:900px;height:700px"></iframe>`));
    const frame = page.frameLocator('#f');
    await frame.locator('#lesson[data-ready="true"]').waitFor({ timeout: 20000 });
    const before = await frame.locator('#frame').evaluate((el) => el.getBoundingClientRect().height);
    await revealAll(frame);
    await frame.locator('.al-quiz-solution:visible').nth(2).waitFor();
    const after = await frame.locator('#frame').evaluate((el) => el.getBoundingClientRect().height);
    assert.notEqual(after, before, 'showing solutions changes the height (the signal that must not leak)');
    await page.waitForTimeout(300);
    assert.deepEqual(await messages(page), [], `no message at all (${query || 'no origin'})`);
    await page.context().close();
  }
});

test('the single-file build works from a file:// URL with the network disabled', async () => {
  const page = await h.page({ width: 1000 });
  const context = page.context();
  await context.setOffline(true);
  const network = [];
  await context.route(/^https?:/, (route) => { network.push(route.request().url()); return route.abort(); });
  const file = pathToFileURL(path.join(DIST, 'attention-lesson.html')).href;
  const html = readFileSync(path.join(DIST, 'attention-lesson.html'), 'utf8');
  assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+stylesheet|type="module"/, 'one file: nothing loaded from outside');
  await page.goto(`${file}#step=worked-example`);
  await page.waitForSelector('#lesson[data-ready="true"]', { timeout: 20000 });
  assert.match(await page.locator('.al-trace').innerText(), WORKED_WEIGHTS);
  assert.equal(await page.evaluate(() => window.attentionLesson.engine.simd), true);
  // The whole lesson (every step) and the quiz are there.
  assert.ok(await page.locator('.al-step-link').count() >= 16);
  await page.getByRole('button', { name: 'Show solution' }).first().click();
  await page.locator('.al-quiz-solution:visible').first().waitFor();
  // KaTeX fonts come from data: URLs inside the file.
  await page.evaluate(() => document.fonts.ready);
  assert.equal(await page.evaluate(() => document.fonts.check('16px KaTeX_Main') && [...document.fonts].some((f) => f.family === 'KaTeX_Main' && f.status === 'loaded')), true);
  assert.deepEqual(network, []);
  assert.deepEqual(page.errors, []);
  await screenshot(page, 'embed-single-file');
  await context.close();
});

test('the SCORM 1.2 package reports score and completion through the LMS API', async () => {
  const page = await h.page();
  // A stand-in LMS: the SCORM 1.2 API object on the window, recording every call.
  await page.context().addInitScript(() => {
    const data = { 'cmi.core.lesson_status': 'not attempted', 'cmi.student_data.mastery_score': '' };
    window.__scorm = [];
    window.API = {
      LMSInitialize: () => { window.__scorm.push(['LMSInitialize']); return 'true'; },
      LMSGetValue: (k) => data[k] ?? '',
      LMSSetValue: (k, v) => { data[k] = v; window.__scorm.push(['LMSSetValue', k, v]); return 'true'; },
      LMSCommit: () => { window.__scorm.push(['LMSCommit']); return 'true'; },
      LMSFinish: () => { window.__scorm.push(['LMSFinish']); return 'true'; },
      LMSGetLastError: () => '0', LMSGetErrorString: () => '', LMSGetDiagnostic: () => '',
    };
    window.__cmi = data;
  });
  assert.match(readFileSync(path.join(DIST, 'scorm/imsmanifest.xml'), 'utf8'), /adlcp:scormtype="sco" href="index.html"/);
  await page.goto(`${pathToFileURL(path.join(DIST, 'scorm/index.html')).href}#step=worked-example`);
  await page.waitForSelector('#lesson[data-ready="true"][data-scorm="connected-1.2"]', { timeout: 20000 });
  assert.equal(await page.evaluate(() => window.__cmi['cmi.core.lesson_status']), 'incomplete');
  await page.getByRole('button', { name: 'Show solution' }).first().click();
  await page.waitForFunction(() => window.__cmi['cmi.core.score.raw'] === '0' && window.__scorm.some((c) => c[0] === 'LMSCommit'));
  assert.equal(await page.evaluate(() => window.__cmi['cmi.core.score.max']), '100');
  // Every question of every step answered (here: solutions shown, so 0 points) → failed.
  const steps = await page.evaluate(() => Array.from(document.querySelectorAll('.al-step-link'), (b) => b.dataset.step));
  for (const id of steps) {
    await page.evaluate((s) => window.attentionLesson.goTo(s), id);
    await revealAll(page.locator('.al-quiz-host'));
  }
  await page.waitForFunction(() => window.__cmi['cmi.core.lesson_status'] === 'failed');
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  const calls = await page.evaluate(() => window.__scorm.map((c) => c[0]));
  assert.equal(calls.at(-1), 'LMSFinish');
  assert.match(await page.evaluate(() => window.__cmi['cmi.core.session_time']), /^\d{4}:\d{2}:\d{2}\.\d{2}$/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the course page at 360 px wide', async () => {
  const page = await recordingPage({ width: 360, height: 740 });
  await openCourse(page);
  // Nothing wider than the screen at the page level.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1));
  assert.deepEqual(page.errors, []);
  await screenshot(page, 'embed-course-360');
  await page.context().close();
});
