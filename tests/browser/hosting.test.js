// Hosting the built dist/: pages opened from disk say what to do instead of staying blank or
// blaming the browser, and the engine does not need the server to send .wasm as application/wasm
// (it compiles from the downloaded bytes).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, screenshot, ROOT } from './harness.js';
import { STRICT_CSP } from '../../scripts/serve.mjs';

const DIST = path.join(ROOT, 'dist');
let h;
before(async () => {
  if (!existsSync(path.join(DIST, 'index.html')) || process.env.REBUILD_DIST) {
    const { buildDist } = await import('../../scripts/build-dist.mjs');
    await buildDist({ quiet: true });
  }
  h = await launch({ root: DIST, csp: STRICT_CSP });
});
after(async () => { await h?.close(); });

for (const page of ['index.html', 'embed.html']) {
  test(`dist/${page} opened from disk says to open the single file or serve the folder`, async () => {
    const p = await h.page();
    await p.goto(pathToFileURL(path.join(DIST, page)).href);
    const alert = p.getByRole('alert');
    await alert.waitFor({ timeout: 10000 });
    const text = await alert.innerText();
    assert.match(text, /opened as a file/);
    assert.match(text, /attention-lesson\.html/);
    assert.match(text, /python3 -m http\.server 8000/);
    if (page === 'index.html') await screenshot(p, 'hosting-from-disk');
    await p.context().close();
  });
}

test('the course example opened from disk: the element explains, and blames no browser', async () => {
  const p = await h.page();
  await p.goto(pathToFileURL(path.join(DIST, 'examples/course.html')).href);
  await p.waitForSelector('attention-lesson[state="error"]', { timeout: 10000 });
  const text = await p.locator('attention-lesson').first().locator('.al-notice').innerText();
  assert.match(text, /opened as a file/);
  assert.match(text, /attention-lesson\.html/);
  assert.doesNotMatch(text, /current browser|Failed to fetch/);
  await p.context().close();
});

test('the lesson runs when the server sends .wasm as application/octet-stream', async () => {
  const p = await h.page();
  const types = [];
  await p.route(/\.wasm$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
  });
  p.on('response', (r) => { if (r.url().endsWith('.wasm')) types.push(r.headers()['content-type']); });
  await p.goto(`${h.url}index.html#step=worked-example`);
  await p.waitForSelector('#lesson[data-ready="true"]', { timeout: 20000 });
  assert.match(await p.locator('.al-trace').first().innerText(), /0\.2483, 0\.5035, 0\.2483/);
  assert.ok(types.length >= 1 && types.every((t) => t === 'application/octet-stream'), types.join());
  assert.deepEqual(p.errors, []);
  await p.context().close();
});
