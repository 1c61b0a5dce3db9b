// The training steps (17–21) in headless Chromium. Each scene opens, loads the trainer only then,
// trains when Play is pressed from the keyboard and is checked against its claim with the numbers
// its heatmap tables show: task 1 reaches 95 % held-out and the adjective's row peaks on its noun
// (also prints the training time to 95 % and the main thread's frames per second: printed, not
// asserted beyond a lenient floor, since the machine is shared); task 2's "apple" row finds the
// deciding word; task 3 stalls below 85 % with one layer and its split of weight between the two nouns is the same with either adjective; task 4's
// layer 2 "it" row peaks on a noun; task 5 keeps the upper triangle at zero and looks one back.
// Without a Worker it trains in time slices and says so; a learning rate of 1 stops with a
// message, and Reset starts again, with no page error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLesson, screenshot, axeViolations } from './harness.js';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

const scene = (page) => page.locator('.al-scene');
const ready = (page) => page.waitForFunction(() => document.querySelector('.al-scene [data-action=play]')?.disabled === false, null, { timeout: 20000 });
const steps = async (page) => Number(await scene(page).locator('[data-role=counter]').getAttribute('data-steps'));

async function open(page, id, hash = '') {
  await openLesson(page, h.url, `#step=${id}${hash}`);
  await ready(page);
}

// Chooses an option of a select by keyboard: focus, then type its text.
async function choose(page, name, value) {
  const box = scene(page).locator(`[data-input=${name}]`);
  await box.selectOption(value);
}

// Plays until `cond` (a function run in the page) holds, then pauses; returns the step count.
async function playUntil(page, cond, arg, timeout = 30000) {
  const play = scene(page).locator('[data-action=play]');
  await play.focus();
  await page.keyboard.press('Enter');
  assert.equal(await play.getAttribute('data-playing'), 'true');
  await page.waitForFunction(cond, arg, { timeout, polling: 'raf' });
  await play.press('Enter');
  assert.equal(await play.getAttribute('data-playing'), 'false');
  await page.waitForTimeout(150);
  return steps(page);
}
const accuracyAtLeast = (a) => Number(document.querySelector('.al-scene [data-role=status]')?.dataset.accuracy) >= a;
const stepsAtLeast = (n) => Number(document.querySelector('.al-scene [data-role=counter]')?.dataset.steps) >= n;

// One heatmap's numbers through its table: { cols: [words], rows: [{ word, cells }] }.
async function heatmapTable(page, layer = 1, head = 1) {
  const cell = scene(page).locator(`[data-layer="${layer}"][data-head="${head}"]`);
  const btn = cell.getByRole('button', { name: 'Show as table' });
  if (await btn.count()) await btn.click();
  const rows = await cell.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    word: tr.querySelector('th').textContent.trim(),
    // the printed value (a masked cell's screen-reader note, " (masked)", is read apart)
    cells: [...tr.querySelectorAll('td')].map((td) => Number(td.querySelector('.al-value').textContent.trim().replace('\u2212', '-'))),
    masked: [...tr.querySelectorAll('td')].map((td) => td.classList.contains('al-cell-masked') && td.textContent.endsWith('(masked)')),
  })));
  const cols = (await cell.locator('table thead th[scope=col]').allTextContents()).map((c) => c.trim());
  for (const r of rows) {
    const sum = r.cells.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - 1) <= r.cells.length * 0.005 + 1e-9, `layer ${layer}, row ${r.word}: sums to ${sum}`);
  }
  return { cols, rows };
}
const peakOf = (t, rowIndex) => {
  const cells = t.rows[rowIndex].cells;
  const i = cells.indexOf(Math.max(...cells));
  return { word: t.cols[i], col: i, weight: cells[i] };
};

