// The learned / random switch (steps 10 and 13) and step 9's gradient chart in Chromium: by
// keyboard the switch turns to "learned", the trained files load only then, the page says which
// weights it shows and what layer 2's 'it' row does (its numbers match the table on screen), the
// choice survives a reload from the copied URL, a word the model never saw is named; step 9's
// chart appears after the reveal with the numbers its sentence reads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLesson } from './harness.js';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

test('step 10: the switch by keyboard, the learned pattern measured on screen, the URL keeps it, unknown words named', async () => {
  const page = await h.page();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await openLesson(page, h.url, '#step=sentence');
  await page.getByRole('button', { name: /the animal … it was too tired/ }).click();
  assert.ok(!fetched.some((u) => u.includes('/trained/')), 'no trained file before the switch is used');
  assert.match(await page.getByTestId('weights-source').innerText(), /^Random weights:/);
  // keyboard: focus the checked radio, arrow to the next one (checks it)
  await page.getByLabel('random (seeded, nothing learned)').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => /^Learned weights/.test(document.querySelector('[data-testid=weights-source]').textContent));
  assert.ok(fetched.some((u) => u.endsWith('/trained/it-two-layers.atw')), 'the trained files load when asked for');
  const source = await page.getByTestId('weights-source').innerText();
  assert.match(source, /trained by this lesson’s own trainer on the task “it → animal with two layers”.*Showing layer 2 of 2\./);
  const pattern = await page.getByTestId('learned-pattern').innerText();
  const m = /in layer 2 that row gives its largest weight, (\d\.\d\d), to 'animal'/.exec(pattern);
  assert.ok(m, pattern);
  // the same number in the table view of the weights stage, row 'it', column 'animal'
  await page.getByRole('button', { name: 'Show every matrix as a table' }).click();
  const cell = await page.evaluate(() => {
    const table = [...document.querySelectorAll('.al-scene table.al-matrix')].find((t) => /softmax weights/.test(t.caption?.textContent ?? ''));
    const cols = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim()); // after the corner cell
    const row = [...table.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')?.textContent.trim() === 'it');
    return row.children[cols.indexOf('animal') + 1].querySelector('.al-value').textContent.trim();
  });
  assert.equal(cell, m[1]);
  // the copied URL reproduces the learned view
  const url = page.url();
  assert.match(decodeURIComponent(url), /"weights":"learned"/);
  const again = await h.page();
  await openLesson(again, h.url, new URL(url).hash);
  await again.waitForFunction(() => /^Learned weights/.test(document.querySelector('[data-testid=weights-source]').textContent));
  assert.equal(await again.getByTestId('learned-pattern').innerText(), pattern);
  // a word the trained model never saw: named, and the random weights are shown
  await again.getByLabel('Sentence', { exact: true }).fill('The cat sat down');
  await again.waitForFunction(() => /‘sat’ and ‘down’ are not among them/.test(document.querySelector('[data-testid=weights-note]').textContent));
  assert.match(await again.getByTestId('weights-source').innerText(), /^Random weights:/);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(again.errors, []);
});

test('step 13 from a link with learned weights; step 9 shows the measured gradient chart after the reveal', async () => {
  const page = await h.page();
  await openLesson(page, h.url, `#step=multi-head&multi-head=${encodeURIComponent(JSON.stringify({ weights: 'learned' }))}`);
  await page.waitForFunction(() => /^Learned weights/.test(document.querySelector('[data-testid=weights-source]').textContent));
  assert.match(await page.getByTestId('weights-source').innerText(), /This model has 1 head per layer/);
  assert.match(await page.getByTestId('head-argmax').innerText(), /^head 1 → ‘animal’/);
  // one head per layer: the step says so and offers the language model's step, whose heads differ
  const seeAlso = page.getByTestId('heads-see-also');
  assert.match(await seeAlso.innerText(), /one head per layer, so it cannot show heads taking on different jobs/);
  await seeAlso.getByRole('button', { name: /^Go to step 23: / }).click();
  await page.waitForFunction(() => window.attentionLesson.state().step === 'real-model');
  await openLesson(page, h.url, '#step=multi-head'); // random weights: no such line
  assert.equal(await page.getByTestId('heads-see-also').isHidden(), true);

  await openLesson(page, h.url, '#step=scaling');
  assert.equal(await page.getByTestId('gradient-chart').isVisible(), false);
  await page.getByTestId('reveal').click();
  await page.waitForSelector('[data-testid=gradient-sentence]:not([hidden])', { timeout: 20000 });
  const sentence = await page.getByTestId('gradient-sentence').innerText();
  const rows = await page.getByTestId('gradient-table').locator('tbody tr').allInnerTexts();
  assert.equal(rows.length, 9);
  const last = rows[8].split('\t');
  assert.equal(last[0], '512');
  assert.match(sentence, new RegExp(`falls from [0-9.]+ to ${last[2].replace('.', '\\.')}, [\\d,]+ times less than with scaling at d_k = 512, and ${last[3]} of the rows`));
  assert.equal(await page.locator('[data-testid=gradient-chart] svg .cost-chart-dot').count(), 2 * 9 + 2, 'nine points per series and two legend marks');
  assert.deepEqual(page.errors, []);
});
