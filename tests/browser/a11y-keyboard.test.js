// What axe cannot see, for keyboard and screen-reader users (an audit found each of these):
// a live region does not chatter while training plays or a slider moves; focus never falls to the
// page when the pressed button hides or disables itself; hovered primary and pressed buttons keep
// readable contrast; the stage player and step 5's movable points say what changed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLesson } from './harness.js';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

// Records every change of a live region inside the lesson (aria-live polite/assertive, role
// status/alert/log, and <output>, which is a polite region unless aria-live="off").
const recordLive = (page) => page.evaluate(() => {
  window.__live = [];
  const live = (el) => {
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      const a = n.getAttribute('aria-live');
      if (a === 'off') return null;
      if (a === 'polite' || a === 'assertive' || ['status', 'alert', 'log'].includes(n.getAttribute('role')) || n.localName === 'output') return n;
    }
    return null;
  };
  new MutationObserver((records) => {
    for (const r of records) {
      const region = live(r.target.nodeType === 1 ? r.target : r.target.parentElement);
      if (region && region.textContent.trim()) window.__live.push(region.textContent.trim().slice(0, 80));
    }
  }).observe(document.querySelector('#lesson'), { subtree: true, childList: true, characterData: true });
});
const said = (page) => page.evaluate(() => window.__live);

test('training: playing for two seconds says little, and pausing says where it stands', async () => {
  const page = await h.page();
  await openLesson(page, h.url, '#step=watch-learning');
  const play = page.locator('.al-scene [data-action=play]');
  await page.waitForFunction(() => !document.querySelector('.al-scene [data-action=play]').disabled, null, { timeout: 20000 });
  await recordLive(page);
  await play.focus();
  await page.keyboard.press('Enter');
  await page.waitForTimeout(2000);
  assert.equal(await play.innerText(), 'Pause');
  assert.equal(await play.getAttribute('aria-pressed'), null, 'the label says what it does; it is not also a toggle');
  const during = await said(page);
  assert.ok(during.length <= 3, `live regions changed ${during.length} times in 2 s of play: ${during.join(' | ')}`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.__live.some((t) => /^\d[\d,]* steps?: training loss/.test(t)), null, { timeout: 5000 });
  assert.deepEqual(page.errors, []);
});

test('a slider moved by ten key presses is announced by the slider, not again by its value box', async () => {
  const page = await h.page();
  await openLesson(page, h.url, '#step=cost');
  await recordLive(page);
  const slider = page.getByRole('slider', { name: 'Tokens N' });
  await slider.focus();
  for (let k = 0; k < 10; k++) { await page.keyboard.press('ArrowRight'); await page.waitForTimeout(60); }
  await page.waitForTimeout(1200);
  const out = await said(page);
  assert.ok(out.length <= 2, `live regions changed ${out.length} times: ${out.join(' | ')}`);
  assert.ok(out.some((t) => /N = \d+/.test(t)), `the settled sentence is said once: ${out.join(' | ')}`);
});

test('focus stays on a control when the pressed button hides or disables itself', async () => {
  const page = await h.page();
  const focused = () => page.evaluate(() => { const a = document.activeElement; return a && a !== document.body ? (a.textContent || a.getAttribute('aria-label') || a.localName).trim() : 'body'; });
  await openLesson(page, h.url, '#step=scaling');
  await page.locator('.al-scene').getByRole('combobox').first().selectOption('above');
  await page.getByTestId('reveal').focus();
  await page.keyboard.press('Enter');
  await page.waitForTimeout(100);
  assert.match(await focused(), /Guess again/);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(100);
  assert.notEqual(await focused(), 'body', 'after Guess again');

  await openLesson(page, h.url, '#step=causal-mask');
  await page.getByRole('button', { name: 'Reveal row 2' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForTimeout(100);
  assert.notEqual(await focused(), 'body', 'after Reveal row 2');

  await openLesson(page, h.url, '#step=positions');
  await page.getByRole('button', { name: 'Shuffle the words' }).click();
  await page.getByRole('button', { name: 'Reset order' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForTimeout(100);
  assert.match(await focused(), /Shuffle the words/);
  assert.deepEqual(page.errors, []);
});

test('hovered primary and pressed buttons keep their contrast', async () => {
  const page = await h.page();
  await openLesson(page, h.url, '#step=softmax');
  const contrast = (sel) => page.locator(sel).first().evaluate((el) => {
    const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => [r, g, b].map((v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; }).reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
    const cs = getComputedStyle(el);
    const [a, b] = [lum(rgb(cs.color)), lum(rgb(cs.backgroundColor))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
  const next = '.al-footer .al-button.al-primary, .al-button.al-primary';
  await page.locator(next).first().hover();
  const c = await contrast(next);
  assert.ok(c >= 4.5, `hovered primary button: ${c.toFixed(2)}:1`);
});

test('step 1\'s stage player and step 5\'s movable point say what changed', async () => {
  const page = await h.page();
  await openLesson(page, h.url, '#step=why-attention');
  await recordLive(page);
  await page.getByRole('button', { name: /Previous stage/ }).click(); // (it starts at the last stage)
  await page.waitForFunction(() => window.__live.some((t) => /^At h\d/.test(t)), null, { timeout: 3000 });
  await openLesson(page, h.url, '#step=first-version');
  await recordLive(page);
  const point = page.locator('.al-scene [aria-roledescription="movable point"]').first();
  await point.focus();
  for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => window.__live.some((t) => /^Moved to \(/.test(t)), null, { timeout: 3000 });
  assert.deepEqual(page.errors, []);
});

// The movable points are buttons moved with arrow keys, which a screen reader in browse mode keeps
// for reading: step 2 (as steps 3 and 5) also takes the coordinates typed in number boxes.
test('step 2\'s vectors can be typed as well as dragged', async () => {
  const page = await h.page();
  await openLesson(page, h.url, '#step=contextual-meaning');
  const box = page.getByRole('spinbutton', { name: 'Apple, fruit-ness' });
  await box.fill('2.5');
  await box.press('Tab');
  await page.waitForFunction(() => /\(2\.50, 1\.20\)/.test(document.querySelector('[data-testid=moved-toward]').textContent));
  await page.waitForFunction(() => /"vectors":\[0\.3,0\.3,0\.8,0\.6,2\.5,1\.2,/.test(decodeURIComponent(location.hash)), null, { timeout: 5000 }); // (written once typing pauses)
  assert.deepEqual(page.errors, []);
});