test('task 1 (step 17): trains in the Worker to 95 % held-out; the adjective\'s row peaks on its noun; time to 95 % and fps printed', async () => {
  const page = await h.page();
  const fetched = [];
  page.on('request', (r) => fetched.push(r.url()));
  await openLesson(page, h.url, '#step=worked-example');
  assert.ok(!fetched.some((u) => u.includes('attention-train')), 'the trainer wasm is not loaded on another step');
  await page.evaluate(() => window.attentionLesson.goTo('watch-learning'));
  await ready(page);
  const mode = await scene(page).locator('[data-role=mode]').getAttribute('data-mode');
  assert.equal(mode, 'worker');
  assert.match(await scene(page).locator('[data-role=seed-note]').innerText(), /^Seed 4 is the one we checked: .*Seeds differ/);
  assert.ok(fetched.some((u) => u.includes('attention-train')), 'the trainer wasm loads when the step opens');
  assert.equal(await scene(page).locator('[data-input=speed]').inputValue(), '1');
  await choose(page, 'speed', 'max');

  await page.evaluate(() => {
    const f = (window.__frames = { count: 0, worst: 0, last: 0, on: true });
    const tick = (t) => { if (f.last) f.worst = Math.max(f.worst, t - f.last); f.last = t; f.count++; if (f.on) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  const t0 = await page.evaluate(() => performance.now());
  const at = await playUntil(page, accuracyAtLeast, 0.95);
  const { t1, frames, worst } = await page.evaluate(() => { window.__frames.on = false; return { t1: performance.now(), frames: window.__frames.count, worst: window.__frames.worst }; });
  const counter = scene(page).locator('[data-role=counter]');
  const reachedAt = Number(await counter.getAttribute('data-reached-at'));
  const trainMs = Number(await counter.getAttribute('data-reached-ms'));
  const fps = frames / ((t1 - t0) / 1000);
  console.log(`# task 1 in headless Chromium (worker): 95 % held-out at step ${reachedAt} after ${(trainMs / 1000).toFixed(3)} s of training time (target ≤ 0.5 s), ${((t1 - t0) / 1000).toFixed(2)} s wall from Play to the paused 95 % frame (${at} steps); main thread ${fps.toFixed(1)} fps, worst frame gap ${worst.toFixed(0)} ms`);
  assert.ok(reachedAt > 0 && reachedAt <= at && trainMs > 0);
  assert.ok(fps >= 20, `main thread kept ${fps.toFixed(1)} fps while training (floor 20)`);
  assert.match(await scene(page).locator('.al-chart-summary').innerText(), new RegExp(`first reached 95% at step ${reachedAt}, after \\d+\\.\\d\\d s of training computation\\.`));
  // the 95 % target line: drawn at 0.95 of the accuracy scale (the frame's height from its top), labelled
  // in the frame and in the legend, and the accuracy curve, having reached it, comes up to it
  const guide = await scene(page).locator('.al-chart').evaluate((svg) => {
    const frame = svg.querySelector('.al-chart-frame'), line = svg.querySelector('.al-chart-guide');
    const acc = svg.querySelector('.al-series-accuracy').getAttribute('points').trim().split(' ').map((p) => Number(p.split(',')[1]));
    return { top: Number(frame.getAttribute('y')), height: Number(frame.getAttribute('height')), y: Number(line.getAttribute('y1')), visible: line.getAttribute('visibility'), mark: svg.querySelector('.al-chart-guide-label').textContent, highest: Math.min(...acc) };
  });
  assert.equal(guide.visible, 'visible');
  assert.ok(Math.abs(guide.y - (guide.top + 0.05 * guide.height)) < 0.1, JSON.stringify(guide));
  assert.equal(guide.mark, '95% target');
  assert.ok(guide.highest <= guide.y + 0.1, `the accuracy curve reaches the target line: ${JSON.stringify(guide)}`);
  assert.equal(await scene(page).locator('.al-chart-guide-item').innerText(), '95% target for held-out accuracy (thin line across the chart, right scale)');

  assert.match(await scene(page).locator('[data-role=prediction]').innerText(), /^tired = animal, \d+% \(right\)$/);
  assert.match(await scene(page).locator('[data-role=readout-row]').innerText(), /^Layer 1: “tired” attends most to “animal” \(\d+%\)\. The word that decides the answer is “animal”\.$/);
  const weight = Number(await scene(page).locator('[data-role=status]').getAttribute('data-weight'));
  assert.ok(weight > 0.5, `weight on the noun ${weight}`);
  const t = await heatmapTable(page);
  assert.equal(t.rows.length, 11);
  const last = peakOf(t, 10);
  console.log(`# task 1: the adjective's row peaks on "${last.word}" (${last.weight})`);
  assert.equal(t.rows[10].word, 'tired');
  assert.equal(last.word, 'animal');

  // an out-of-vocabulary probe word is named; the wide probe flips the answer
  const probe = scene(page).locator('[data-input=probe]');
  await probe.fill('the zebra was tired because it was tired');
  await probe.press('Enter');
  await page.waitForFunction(() => /zebra/.test(document.querySelector('.al-scene [data-role=probe-message]')?.textContent ?? ''));
  assert.match(await scene(page).locator('[data-role=probe-message]').innerText(), /"zebra"/);
  await probe.fill("the animal didn't cross the street because it was too wide");
  await probe.press('Enter');
  await page.waitForFunction(() => /^wide = street/.test(document.querySelector('.al-scene [data-role=prediction]')?.textContent ?? ''));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a new seed starts a new run in the same heatmaps; a new number of heads builds one heatmap per head', async () => {
  const page = await h.page();
  await open(page, 'watch-learning');
  const maps = scene(page).locator('[data-role=heatmaps]');
  const picture = () => maps.locator('.al-heatmap').first().evaluate((m) => m.querySelector('.al-summary').textContent);
  const before = await picture();
  await maps.locator('.al-heatmap').first().evaluate((m) => { m.dataset.kept = 'yes'; });
  const seed = scene(page).locator('[data-input=seed]');
  await seed.fill('5');
  await seed.press('Enter');
  await page.waitForFunction((old) => {
    const m = document.querySelector('.al-scene [data-role=heatmaps] .al-heatmap');
    return m && m.querySelector('.al-summary').textContent !== old;
  }, before, { timeout: 20000 });
  assert.equal(await maps.locator('.al-heatmap').count(), 1);
  assert.equal(await maps.locator('.al-heatmap').first().getAttribute('data-kept'), 'yes', 'the same heatmap shows the new run');
  assert.equal(await steps(page), 0, 'the new run starts at step 0');
  await choose(page, 'heads', '2');
  await page.waitForFunction(() => document.querySelectorAll('.al-scene [data-role=heatmaps] .al-heatmap').length === 2, null, { timeout: 20000 });
  assert.deepEqual(await maps.locator('.al-cell').evaluateAll((cells) => cells.map((c) => `${c.dataset.layer}.${c.dataset.head}`)), ['1.1', '1.2']);
  assert.equal(await maps.locator('[data-kept]').count(), 0, 'a new shape gets new heatmaps');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('task 2 (step 18): "apple"\'s row finds the deciding word after it, then the verb before it', async () => {
  const page = await h.page();
  await open(page, 'which-apple-learned', '');
  await choose(page, 'speed', '5');
  const at = await playUntil(page, accuracyAtLeast, 0.95);
  let t = await heatmapTable(page);
  const apple = t.rows.findIndex((r) => r.word === 'apple');
  const peak = peakOf(t, apple);
  console.log(`# task 2: 95 % held-out by step ${at}; "apple" row peaks on "${peak.word}" (${peak.weight})`);
  assert.equal(peak.word, 'phones');
  assert.match(await scene(page).locator('[data-role=prediction]').innerText(), /^apple = company, \d+% \(right\)$/);
  const probe = scene(page).locator('[data-input=probe]');
  await probe.fill('we sliced the apple');
  await probe.press('Enter');
  await page.waitForFunction(() => /^apple = fruit/.test(document.querySelector('.al-scene [data-role=prediction]')?.textContent ?? ''));
  t = await heatmapTable(page);
  assert.equal(peakOf(t, 3).word, 'sliced');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('one Worker serves every training step: moving from step 17 to 18 and back fetches the trainer once, and the new step starts from its own step 0', async () => {
  const page = await h.page();
  const fetched = [];
  page.on('request', (r) => fetched.push(r.url()));
  await open(page, 'watch-learning');
  const step = scene(page).locator('[data-action=step]');
  for (let i = 0; i < 3; i += 1) await step.click();
  await page.waitForFunction(() => document.querySelector('.al-scene [data-role=counter]')?.dataset.steps === '3');
  await page.evaluate(() => window.attentionLesson.goTo('which-apple-learned'));
  await ready(page);
  assert.equal(await steps(page), 0, 'the new step does not show the old run\'s count');
  await scene(page).locator('[data-action=step]').click();
  await page.waitForFunction(() => document.querySelector('.al-scene [data-role=counter]')?.dataset.steps === '1');
  assert.match(await scene(page).locator('[data-role=prediction]').innerText(), /^apple = /, 'step 18\'s own task answers');
  await page.evaluate(() => window.attentionLesson.goTo('watch-learning'));
  await ready(page);
  assert.equal(await steps(page), 0);
  assert.equal(await scene(page).locator('[data-role=mode]').getAttribute('data-mode'), 'worker');
  const count = (part) => fetched.filter((u) => u.includes(part)).length;
  assert.equal(count('training-worker'), 1, `the worker script was fetched ${count('training-worker')} times`);
  assert.equal(count('attention-train-'), 1, `the trainer wasm was fetched ${count('attention-train-')} times`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('task 3 (step 19): one layer stalls below 85 % after 400 steps, with the numbers; the split between the nouns ignores the adjective', async () => {
  const page = await h.page();
  await open(page, 'one-layer-limit');
  assert.equal(await scene(page).locator('[data-input=layers]').inputValue(), '1');
  await choose(page, 'speed', '50');
  await playUntil(page, stepsAtLeast, 400);
  const plateau = await scene(page).locator('[data-role=plateau]').innerText();
  console.log(`# task 3 (one layer): ${plateau}`);
  assert.equal(await scene(page).locator('[data-role=plateau]').getAttribute('data-stalled'), 'true');
  const m = /^Held-out accuracy is (\d+\.\d)% after [\d,]+ steps; the best so far was (\d+\.\d)% \(step \d+\)\./.exec(plateau);
  assert.ok(m, plateau);
  assert.ok(Number(m[1]) < 85 && Number(m[2]) < 85, `one layer: last ${m[1]} %, best ${m[2]} %`);
  assert.ok(Number(await scene(page).locator('[data-role=status]').getAttribute('data-accuracy')) < 0.85);
  const cmp = await scene(page).locator('[data-role=comparison]').innerText();
  const shares = /“animal” gets (\d+\.\d{2,4})% with “tired” and (\d+\.\d{2,4})% with “wide”\./.exec(cmp);
  assert.ok(shares, cmp);
  assert.equal(shares[1], shares[2], `the nouns' split with "tired" and with "wide": ${cmp}`);
  assert.match(cmp, /^Layer 1, “it”’s weights on the two nouns: with “tired”, .*; with “wide”, .*cannot tip “it” toward the other noun\.$/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('task 4 (step 20): two layers reach 95 %; layer 2\'s "it" row peaks on a noun', async () => {
  const page = await h.page();
  await open(page, 'two-layers');
  assert.equal(await scene(page).locator('[data-input=layers]').count(), 0, 'two layers, not a setting here');
  await choose(page, 'speed', 'max');
  const at = await playUntil(page, accuracyAtLeast, 0.95);
  const counter = scene(page).locator('[data-role=counter]');
  console.log(`# task 4 in headless Chromium: 95 % held-out at step ${await counter.getAttribute('data-reached-at')} after ${(Number(await counter.getAttribute('data-reached-ms')) / 1000).toFixed(3)} s of training time (target ≤ 1.5 s; paused at ${at})`);
  assert.match(await scene(page).locator('[data-role=prediction]').innerText(), /^it = \w+, \d+%/);
  assert.match(await scene(page).locator('[data-role=readout-row]').innerText(), /^Layer 2: “it” attends most to “(animal|street)”/);
  await heatmapTable(page, 1); // rows sum to 1 in layer 1 too
  const t = await heatmapTable(page, 2);
  assert.equal(t.rows.length, 11);
  const it = peakOf(t, t.rows.findIndex((r) => r.word === 'it'));
  console.log(`# task 4: layer 2 "it" row peaks on "${it.word}" (${it.weight})`);
  assert.ok(['animal', 'street'].includes(it.word), `layer 2's "it" row peaks on ${it.word}, a noun`);
  // the route line: the probe beside its twin with "wide", measured in both layers
  const route = scene(page).locator('[data-role=comparison]');
  assert.equal(await route.isVisible(), true);
  const line = await route.innerText();
  console.log(`# task 4: ${line}`);
  const l1 = /^In layer 1, “it” gives the adjective (\d\.\d+) of its weight with “tired” and (\d\.\d+) with “wide”: /.exec(line);
  assert.ok(l1, line);
  const l1Table = await heatmapTable(page, 1);
  const itRow = l1Table.rows.find((r) => r.word === 'it');
  assert.equal(l1Table.cols.at(-1), 'tired');
  assert.ok(Math.abs(Number(l1[1]) - itRow.cells.at(-1)) <= 0.005, `layer 1's "it" → "tired" as printed (${l1[1]}) and in the table (${itRow.cells.at(-1)})`);
  assert.match(line, /In layer 2, of “it”’s weight on the two nouns, “animal” gets \d+% with “tired” and (<1|\d+)% with “wide”: the adjective tips “it” to the matching noun, the choice one layer could not make\.$/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('task 5 (step 21): under the causal mask the upper triangle stays zero and the last row looks one back', async () => {
  const page = await h.page();
  await open(page, 'causal-learning');
  assert.match(await scene(page).locator('[data-role=architecture]').innerText(), /causal mask on/);
  await choose(page, 'speed', '5');
  const at = await playUntil(page, accuracyAtLeast, 0.95);
  const t = await heatmapTable(page);
  const n = t.rows.length;
  assert.equal(n, 5);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (j > i) assert.equal(t.rows[i].cells[j], 0, `row ${i}, column ${j} is hidden by the mask: weight 0`);
      assert.equal(t.rows[i].masked[j], j > i, `row ${i}, column ${j} is ${j > i ? '' : 'not '}marked masked`);
    }
  }
  const summary = await scene(page).locator('[data-layer="1"][data-head="1"] .al-summary').innerText();
  assert.match(summary, /^5×5 softmax weights; every row sums to 1\.00; strongest: '(\w)' → '(\w)' \d\.\d\d \(row 'a' sees one key only, so its 1\.00 there is forced\); 10 of 25 cells masked \(weight 0\)\.$/);
  const last = peakOf(t, n - 1);
  console.log(`# task 5: 95 % held-out by step ${at}; the last row peaks on column ${last.col} ("${last.word}", ${last.weight})`);
  assert.equal(last.col, n - 2);
  assert.match(await scene(page).locator('[data-role=prediction]').innerText(), /^the letter before “b” = c, \d+% \(right\)$/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the probe box on a 360 px phone: the sentence reads from its start, fits the screen, and edits by keyboard', async () => {
  const page = await h.page({ width: 360, height: 740, hasTouch: true });
  await open(page, 'one-layer-limit');
  const probe = scene(page).locator('[data-input=probe]');
  const box = async () => probe.evaluate((i) => {
    const r = i.getBoundingClientRect(), b = i.closest('.al-controls').querySelector('[data-action=probe]').getBoundingClientRect();
    return { align: getComputedStyle(i).textAlign, scrollLeft: i.scrollLeft, overflows: i.scrollWidth > i.clientWidth, left: r.left, right: r.right, width: r.width, buttonRight: b.right, page: document.documentElement.clientWidth };
  });
  let b = await box();
  console.log(`# probe box at 360 px: ${JSON.stringify(b)}`);
  assert.equal(b.align, 'start');
  assert.ok(b.overflows, 'the default probe is longer than the box (so where it starts matters)');
  assert.equal(b.scrollLeft, 0, 'the box shows the start of the sentence');
  assert.ok(b.left >= 0 && b.right <= b.page && b.buttonRight <= b.page, `probe and its button inside the 360 px screen: ${JSON.stringify(b)}`);
  assert.ok(b.width >= 200, `the box is wide enough to read (${b.width} px)`);
  await screenshot(page, 'phone-probe-step-19');
  // keyboard: go to the end, change the adjective, Enter; once focus leaves, the start shows again
  await probe.focus();
  await page.keyboard.press('End');
  for (let i = 0; i < 'tired'.length; i += 1) await page.keyboard.press('Backspace');
  await page.keyboard.type('wide');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /^it = /.test(document.querySelector('.al-scene [data-role=prediction]')?.textContent ?? '') && /with \u201cwide\u201d, .* with \u201ctired\u201d/.test(document.querySelector('.al-scene [data-role=comparison]')?.textContent ?? ''));
  await page.keyboard.press('Tab');
  b = await box();
  assert.equal(b.scrollLeft, 0, 'after editing, the box shows the start again');
  assert.equal(await probe.inputValue(), "the animal didn't cross the street because it was too wide");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// Keyboard alone, reduced motion, axe: for each training step, Tab from the step's heading through
// the whole scene (every control reached, each with a visible focus ring), play and pause with
// Enter (with reduced motion the view redraws at most about twice a second and nothing animates),
// one Step by keyboard, a heatmap opened as a table, then axe on the trained scene with its
// heatmaps, chart, target line and (step 19) comparison on screen.
const TRAINING_STEPS = ['watch-learning', 'which-apple-learned', 'one-layer-limit', 'two-layers', 'causal-learning'];
test('steps 17-21 by keyboard only, with reduced motion: every control reachable with a visible focus, Play/Pause/Step/table by keys, axe clean once trained', { timeout: 240000 }, async () => {
  const page = await h.page({ reducedMotion: 'reduce' });
  for (const id of TRAINING_STEPS) {
    await open(page, id);
    await page.locator('.al-step-title').focus();
    const visited = [];
    for (let i = 0; i < 120; i += 1) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const a = document.activeElement;
        if (!a?.closest('.al-scene')) return null;
        const cs = getComputedStyle(a);
        return {
          name: a.dataset.action ?? a.dataset.input ?? (a.tagName === 'SUMMARY' ? 'summary' : a.textContent.trim().slice(0, 24) || a.getAttribute('aria-label') || a.tagName),
          ring: a.matches(':focus-visible') && cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2,
        };
      });
      if (!f) { if (visited.length) break; continue; } // not yet in the scene, or past its end
      visited.push(f);
    }
    const names = visited.map((v) => v.name);
    for (const want of ['play', 'step', 'reset', 'seed', 'learningRate', 'speed', 'probe', 'summary', 'Show as table']) {
      assert.ok(names.includes(want), `${id}: Tab reaches ${want} (${names.join(', ')})`);
    }
    assert.deepEqual(visited.filter((v) => !v.ring).map((v) => v.name), [], `${id}: every focused control shows a focus ring`);
    // Play and pause with Enter; count what the view redraws meanwhile
    const play = scene(page).locator('[data-action=play]');
    await play.focus();
    await page.evaluate(() => {
      const c = document.querySelector('.al-scene [data-role=counter]');
      window.__redraws = 0;
      window.__watch = new MutationObserver(() => { window.__redraws += 1; });
      window.__watch.observe(c, { childList: true, characterData: true, subtree: true });
    });
    await page.keyboard.press('Enter');
    assert.equal(await play.getAttribute('data-playing'), 'true', `${id}: Enter starts training`);
    await page.waitForTimeout(2000);
    const running = await page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length);
    await page.keyboard.press('Enter');
    assert.equal(await play.getAttribute('data-playing'), 'false', `${id}: Enter pauses`);
    const redraws = await page.evaluate(() => { window.__watch.disconnect(); return window.__redraws; });
    console.log(`# ${id}, reduced motion: ${redraws} counter redraws in 2 s of play, ${running} running animations`);
    assert.ok(redraws >= 1 && redraws <= 6, `${id}: with reduced motion about two redraws a second, not ${redraws}`);
    assert.equal(running, 0, `${id}: nothing animates with reduced motion`);
    await page.waitForTimeout(600);
    const before = await steps(page);
    assert.ok(before > 0, `${id}: it trained`);
    await scene(page).locator('[data-action=step]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => Number(document.querySelector('.al-scene [data-role=counter]')?.dataset.steps) === n + 1, before);
    // a heatmap as a table, by keyboard
    const show = scene(page).getByRole('button', { name: 'Show as table' }).first();
    await show.focus();
    await page.keyboard.press('Enter');
    await scene(page).locator('[data-role=heatmaps] table caption').first().waitFor();
    assert.deepEqual(await axeViolations(page), [], `axe on the trained ${id}`);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('without a Worker, training runs in time slices on the page and says so; lr 1 stops with a message; Reset works (reduced motion)', async () => {
  const page = await h.page({ reducedMotion: 'reduce' });
  await page.addInitScript(() => { delete window.Worker; });
  await open(page, 'watch-learning');
  assert.equal(await scene(page).locator('[data-role=mode]').getAttribute('data-mode'), 'main-thread');
  assert.match(await scene(page).locator('[data-role=mode]').innerText(), /No background worker could start here, so training runs on this page in short time slices/);
  await scene(page).locator('[data-action=step]').press('Enter');
  await page.waitForFunction(() => document.querySelector('.al-scene [data-role=counter]')?.dataset.steps === '1', null, { timeout: 5000 });
  assert.equal(await scene(page).locator('[data-role=counter]').innerText(), '1 step');
  // the fallback trains too: 95 % in the time slices
  await choose(page, 'speed', 'max');
  await playUntil(page, accuracyAtLeast, 0.95);
  console.log(`# task 1 on the main thread (no Worker): 95 % held-out at step ${await scene(page).locator('[data-role=counter]').getAttribute('data-reached-at')} after ${(Number(await scene(page).locator('[data-role=counter]').getAttribute('data-reached-ms')) / 1000).toFixed(3)} s of training time`);

  // a learning rate that blows the weights up: training stops with a message, the page survives
  await choose(page, 'learningRate', '1');
  await scene(page).locator('[data-action=reset]').press('Enter');
  await page.waitForFunction(() => document.querySelector('.al-scene [data-role=counter]')?.dataset.steps === '0', null, { timeout: 5000 });
  const play = scene(page).locator('[data-action=play]');
  await play.press('Enter');
  await page.waitForFunction(() => /^Training stopped at step \d+/.test(document.querySelector('.al-scene [data-role=train-message]')?.textContent ?? ''), null, { timeout: 20000 });
  assert.match(await scene(page).locator('[data-role=train-message]').innerText(), /learning rate 1 makes the weights overshoot\. Lower the learning rate and reset\.$/);
  await page.waitForFunction(() => document.querySelector('.al-scene [data-action=play]').getAttribute('data-playing') === 'false');
  await choose(page, 'learningRate', '0.01');
  await scene(page).locator('[data-action=reset]').press('Enter');
  await page.waitForFunction(() => document.querySelector('.al-scene [data-role=counter]')?.dataset.steps === '0', null, { timeout: 5000 });
  assert.equal(await scene(page).locator('[data-role=train-message]').innerText(), '');
  await scene(page).locator('[data-action=step]').press('Enter');
  await page.waitForFunction(() => document.querySelector('.al-scene [data-role=counter]')?.dataset.steps === '1', null, { timeout: 5000 });
  assert.match(await scene(page).locator('[data-role=status]').innerText(), /^training loss \d\.\d{3}, held-out accuracy \d+%/);
  // keyboard focus is visible on the controls
  await play.focus();
  const outline = await play.evaluate((b) => getComputedStyle(b).outlineStyle + ' ' + getComputedStyle(b).outlineWidth);
  assert.doesNotMatch(outline, /^none|0px$/, `focus outline: ${outline}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
