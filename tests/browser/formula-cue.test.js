// At phone width (360 px) the positional-encoding formula (step 12) and the multi-head formula
// (step 13) are wider than the screen; each must show its visible "scroll sideways" cue, and the
// cue must change once the formula has been scrolled to its end. The worked example's formula
// fits and shows no cue.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLesson } from './harness.js';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

const formulaState = (page) => page.evaluate(() => [...document.querySelectorAll('.al-scene .al-formula-box')].map((b) => {
  const f = b.querySelector('.al-formula'), cue = b.querySelector('.al-formula-cue');
  return { hidden: f.scrollWidth - f.clientWidth, cue: !cue.hidden && cue.getBoundingClientRect().height > 0 ? cue.textContent : null };
}));

test('at 360 px the positional-encoding and multi-head formulas say they scroll; one that fits says nothing', async () => {
  const page = await h.page({ width: 360, height: 740, hasTouch: true });
  await openLesson(page, h.url);
  for (const id of ['positions', 'multi-head']) {
    await page.evaluate((s) => window.attentionLesson.goTo(s), id);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const boxes = await formulaState(page);
    assert.ok(boxes.length >= 1, `${id} has a formula`);
    const wide = boxes.filter((b) => b.hidden > 1);
    assert.ok(wide.length >= 1, `${id}: its formula is wider than the phone (${boxes.map((b) => b.hidden).join(', ')} px hidden)`);
    for (const b of wide) assert.equal(b.cue, 'Scroll sideways for the rest of the formula \u2192', id);
    await page.evaluate(() => { for (const f of document.querySelectorAll('.al-scene .al-formula')) f.scrollLeft = f.scrollWidth; });
    await page.waitForFunction(() => [...document.querySelectorAll('.al-scene .al-formula-box')].some((b) => b.dataset.overflow === 'end'));
    const scrolled = (await formulaState(page)).filter((b) => b.hidden > 1);
    for (const b of scrolled) assert.equal(b.cue, '\u2190 Scroll back for the start of the formula', `${id} after scrolling`);
  }
  await page.evaluate(() => window.attentionLesson.goTo('worked-example'));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  for (const b of await formulaState(page)) if (b.hidden <= 1) assert.equal(b.cue, null, 'no cue for a formula that fits');
  assert.deepEqual(page.errors, []);
});
