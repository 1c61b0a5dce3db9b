// Step 9 in the browser: after Reveal, the unscaled numbers stay shown through every other change
// (d_k, keys per row, the scaling switch), the verdict and the table agree with each other, and
// "Guess again" hides them. The old page hid the reveal again after any change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLesson } from './harness.js';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

test('a reveal survives changing d_k, n and the scaling switch, until Guess again', async () => {
  const page = await h.page();
  await openLesson(page, h.url, '#step=scaling');
  const scene = page.locator('.al-scene');
  const unscaled = page.getByTestId('max-weight-unscaled');
  assert.equal(await unscaled.innerText(), 'hidden: predict first');
  await scene.getByRole('combobox').first().selectOption('above');
  await page.getByTestId('reveal').click();
  await page.waitForFunction(() => !/hidden/.test(document.querySelector('[data-testid=max-weight-unscaled]').textContent));
  const at64 = Number(await unscaled.innerText());
  assert.ok(at64 > 0.7 && at64 < 0.9, `mean largest weight at d_k 64: ${at64}`);
  assert.match(await page.getByTestId('prediction-verdict').innerText(), new RegExp(`averages ${at64.toFixed(2)}, not above 0\\.9: your guess was not right`));
  assert.match(await page.getByTestId('peakedness').innerText(), /sharply peaked but not one-hot/);

  const changes = [
    async () => page.getByLabel('d_k (powers of two from 1 to 1024)').fill('8'),
    async () => page.getByLabel('Keys per row n').fill('8'),
    async () => scene.getByLabel('divide by √d_k before softmax').uncheck(),
  ];
  for (const change of changes) {
    await change();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.notEqual(await unscaled.innerText(), 'hidden: predict first');
    assert.equal(await page.getByTestId('reveal').isVisible(), false);
  }
  assert.match(decodeURIComponent(page.url()), /"dK":256/, 'the d_k stop 8 is 2⁸ = 256');
  await scene.getByRole('button', { name: 'Guess again' }).click();
  await page.waitForFunction(() => /hidden/.test(document.querySelector('[data-testid=max-weight-unscaled]').textContent));
  assert.deepEqual(page.errors, []);
});
