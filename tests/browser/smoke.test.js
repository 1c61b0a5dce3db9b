// Browser smoke test: the served page starts the wasm engine in headless Chromium, computes an
// attention matrix and shows it, with no console error or uncaught exception.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLesson } from './harness.js';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

test('the page computes the worked example with the wasm engine and shows it', async () => {
  const page = await h.page();
  await openLesson(page, h.url, '#step=worked-example');
  // The engine loaded (SIMD in this Chromium) and no page error was logged.
  assert.equal(await page.evaluate(() => window.attentionLesson.engine.simd), true);
  const scene = page.locator('.al-scene');
  // The raw-score heatmap's table holds the engine's numbers, exactly.
  await scene.getByRole('button', { name: 'Show as table' }).first().click();
  const table = scene.locator('table', { has: page.locator('caption', { hasText: 'Raw scores' }) });
  const cells = await table.locator('td:not(.al-corner)').allTextContents();
  assert.deepEqual(cells.map((c) => Number(c.replace('\u2212', '-'))), [1, 1, 0, 2, 3, 2, 2, 4, 4]);
  const trace = await scene.locator('.al-trace').innerText();
  assert.match(trace, /0\.2483, 0\.5035, 0\.2483/);
  assert.deepEqual(page.errors, []);
});
