// Hostile inputs against the training scenes (steps 17–21 from web/src/steps/training-scene/, and
// their runner in web/src/training/) in Chromium, the sibling of hostile-inputs.test.js for the part of the page
// that trains. Every case is listed in CASES with what it does. After each case the suite asserts:
//   1. no uncaught error and no console error (the worker's included);
//   2. no injected script ran (window.__pwned stays unset);
//   3. where the input is refused or changed, a message in words (matching `says`), and nowhere
//      in the scene a raw "NaN", "undefined" or "[object";
//   4. the page still computes afterwards (the worked example's 0.5035), and, for cases that
//      leave the scene, no training is left running: at most one worker stays, parked for the next
//      training step (web/src/training/runner.js), with no run open in it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoRawValues, assertSafeAndWorking, assertSaid } from './hostile-checks.js';
import { launch, openLesson } from './harness.js';

const STEP = 'watch-learning';
const link = (settings) => `#step=${STEP}&${STEP}=${encodeURIComponent(JSON.stringify(settings))}`;
const SCRIPT = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

// ---- the cases --------------------------------------------------------------------------------
// link: opens the step through a link with these settings. probe: types a probe sentence and
// presses Enter. run: any other sequence. says: the words the page must show (alerts, the status
// line, the probe message). fresh: the case needs a new page (init scripts or routes).
const TRAINING_STEPS = ['watch-learning', 'which-apple-learned', 'one-layer-limit', 'two-layers', 'causal-learning'];
const CASES = [
  { id: 'link-learning-rate-1e9', link: { learningRate: 1e9 }, says: /learning rate is the number 1000000000, which is not one of 0\.001, .*so it stays at “0\.01”/ },
  { id: 'link-learning-rate-nan-text', link: { learningRate: 'NaN' }, says: /learning rate is the text “NaN”, which is not one of .*so it stays at “0\.01”/ },
  { id: 'link-learning-rate-negative', link: { learningRate: '-0.01' }, says: /learning rate is the text “-0\.01”, which is not one of/ },
  { id: 'link-learning-rate-infinity-literal', hash: `#step=${STEP}&${STEP}={"learningRate":Infinity}`, says: /could not be read/ },
  { id: 'link-giant-layers-heads-width', link: { layers: 1e6, heads: 3, dModel: 1e12 }, says: /layers is the number 1000000, which is not one of 1, 2.*heads is the number 3, which is not one of 1, 2, 4.*width \(d_model\) is the number 1000000000000, which is not one of 16, 32, 64/ },
  { id: 'link-giant-batch', link: { batchSize: 1e9, positions: '<b>x</b>' }, says: /“batchSize” in the link is not a setting of this step, so it was ignored\..*“positions” in the link is not a setting of this step/ },
  { id: 'link-seed-huge', link: { seed: 1e12 }, says: /seed goes from 0 to 9999, so 1000000000000 became 9999/ },
  { id: 'link-seed-fraction', link: { seed: 2.5 }, says: /seed \(2\.5\) must be a whole number/ },
  { id: 'link-speed-huge', link: { speed: '100000' }, says: /steps per frame is the text “100000”, which is not one of/ },
  { id: 'link-probe-10000-words', link: { probe: 'the animal '.repeat(5000) }, says: /probe sentence was cut to its first 200 characters.*[Tt]he sentence has \d+ words, but this model reads at most 16/ },
  { id: 'link-probe-markup', link: { probe: SCRIPT }, says: /not in the task's vocabulary: "img", "src", "x", "onerror", "window" and \d+ more/ },
  { id: 'link-every-training-step-hostile', run: async (page) => {
    const said = [];
    for (const id of TRAINING_STEPS) {
      await openStep(page, `#step=${id}&${id}=${encodeURIComponent(JSON.stringify({ learningRate: 'NaN', dModel: 1e9, seed: -1, probe: 'zzz' }))}`, id);
      await page.waitForFunction(() => document.querySelector('.al-scene [data-role=probe-message]')?.textContent, null, { timeout: 15000 });
      const text = (await messages(page)).join(' ');
      assert.match(text, /learning rate is the text “NaN”, which is not one of/, id);
      assert.match(text, /seed goes from 0 to 9999, so \u22121 became 0/, id);
      assert.match(text, /not in the task's vocabulary: "zzz"/, id);
      said.push(text);
    }
    return said.join(' ');
  } },
  { id: 'probe-only-unknown-words', probe: 'zebra quokka florp', says: /[Tt]hese words are not in the task's vocabulary: "zebra", "quokka", "florp"/ },
  { id: 'probe-10000-words-typed', probe: 'it '.repeat(10000), says: /[Tt]he sentence has \d+ words, but this model reads at most 16/ },
  // emoji, bidi and control characters are not words: what is left is a sentence the model reads
  { id: 'probe-emoji-rtl-controls', probe: 'the 🐈 \u202eanimal\u202c didn\u2019t \u0000 cross the street \u200f because it was too tired', reads: /^tired = [a-z]+, \d+%/ },
  { id: 'probe-empty', probe: '   ', says: /[Tt]he sentence is empty: type a few words/ },
  { id: 'probe-no-it', step: 'two-layers', probe: 'the animal was too tired', says: /needs the word "it": the model reads its answer there/ },
  { id: 'rapid-play-pause-reset', run: async (page) => {
    const scene = page.locator('.al-scene');
    for (let i = 0; i < 15; i++) {
      await scene.locator('[data-action=play]').click();
      if (i % 3 === 2) await scene.locator('[data-action=reset]').click();
      if (i % 4 === 3) await scene.locator('[data-action=step]').click();
    }
    await scene.locator('[data-action=reset]').click();
    await page.waitForFunction(() => document.querySelector('.al-scene [data-role=counter]')?.dataset.steps === '0', null, { timeout: 10000 });
    assert.equal(await scene.locator('[data-action=play]').getAttribute('data-playing'), 'false');
    return '';
  } },
  { id: 'change-seed-while-playing', run: async (page) => {
    const scene = page.locator('.al-scene');
    await scene.locator('[data-action=play]').click();
    await page.waitForFunction(() => Number(document.querySelector('.al-scene [data-role=counter]')?.dataset.steps) > 0, null, { timeout: 20000 });
    for (const v of ['3', '-5', '99999', '']) {
      await scene.locator('[data-input=seed]').fill(v);
      await scene.locator('[data-input=seed]').dispatchEvent('change');
    }
    await page.waitForFunction(() => !document.querySelector('.al-scene [data-action=play]').disabled, null, { timeout: 20000 });
    return (await messages(page)).join(' ');
  } },
  { id: 'largest-learning-rate-while-playing', run: async (page) => {
    const scene = page.locator('.al-scene');
    await scene.locator('[data-input=learningRate]').selectOption('1');
    await scene.locator('[data-action=play]').click();
    await page.waitForFunction(() => Number(document.querySelector('.al-scene [data-role=counter]')?.dataset.steps) >= 200
      || /Training stopped/.test(document.querySelector('.al-scene [data-role=train-message]')?.textContent), null, { timeout: 60000 });
    await scene.locator('[data-action=play]').click();
    return '';
  } },
  { id: 'leave-mid-training', leaves: true, run: async (page) => {
    const scene = page.locator('.al-scene');
    await scene.locator('[data-action=play]').click();
    await page.waitForFunction(() => Number(document.querySelector('.al-scene [data-role=counter]')?.dataset.steps) > 20, null, { timeout: 20000 });
    assert.equal(page.workers().length, 1, 'one training worker while the step is open');
    await page.evaluate(() => window.attentionLesson.goTo('softmax'));
    return '';
  } },
  { id: 'leave-and-return-ten-times', leaves: true, run: async (page) => {
    for (let i = 0; i < 10; i++) {
      await page.evaluate((s) => window.attentionLesson.goTo(s), i % 2 ? 'softmax' : STEP);
      if (i % 3 === 0) await page.waitForTimeout(150);
    }
    await page.evaluate(() => window.attentionLesson.goTo('softmax'));
    return '';
  } },
  // on the page's own engine (no Worker) every visit must dispose its trainer: the engine holds
  // at most 16 (TRAINER_LIMITS.maxOpenTrainers), so a leak would refuse the 17th visit
  { id: 'no-worker-twenty-visits', fresh: true, init: () => { delete window.Worker; }, mode: 'main-thread', run: async (page) => {
    for (let i = 0; i < 20; i++) {
      await openStep(page, `#step=${TRAINING_STEPS[i % TRAINING_STEPS.length]}`, TRAINING_STEPS[i % TRAINING_STEPS.length]);
      await page.evaluate(() => window.attentionLesson.goTo('softmax'));
    }
    await openStep(page);
    return (await messages(page)).join(' ');
  }, says: /No background worker could start here/ },
  { id: 'no-worker-at-all', fresh: true, init: () => { delete window.Worker; }, mode: 'main-thread', says: /No background worker could start here/ },
  { id: 'worker-blocked-by-policy', fresh: true, init: () => { window.Worker = function Worker() { throw new DOMException('Creating a worker is blocked here.', 'SecurityError'); }; }, mode: 'main-thread', says: /No background worker could start here/ },
  { id: 'worker-script-missing', fresh: true, route: ['**/training-worker*.js', (r) => r.fulfill({ status: 404, body: 'gone' })], mode: 'main-thread', says: /No background worker could start here/ },
  { id: 'trainer-wasm-fails-to-load', fresh: true, route: ['**/attention-train-*.wasm', (r) => r.abort()], blocked: true, says: /The trainer could not start: Could not download the trainer \(attention-train-(simd|scalar)\.wasm\): the network request failed\. The connection may be down, or the site that serves the lesson may not let this page read its files\. Check the connection and reload the page\./ },
];

// ---- the checks -------------------------------------------------------------------------------
let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

const nextFrames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

// What the page says: alerts (the lesson's notice, the probe message) and the trainer's status.
const messages = (page) => page.evaluate(() => [...document.querySelectorAll('[role=alert], .al-scene [data-role=status], .al-scene [data-role=mode], .al-scene [data-role=train-message]')]
  .map((e) => e.textContent.trim()).filter(Boolean));


async function readyToTrain(page) {
  await page.waitForFunction(() => {
    const play = document.querySelector('.al-scene [data-action=play]');
    return (play && !play.disabled) || /could not start/.test(document.querySelector('.al-scene [data-role=status]')?.textContent ?? '');
  }, null, { timeout: 30000 });
}

async function openStep(page, hash = `#step=${STEP}`, id = STEP) {
  await page.evaluate((x) => { location.hash = x; }, hash);
  await page.waitForFunction((x) => document.querySelector('[aria-current="step"]')?.dataset.step === x, id, { timeout: 10000 });
  await readyToTrain(page);
}

// The shared checks (hostile-checks.js), and for cases that leave the scene: no run left in the worker.
async function assertSafeAndLeft(page, c) {
  await assertNoRawValues(page, c.id);
  if (c.leaves) {
    for (let i = 0; i < 50 && page.workers().length > 1; i++) await page.waitForTimeout(100);
    assert.ok(page.workers().length <= 1, `${c.id}: ${page.workers().length} training workers are left`);
    for (const w of page.workers()) {
      let status = null;
      for (let i = 0; i < 50; i++) {
        status = await w.evaluate(() => self.trainingStatus?.());
        if (status && !status.trainer) break;
        await page.waitForTimeout(100);
      }
      assert.deepEqual(status, { trainer: false, playing: false }, `${c.id}: the parked worker still holds a run`);
    }
  }
  // (Chromium itself logs the request this case blocks on purpose; that is not the page's error)
  await assertSafeAndWorking(page, c.id, { ignoreErrors: c.blocked ? /Failed to load resource: net::ERR_FAILED/ : null });
}

async function runCase(page, c) {
  if (c.link || c.hash) {
    await openStep(page, c.hash ?? link(c.link));
    if (c.link?.probe !== undefined) {
      await page.waitForFunction(() => document.querySelector('.al-scene [data-role=probe-message]')?.textContent, null, { timeout: 10000 });
    }
    await nextFrames(page);
    return (await messages(page)).join(' ');
  }
  await openStep(page, `#step=${c.step ?? STEP}`, c.step ?? STEP);
  if (c.probe !== undefined) {
    const probe = page.locator('.al-scene [data-input=probe]');
    await probe.evaluate((el, v) => { el.value = v; }, c.probe); // as a paste would (maxLength only limits typing)
    await probe.press('Enter');
    if (c.reads) {
      await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('.al-scene [data-role=prediction]')?.textContent ?? ''), c.reads.source, { timeout: 10000 });
      assert.equal(await page.locator('.al-scene [data-role=probe-message]').innerText(), '', `${c.id}: no refusal`);
    } else {
      await page.waitForFunction(() => document.querySelector('.al-scene [data-role=probe-message]')?.textContent, null, { timeout: 10000 });
    }
    return (await messages(page)).join(' ');
  }
  if (c.run) return c.run(page);
  return (await messages(page)).join(' ');
}


test('the training scene\'s hostile cases are at least 20, each named once', () => {
  assert.ok(CASES.length >= 20, `${CASES.length} cases`);
  assert.equal(new Set(CASES.map((x) => x.id)).size, CASES.length);
});

test('every hostile training case: no uncaught error, no injected script, refusals in words, the page still computes', { timeout: 600000 }, async (t) => {
  let page = await h.page();
  await openLesson(page, h.url);
  for (const c of CASES) {
    await t.test(c.id, async () => {
      if (c.fresh) {
        page = await h.page();
        if (c.init) await page.addInitScript(c.init);
        if (c.route) await page.route(...c.route);
        await openLesson(page, h.url);
      } else {
        // back to the step's starting values between cases
        await page.evaluate(() => { location.hash = '#step=worked-example'; });
      }
      const said = await runCase(page, c);
      if (c.mode) assert.equal(await page.locator('.al-scene [data-role=mode]').getAttribute('data-mode'), c.mode, `${c.id}: training mode`);
      assertSaid(said, c);
      if (c.mode === 'main-thread') {
        // it trains there too
        await page.locator('.al-scene [data-action=step]').click();
        await page.waitForFunction(() => Number(document.querySelector('.al-scene [data-role=counter]')?.dataset.steps) >= 1, null, { timeout: 10000 });
      }
      await assertSafeAndLeft(page, c);
      if (c.fresh) await page.context().close();
    });
    if (c.fresh) { page = await h.page(); await openLesson(page, h.url); }
  }
});
