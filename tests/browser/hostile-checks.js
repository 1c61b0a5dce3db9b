// What every hostile-input suite (hostile-inputs, hostile-training, hostile-language-model)
// asserts after a case, written once: a refusal is a message in words with no raw value, browser
// jargon or stack; nothing raw on screen; no uncaught or console error; the canary script never
// ran and no injected element exists; and the page still computes (the worked example's 0.5035).
import assert from 'node:assert/strict';

// "NaN" is allowed only quoted back from the learner's input (“NaN”) or explained
// ("not a number (NaN)", "NaN (not a number)", "NaN or infinity").
const RAW = /\bundefined\b|(?<![“"]|not a number \()\bNaN\b(?![”"]| or infinity| \(not a number\))|\[object /;

/** A message the page showed: words, no raw values, no stack, no browser jargon. */
export function assertWords(text, where) {
  assert.ok((text.match(/[A-Za-z]{2,}/g) ?? []).length >= 4, `${where}: a message in words: ${text}`);
  assert.doesNotMatch(text, new RegExp(`${RAW.source}|^\\s*at |Error: |Failed to fetch`), `${where}: no raw values, browser jargon or stack in the message: ${text.slice(0, 200)}`);
}

/** What a case made the page say: in words, and matching the case's `says` where it has one. */
export function assertSaid(said, c) {
  if (c.says) assert.match(said, c.says, c.id);
  if (c.says || said) assertWords(said, c.id);
}

/** Nothing raw anywhere in the lesson's text. */
export async function assertNoRawValues(page, where) {
  assert.doesNotMatch(await page.locator('#lesson').innerText(), RAW, `${where}: no raw values on screen`);
}

/**
 * No error (but those `ignoreErrors` matches: a request the case blocks on purpose), no injected
 * script or element, then the worked example still computes.
 */
export async function assertSafeAndWorking(page, where, { ignoreErrors = null } = {}) {
  const errors = ignoreErrors ? page.errors.filter((e) => !ignoreErrors.test(e)) : page.errors;
  assert.deepEqual(errors, [], `${where}: no uncaught or console error`);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, `${where}: no injected script ran`);
  assert.equal(await page.locator('img[src="x"], svg[onload], #lesson script, a[href^="javascript:"]').count(), 0, `${where}: no injected element`);
  await page.evaluate(() => { location.hash = '#step=worked-example'; });
  await page.waitForFunction(() => document.querySelector('[aria-current="step"]')?.dataset.step === 'worked-example', null, { timeout: 10000 });
  await page.waitForFunction(() => /0\.50(35|4)\b/.test(document.getElementById('lesson').innerText), null, { timeout: 10000 });
}
