// The code panels and the exercise in the built deliverables (dist/, built here when missing):
// served with the strict Content-Security-Policy, the first view fetches none of their chunks,
// opening a panel fetches its inside and visiting the exercise fetches the exercise, and both
// work with no CSP violation; the single file opened from file:// with the network off has them
// inlined (a panel lists its code; the exercise runs typed code, in CodeMirror and its inlined
// worker, names a bug and stops an endless loop; the fill-in grades); the SCORM packages' pages
// carry them too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, recordRequestsAndCsp, ensureDist, DIST } from './harness.js';
import { STRICT_CSP } from '../../scripts/serve.mjs';
import { SOLUTIONS } from '../js/code-exercise-solutions.js';

let h;
before(async () => {
  await ensureDist();
  h = await launch({ root: DIST, csp: STRICT_CSP });
});
after(async () => { await h?.close(); });

// Each chunk's name in dist/ (name.<hash>.js).
const chunk = (name) => new RegExp(`/${name}\\.[0-9a-f]{10}\\.js$`);
const CODE_CHUNKS = ['code-panel-body', 'exercise-view', 'wrong-shape-view'];

const fetched = (page, name) => page.requests.some((p) => chunk(name).test(p));

test('dist/ under the strict CSP: no code chunk in the first view; each loads when needed and works', async () => {
  const page = await recordRequestsAndCsp(await h.page());
  await page.goto(`${h.url}index.html`);
  await page.waitForSelector('#lesson[data-ready="true"]', { timeout: 20000 });
  await page.waitForLoadState('networkidle');
  for (const name of CODE_CHUNKS) assert.equal(fetched(page, name), false, `${name} is not part of the first view`);

  // A code panel: its inside loads when it opens, not when the step opens.
  await page.evaluate(() => window.attentionLesson.goTo('worked-example'));
  const panel = page.getByTestId('code-panel');
  await panel.waitFor();
  await page.waitForLoadState('networkidle');
  assert.equal(fetched(page, 'code-panel-body'), false, 'a closed panel loads nothing');
  await panel.locator('summary').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="code-listing"]')?.childElementCount > 0, null, { timeout: 10000 });
  assert.equal(fetched(page, 'code-panel-body'), true);
  assert.match(await panel.getByTestId('code-listing').innerText(), /^tokens = \['love', 'Apple', 'phones'\]$/m);
  assert.match(await panel.getByTestId('code-expected').innerText(), /0\.2483\s+0\.5035\s+0\.2483/);

  // The mistake lab's fourth bug loads with its step.
  await page.evaluate(() => window.attentionLesson.goTo('mistake-lab'));
  await page.getByTestId('wrong-shape-facts').waitFor();
  assert.equal(fetched(page, 'wrong-shape-view'), true);

  // The exercise: under this policy typed code cannot run, so the fill-in is the exercise.
  await page.evaluate(() => window.attentionLesson.goTo('exercise'));
  await page.waitForFunction(() => document.querySelector('[data-testid="exercise-availability"]')?.dataset.mode === 'fill-in', null, { timeout: 15000 });
  assert.equal(fetched(page, 'exercise-view'), true);
  assert.match(await page.getByTestId('exercise-availability').innerText(), /security policy .*no 'unsafe-eval'/);
  for (const label of ['divided by √d_k', 'j > i (a later token)', 'before the softmax: hidden scores become −∞', 'each row: query i shares one unit among the keys']) {
    await page.getByTestId('exercise-fill').getByLabel(label).check();
  }
  await page.getByRole('button', { name: 'Check these choices' }).click();
  assert.equal(await page.getByTestId('exercise-verdict').getAttribute('data-pass'), 'true');
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation');
  assert.deepEqual(page.errors, []);
});

test('the single file from file:// with the network off: panels and the exercise are inside it', async () => {
  const page = await h.page();
  const context = page.context();
  await context.setOffline(true);
  const network = [];
  await context.route(/^https?:/, (route) => { network.push(route.request().url()); return route.abort(); });
  await page.goto(`${pathToFileURL(path.join(DIST, 'attention-lesson.html')).href}#step=causal-mask`);
  await page.waitForSelector('#lesson[data-ready="true"]', { timeout: 20000 });
  const panel = page.getByTestId('code-panel');
  await panel.locator('summary').click();
  await panel.getByRole('tab', { name: 'NumPy' }).click();
  assert.match(await panel.getByTestId('code-listing').innerText(), /hidden = np\.triu\(np\.ones\(\(n, n\), dtype=bool\), k=1\)/);

  // The exercise runs typed code here too: the worker is inlined and starts from a blob: URL, and
  // CodeMirror is bundled into the file.
  await page.evaluate(() => window.attentionLesson.goTo('exercise'));
  await page.waitForFunction(() => document.querySelector('[data-testid="exercise-availability"]')?.dataset.mode === 'code', null, { timeout: 15000 });
  await page.waitForSelector('[data-testid="exercise-editor"][data-kind="codemirror"]', { timeout: 15000 });
  const run = async (source) => {
    await page.locator('[data-testid="exercise-editor"] .cm-content').focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(source);
    await page.getByRole('button', { name: 'Run and check' }).click();
    await page.waitForFunction(() => ['true', 'false'].includes(document.querySelector('[data-testid="exercise-verdict"]').dataset.pass), null, { timeout: 15000 });
    const verdict = page.getByTestId('exercise-verdict');
    const result = { pass: await verdict.getAttribute('data-pass'), bugs: await verdict.getAttribute('data-bugs') };
    await page.evaluate(() => { document.querySelector('[data-testid="exercise-verdict"]').dataset.pass = ''; });
    return result;
  };
  assert.deepEqual(await run(SOLUTIONS.correct), { pass: 'true', bugs: '' });
  assert.deepEqual(await run(SOLUTIONS.maskAfterSoftmax), { pass: 'false', bugs: 'mask-after-softmax' });
  assert.deepEqual(await run('function attention(x) {\n  for (;;) {}\n}'), { pass: 'false', bugs: 'timeout' });
  // The fill-in is there as well.
  const fill = page.getByTestId('exercise-fill');
  await fill.locator('summary').click();
  await fill.getByLabel('each column: key j shares one unit among the queries').check();
  for (const label of ['divided by √d_k', 'j > i (a later token)', 'before the softmax: hidden scores become −∞']) await fill.getByLabel(label).check();
  await page.getByRole('button', { name: 'Check these choices' }).click();
  assert.equal(await page.getByTestId('exercise-verdict').getAttribute('data-bugs'), 'softmax-over-queries');
  assert.deepEqual(network, []);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the SCORM packages\' pages carry the code panels and the exercise inline', async () => {
  if (!existsSync(path.join(DIST, 'scorm2004/index.html')) || process.env.REBUILD_DIST) {
    const { packageScorm } = await import('../../scripts/package-scorm.mjs');
    await packageScorm();
  }
  for (const dir of ['scorm', 'scorm2004']) {
    const file = path.join(DIST, dir, 'index.html');
    const html = readFileSync(file, 'utf8');
    assert.match(html, /Download notebook \(\.ipynb\)/, `${dir}: the code panel's inside`);
    assert.match(html, /Check these choices/, `${dir}: the exercise`);
    assert.match(html, /globalThis\.ATTENTION_LESSON_WORKERS=\{"exercise":/, `${dir}: the exercise's worker, inline`);
    assert.doesNotMatch(html, /import\("\.\//, `${dir}: no chunk to fetch`);
  }
});
