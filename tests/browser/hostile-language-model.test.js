// Hostile inputs against the language-model steps (23 "A real model reads your sentence", 24
// "Where attention sits in a transformer") in Chromium, the sibling of hostile-inputs.test.js
// for the page's small language model. Every case is listed in CASES. After each case the suite
// asserts: no uncaught or console error; no injected script ran and no injected element exists;
// where the input is refused, changed or cannot load, a message in words (matching `says`), and
// nowhere on the page a raw "NaN", "undefined" or "[object"; the page still computes afterwards
// (the worked example's 0.5035).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assertNoRawValues, assertSafeAndWorking, assertSaid } from './hostile-checks.js';
import { launch, openLesson, ROOT } from './harness.js';

const SCRIPT = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
const WEIGHTS = readFileSync(path.join(ROOT, 'web/assets/lm/model.bin'));
const link = (step, settings) => `#step=${step}&${step}=${encodeURIComponent(JSON.stringify(settings))}`;

// step: which of the two (default 23). link: settings through the link. type: text pasted into
// the sentence box. route: [pattern, handler] for a fresh page (the weights fail to load).
const CASES = [
  { id: 'link-10000-words', link: { sentence: 'word '.repeat(10000) }, says: /sentence was cut to its first 300 characters.*The model reads at most 31 words/ },
  // (pasted text is cut to the box's 300 characters first, and says so)
  { id: 'type-10000-words', type: 'attention '.repeat(10000), says: /The sentence was cut to its first 300 characters\./ },
  { id: 'type-40-words', type: 'the cat '.repeat(20), says: /The model reads at most 31 words \(and punctuation marks\) at a time; this text has 40/ },
  { id: 'type-script-text', type: SCRIPT, reads: true },
  { id: 'type-emoji', type: '🐈 🪑 ⬇️ 👨‍👩‍👧 the cat', reads: true },
  { id: 'type-rtl-and-controls', type: 'the \u202ecat\u202c sat\u200b\u200d\u0000 down\ufeff שלום مرحبا', reads: true },
  { id: 'type-lone-surrogates', type: 'a \ud800 b \udfff c', reads: true },
  { id: 'type-empty', type: '   ', says: /./ },
  { id: 'link-layer-head-query-huge', link: { layer: 99, head: -1, query: 1e9 }, says: /layer goes from 1 to 2, so 99 became 2.*head goes from 1 to 4, so \u22121 became 1/ },
  { id: 'link-sentence-not-text', link: { sentence: { toString: 1 } }, says: /sentence should be text, but it is a group of settings/ },
  { id: 'block-10000-words', step: 'transformer-block', link: { sentence: 'word '.repeat(10000) }, says: /cut to its first \d+ characters/ },
  { id: 'block-script-text', step: 'transformer-block', type: SCRIPT },
  { id: 'weights-fail-to-load', fresh: true, blocked: true, route: ['**/lm/model*.bin', (r) => r.abort()], says: /The language model could not be loaded, so this step cannot show it\. The language model's weights file could not be downloaded \(model[.\w]*\.bin\): the network request failed\. The connection may be down, or the site that serves the lesson may not let this page read its files\. Check the connection and reload the page\./ },
  { id: 'weights-fail-on-step-24', step: 'transformer-block', fresh: true, blocked: true, route: ['**/lm/model*.bin', (r) => r.abort()], says: /The language model could not be loaded, so this step cannot show it\./ },
  { id: 'weights-404', fresh: true, route: ['**/lm/model*.bin', (r) => r.fulfill({ status: 404, body: 'gone' })], says: /could not be loaded.*HTTP 404/ },
  { id: 'weights-not-a-model', fresh: true, route: ['**/lm/model*.bin', (r) => r.fulfill({ status: 200, body: Buffer.from(`<html>${'an error page from a proxy '.repeat(4)}</html>`) })], says: /could not be loaded.*not a language-model weights file: it does not start with "ATLM"/ },
  { id: 'weights-cut-short', fresh: true, route: ['**/lm/model*.bin', (r) => r.fulfill({ status: 200, body: WEIGHTS.subarray(0, 100000) })], says: /could not be loaded.*cut short inside tensor \d+/ },
  // the last float32 of the file (the final norm's last bias) made NaN
  { id: 'weights-nan', fresh: true, route: ['**/lm/model*.bin', (r) => { const b = Buffer.from(WEIGHTS); b.writeFloatLE(NaN, b.length - 4); r.fulfill({ status: 200, body: b }); }], says: /could not be loaded.*holds a value that is not a finite number \(NaN or infinity\)/ },
];

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

const messages = (page) => page.evaluate(() => [...document.querySelectorAll('[role=alert], [data-role=lm-status], [data-role=sentence-problem]')]
  .map((e) => e.textContent.trim()).filter(Boolean));


async function openStep(page, id, hash = `#step=${id}`) {
  await page.evaluate((x) => { location.hash = x; }, hash);
  await page.waitForFunction((x) => document.querySelector('[aria-current="step"]')?.dataset.step === x, id, { timeout: 10000 });
  await page.waitForFunction(() => ['ready', 'failed'].includes(document.querySelector('[data-role=lm-status]')?.dataset.state), null, { timeout: 30000 });
}

async function runCase(page, c) {
  const step = c.step ?? 'real-model';
  await openStep(page, step, c.link ? link(step, c.link) : undefined);
  if (c.type !== undefined) {
    const box = page.getByRole('textbox', { name: 'Sentence for the model' }).first();
    await box.evaluate((el, v) => {
      el.value = v; // as a paste would (maxLength only limits typing)
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, c.type);
    await box.press('Enter');
  }
  await page.waitForTimeout(400);
  return (await messages(page)).join(' ');
}

test('the language-model hostile cases are at least 15, each named once', () => {
  assert.ok(CASES.length >= 15, `${CASES.length} cases`);
  assert.equal(new Set(CASES.map((c) => c.id)).size, CASES.length);
});

test('every language-model hostile case: no uncaught error, no injected script, refusals in words, the page still computes', { timeout: 600000 }, async (t) => {
  let page = await h.page();
  await openLesson(page, h.url);
  for (const c of CASES) {
    await t.test(c.id, async () => {
      if (c.fresh) {
        page = await h.page();
        await page.route(...c.route);
        await openLesson(page, h.url);
      }
      const said = await runCase(page, c);
      assertSaid(said, c);
      if (c.reads) {
        // the model read it: tokens listed, and a next-word line with percentages
        assert.ok(await page.locator('[data-role=tokens] li').count() >= 1, `${c.id}: tokens shown`);
      }
      await assertNoRawValues(page, c.id);
      // (Chromium itself logs a request a case blocks or fails on purpose)
      await assertSafeAndWorking(page, c.id, { ignoreErrors: c.fresh ? /Failed to load resource/ : null });
      if (c.fresh) {
        await page.context().close();
        page = await h.page();
        await openLesson(page, h.url);
      }
    });
  }
});
