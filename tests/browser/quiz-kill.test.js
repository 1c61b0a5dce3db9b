// Kill test for quiz progress (issue 14): answer a question, SIGKILL the whole Chromium browser
// process within a second of the feedback appearing, start Chromium again on the same
// --user-data-dir, and find the answer kept. Also checks that the saves use IndexedDB
// transactions with { durability: 'strict' } and that "saved" appears only after them.
// Chromium is spawned by hand (not by playwright's launch) so the test owns its process id;
// playwright-core attaches over the DevTools protocol.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT } from './harness.js';
import { startServer } from '../../scripts/serve.mjs';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Starts Chromium on a profile folder; resolves when its DevTools endpoint is known.
function startChromium(profile) {
  const child = spawn(process.env.CHROMIUM ?? '/usr/bin/chromium', [...ARGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // SIGKILL to the whole process group: the browser and its renderer, GPU and utility processes
  // die at once, as in a crash, and none is left writing into the profile folder afterwards.
  const kill = () => { try { process.kill(-child.pid, 'SIGKILL'); } catch { child.kill('SIGKILL'); } };
  const endpoint = new Promise((resolve, reject) => {
    let text = '';
    child.stderr.on('data', (chunk) => {
      text += chunk;
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before it was ready: ${text.slice(-400)}`)));
  });
  return { child, kill, exited, endpoint };
}

// Records every IndexedDB transaction's mode and durability option in the page.
// Also keeps what localStorage held when the page started (before any merge rewrote it).
const RECORD_IDB = () => {
  try { window.__localAtStart = localStorage.getItem('attention-lesson.quiz.v1'); } catch { window.__localAtStart = null; }
  const original = IDBDatabase.prototype.transaction;
  window.__idbTransactions = [];
  IDBDatabase.prototype.transaction = function transaction(names, mode, options) {
    window.__idbTransactions.push({ mode: mode ?? 'readonly', durability: options?.durability ?? 'default' });
    return original.call(this, names, mode, options);
  };
};

let server;
before(async () => { server = await startServer({ root: path.join(ROOT, 'web') }); });
after(async () => { await server?.close(); });

async function openPage(endpoint) {
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  await context.addInitScript(RECORD_IDB);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}#step=contextual-meaning`);
  await page.waitForSelector('#lesson[data-ready="true"]', { timeout: 30000 });
  return { browser, page, errors };
}

// The first multiple-choice card of the step, found by its radios and its Check button.
async function firstChoiceCard(page) {
  const card = page.locator('[data-question-id]').filter({ has: page.getByRole('radio') }).first();
  await card.waitFor({ state: 'visible', timeout: 20000 });
  return { card, id: await card.getAttribute('data-question-id') };
}

for (const delayMs of [0, 300, 900]) {
  test(`an answer survives SIGKILL ${delayMs} ms after its feedback appears`, { timeout: 120000 }, async (t) => {
    const profile = mkdtempSync(path.join(os.tmpdir(), 'attention-lesson-profile-'));
    try {
      // 1. Answer, wait for the feedback, then kill the browser process.
      const first = startChromium(profile);
      const { page, errors } = await openPage(await first.endpoint);
      const { card, id } = await firstChoiceCard(page);
      await card.getByRole('radio').first().check();
      await card.getByRole('button', { name: 'Check', exact: true }).click();
      const feedback = card.locator('[aria-live="polite"]').first();
      await page.waitForFunction((el) => el.textContent.trim().length > 0, await feedback.elementHandle(), { polling: 'raf' });
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      const writes = await page.evaluate(() => window.__idbTransactions.filter((t) => t.mode === 'readwrite'));
      first.kill();
      await first.exited;
      assert.ok(writes.length >= 1, 'the answer was written to IndexedDB');
      assert.ok(writes.every((t) => t.durability === 'strict'), `every write is strict: ${JSON.stringify(writes)}`);
      assert.deepEqual(errors, []);

      // 2. Start again on the same profile: the answer is there.
      const second = startChromium(profile);
      const again = await openPage(await second.endpoint);
      try {
        const card2 = again.page.locator(`[data-question-id="${id}"]`);
        await card2.waitFor({ state: 'visible', timeout: 20000 });
        await again.page.waitForFunction((el) => /Your saved answer/.test(el.textContent), await card2.locator('[aria-live="polite"]').first().elementHandle(), { timeout: 10000 });
        assert.equal(await card2.getByRole('radio').first().isChecked(), true, 'the chosen option is restored');
        assert.deepEqual(again.errors, []);
        // Whether localStorage alone would have kept it (it reaches disk late): for the record.
        const inLocal = await again.page.evaluate((qid) => { try { return qid in (JSON.parse(window.__localAtStart ?? 'null')?.answers ?? {}); } catch { return false; } }, id);
        t.diagnostic(`killed ${delayMs} ms after the feedback: answer kept; localStorage alone ${inLocal ? 'also had it' : 'had lost it'}`);
      } finally {
        second.kill();
        await second.exited;
      }
    } finally {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    }
  });
}

test('"saved" is shown only after the strict IndexedDB commit', { timeout: 60000 }, async () => {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'attention-lesson-profile-'));
  const run = startChromium(profile);
  try {
    const { page } = await openPage(await run.endpoint);
    const { card } = await firstChoiceCard(page);
    // Record, in the page, whether the commit had completed when the words appeared.
    await page.evaluate(() => {
      window.__savedBeforeCommit = null;
      const original = IDBDatabase.prototype.transaction;
      IDBDatabase.prototype.transaction = function transaction(...args) {
        const tx = original.apply(this, args);
        if (args[1] === 'readwrite') {
          window.__commitDone = false;
          tx.addEventListener('complete', () => { window.__commitDone = true; });
        }
        return tx;
      };
      new MutationObserver(() => {
        const words = [...document.querySelectorAll('[role=status]')].map((e) => e.textContent).join(' ');
        if (/answers are saved/.test(words) && window.__savedBeforeCommit === null) window.__savedBeforeCommit = !window.__commitDone;
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await card.getByRole('radio').first().check();
    await card.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Your answers are saved in this browser.' }).first().waitFor({ timeout: 10000 });
    assert.equal(await page.evaluate(() => window.__savedBeforeCommit), false, 'the words came after the commit');
  } finally {
    run.kill();
    await run.exited;
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
});
