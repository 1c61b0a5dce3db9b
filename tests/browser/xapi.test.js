// xAPI from the built embeddings (dist/, strict CSP plus the LRS in connect-src): an
// <attention-lesson> element and an embed.html frame configured with an actor, a base IRI, a quiz
// id and an LRS endpoint. Every statement they emit (DOM events, frame messages, and what the
// stand-in LRS received) passes Learning Locker's validator, carries the configured actor and
// activity ids, and every frame message carries the frame's id.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import validateStatement from '@learninglocker/xapi-validation';
import { launch, ROOT } from './harness.js';
import { STRICT_CSP } from '../../scripts/serve.mjs';

const validate = validateStatement.default ?? validateStatement;
const DIST = path.join(ROOT, 'dist');
const BASE = 'https://lms.example.org/xapi/attention';
let h, lrs, lrsUrl;
const received = [];

before(async () => {
  if (!existsSync(path.join(DIST, 'embed.html')) || process.env.REBUILD_DIST) {
    const { buildDist } = await import('../../scripts/build-dist.mjs');
    await buildDist({ quiet: true });
  }
  // A stand-in LRS: accepts POST /xapi/statements (with CORS, as a real LRS does) and keeps them.
  lrs = createServer((req, res) => {
    const cors = { 'Access-Control-Allow-Origin': req.headers.origin ?? '*', 'Access-Control-Allow-Headers': 'content-type, authorization, x-experience-api-version', 'Access-Control-Allow-Methods': 'POST' };
    if (req.method === 'OPTIONS') { res.writeHead(204, cors); res.end(); return; }
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      received.push({ url: req.url, version: req.headers['x-experience-api-version'], auth: req.headers.authorization, statement: JSON.parse(body) });
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json' });
      res.end(JSON.stringify([received.at(-1).statement.id]));
    });
  });
  await new Promise((r) => lrs.listen(0, '127.0.0.1', r));
  lrsUrl = `http://localhost:${lrs.address().port}/xapi`;
  h = await launch({ root: DIST, csp: STRICT_CSP.replace("connect-src 'self'", `connect-src 'self' ${new URL(lrsUrl).origin}`) });
});
after(async () => {
  await h?.close();
  await new Promise((r) => lrs?.close(r));
});

const problems = (st) => validate(st).map((w) => `${w.path.join('.')}: ${w.name}`);

async function revealAll(scope) {
  const buttons = scope.getByRole('button', { name: 'Show solution' });
  for (let i = 0; i < 20 && (await buttons.count()) > 0; i++) await buttons.first().click();
}

test('the element: configured actor and ids, every statement valid, also at the LRS', async () => {
  const page = await h.page();
  await page.goto(`${h.url}examples/course.html`);
  await page.evaluate(({ base, endpoint }) => {
    window.__statements = [];
    for (const n of ['lesson-answered', 'lesson-completed']) document.addEventListener(n, (e) => window.__statements.push(e.detail));
    const el = document.createElement('attention-lesson');
    el.id = 'xapi-lesson';
    el.setAttribute('steps', 'softmax');
    el.setAttribute('quiz-id', 'week-3');
    el.setAttribute('activity-base', base);
    el.setAttribute('actor', '{"name":"Ada","account":{"homePage":"https://lms.example.org","name":"ada-17"}}');
    el.setAttribute('lrs-endpoint', endpoint);
    el.setAttribute('lrs-auth', 'Basic dGVzdDp0ZXN0');
    document.body.append(el);
  }, { base: BASE, endpoint: lrsUrl });
  await page.waitForSelector('attention-lesson#xapi-lesson[state="ready"]', { timeout: 20000 });
  await revealAll(page.locator('#xapi-lesson'));
  await page.waitForFunction(() => window.__statements.some((s) => s.verb.id.endsWith('/completed')));
  const statements = await page.evaluate(() => window.__statements);
  assert.ok(statements.length >= 3, `${statements.length} statements`);
  for (const st of statements) {
    assert.deepEqual(problems(st), [], st.object.id);
    assert.deepEqual(st.actor, { objectType: 'Agent', name: 'Ada', account: { homePage: 'https://lms.example.org', name: 'ada-17' } });
  }
  const answered = statements.filter((s) => s.verb.id.endsWith('/answered'));
  for (const st of answered) assert.match(st.object.id, new RegExp(`^${BASE}/week-3/question/[a-z0-9-]+$`));
  assert.equal(statements.at(-1).object.id, `${BASE}/week-3`);
  const choice = answered.find((s) => s.object.definition.interactionType === 'choice');
  assert.ok(choice.object.definition.choices.length >= 2);
  // The LRS got the same statements, in order, with the xAPI version header and the auth.
  await page.waitForFunction(() => true);
  for (let i = 0; i < 50 && received.length < statements.length; i++) await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual(received.map((r) => r.statement.id), statements.map((s) => s.id));
  assert.ok(received.every((r) => r.url === '/xapi/statements' && r.version === '1.0.3' && r.auth === 'Basic dGVzdDp0ZXN0'));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('embed.html: actor from the URL, a frame id on every message, every statement valid', async () => {
  const page = await h.page();
  await page.context().addInitScript(() => {
    if (window.top !== window) return;
    window.__messages = [];
    window.addEventListener('message', (e) => window.__messages.push(e.data));
  });
  await page.goto(`${h.url}examples/course.html`);
  const own = new URL(h.url).origin;
  const src = `${h.url}embed.html?steps=softmax&origin=${encodeURIComponent(own)}&id=frame-7&quiz-id=week-4&activity-base=${encodeURIComponent(BASE)}&actor=${encodeURIComponent('learner@example.org')}`;
  await page.evaluate((s) => {
    const f = document.createElement('iframe');
    f.id = 'xapi-frame';
    f.title = 'Lesson';
    f.src = s;
    f.style.cssText = 'width: 900px; height: 800px';
    document.body.append(f);
  }, src);
  const frame = page.frameLocator('#xapi-frame');
  await frame.locator('#lesson[data-ready="true"]').waitFor({ timeout: 20000 });
  await revealAll(frame);
  await page.waitForFunction(() => window.__messages.some((m) => m?.type === 'attention-lesson:completed' && m.id === 'frame-7'));
  const mine = (await page.evaluate(() => window.__messages)).filter((m) => typeof m === 'string' ? false : m?.id === 'frame-7' || m?.statement?.object?.id?.includes('week-4'));
  const objects = mine.filter((m) => typeof m === 'object');
  assert.ok(objects.some((m) => m.type === 'attention-lesson:ready'));
  assert.ok(objects.every((m) => m.id === 'frame-7'), 'every message names its frame');
  const statements = objects.filter((m) => m.statement).map((m) => m.statement);
  assert.ok(statements.length >= 3);
  for (const st of statements) {
    assert.deepEqual(problems(st), [], st.object.id);
    assert.deepEqual(st.actor, { objectType: 'Agent', mbox: 'mailto:learner@example.org' });
    assert.ok(st.object.id.startsWith(`${BASE}/week-4`), st.object.id);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
