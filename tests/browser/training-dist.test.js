// The training steps in the built deliverables. Hosted dist/ under the lesson's strict CSP: the
// step trains in the Worker, which fetches the content-hashed engine and trainer wasm the page
// names (dist/ ships them; no unhashed name is asked for) and reaches 95 %. The single offline
// file from file:// with the network off: no Worker can start, so it trains on the page from the
// inlined trainer and says so. Neither shows a page error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, ensureDist, DIST } from './harness.js';
import { STRICT_CSP } from '../../scripts/serve.mjs';

let h;
before(async () => {
  await ensureDist();
  h = await launch({ root: DIST, csp: STRICT_CSP });
});
after(async () => { await h?.close(); });

const ready = (page) => page.waitForFunction(() => document.querySelector('.al-scene [data-action=play]')?.disabled === false, null, { timeout: 30000 });

async function trainToTarget(page) {
  await page.locator('.al-scene [data-input=speed]').selectOption('max');
  await page.locator('.al-scene [data-action=play]').press('Enter');
  await page.waitForFunction(() => Number(document.querySelector('.al-scene [data-role=status]')?.dataset.accuracy) >= 0.95, null, { timeout: 30000, polling: 'raf' });
  await page.locator('.al-scene [data-action=play]').press('Enter');
  return Number(await page.locator('.al-scene [data-role=counter]').getAttribute('data-reached-at'));
}

test('hosted dist/ under the strict CSP: the training worker starts with the hashed wasm files and trains to 95 %', async () => {
  const files = readdirSync(DIST);
  for (const re of [/^training-worker\.[0-9a-f]{10}\.js$/, /^attention-train-simd\.[0-9a-f]{10}\.wasm$/, /^attention-train-scalar\.[0-9a-f]{10}\.wasm$/]) {
    assert.ok(files.some((f) => re.test(f)), `dist/ ships ${re}`);
  }
  const page = await h.page();
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  const failed = [];
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  await page.goto(`${h.url}index.html#step=watch-learning`);
  await ready(page);
  assert.equal(await page.locator('.al-scene [data-role=mode]').getAttribute('data-mode'), 'worker');
  const at = await trainToTarget(page);
  assert.ok(at > 0);
  assert.ok(requested.some((p) => /\/training-worker\.[0-9a-f]{10}\.js$/.test(p)), requested.join());
  assert.ok(requested.some((p) => /\/attention-train-simd\.[0-9a-f]{10}\.wasm$/.test(p)), 'the worker fetched the hashed trainer');
  assert.deepEqual(failed, []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the single offline file: training runs on the page from the inlined trainer, and says so', async () => {
  const page = await h.page();
  const context = page.context();
  await context.setOffline(true);
  const network = [];
  await context.route(/^https?:/, (route) => { network.push(route.request().url()); return route.abort(); });
  await page.goto(`${pathToFileURL(path.join(DIST, 'attention-lesson.html')).href}#step=causal-learning`);
  await ready(page);
  assert.equal(await page.locator('.al-scene [data-role=mode]').getAttribute('data-mode'), 'main-thread');
  assert.match(await page.locator('.al-scene [data-role=mode]').innerText(), /No background worker could start here/);
  const at = await trainToTarget(page);
  console.log(`# single file, task 5 on the main thread: 95 % held-out at step ${at}`);
  assert.deepEqual(network, []);
  assert.deepEqual(page.errors, []);
  await context.close();
});
