// Hostile and garbled links: for every step, each input from a URL hash is replaced by values of
// the right JSON type but a bad value (huge, negative, fractional, empty, very long, markup,
// wrong-length arrays, arrays of text). The page must not throw or log an error, must not show
// NaN or undefined, must not turn text into HTML, and must keep working afterwards.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLesson } from './harness.js';
import { SCENES } from '../../web/src/steps/index.js';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

const MARKUP = '<img src=x onerror="window.__pwned=1"><b>bold</b>';

// Bad values of the same JSON type as the default value.
function variants(value) {
  if (typeof value === 'number') return [1e30, -1e30, -1, 0, 0.5, 2 ** 31, 1e-30];
  if (typeof value === 'string') return ['', MARKUP, 'word '.repeat(400), '   ', '\u202e\u0000\uffff'];
  if (typeof value === 'boolean') return [!value];
  if (Array.isArray(value)) return [[], [1e30, -1e30], ['a', 'b'], Array.from({ length: 5000 }, (_, i) => i), value.map(() => -1e9), [[1, 2], [3]]];
  return [];
}

test('every step survives hostile values for every input in its link', async () => {
  const page = await h.page();
  await openLesson(page, h.url);
  let checked = 0;
  for (const scene of SCENES) {
    const defaults = scene.defaults();
    for (const [key, value] of Object.entries(defaults)) {
      for (const bad of variants(value)) {
        const hash = '#' + new URLSearchParams({ step: scene.id, [scene.id]: JSON.stringify({ [key]: bad }) }).toString();
        await page.evaluate((hh) => { location.hash = hh; }, hash);
        await page.waitForFunction((id) => document.querySelector('.al-step-link[aria-current=step]')?.dataset.step === id, scene.id);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const text = await page.locator('.al-scene').innerText();
        const where = `${scene.id}.${key} = ${JSON.stringify(bad).slice(0, 60)}`;
        assert.doesNotMatch(text, /\bNaN\b|\bundefined\b/, where);
        assert.ok(text.trim().length > 20, `${where}: the scene still shows something`);
        assert.deepEqual(page.errors, [], where);
        checked++;
      }
    }
  }
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'markup from a link never ran');
  assert.equal(await page.locator('.al-root img, .al-root b').count(), 0, 'markup from a link was never turned into elements');
  // The lesson still computes correctly afterwards.
  await page.evaluate(() => { location.hash = '#step=worked-example'; });
  await page.waitForFunction(() => /0\.2483, 0\.5035, 0\.2483/.test(document.querySelector('.al-trace')?.textContent ?? ''));
  assert.ok(checked > 150, `checked ${checked} hostile links`);
});
