// Browser test harness: serves web/ on localhost and drives Debian's Chromium with playwright-core.
// Every page records console errors and uncaught exceptions, so a test can fail on them.
// Screenshots go to test-results/ (kept as test artefacts, not committed).
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS = path.join(ROOT, 'test-results');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launch({ root = path.join(ROOT, 'web'), csp = null } = {}) {
  const server = await startServer({ root, csp });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    url: server.url,
    browser,
    async page({ width = 1200, height = 900, reducedMotion = 'no-preference', hasTouch = false, colorScheme = 'light' } = {}) {
      const context = await browser.newContext({ viewport: { width, height }, reducedMotion, hasTouch, colorScheme });
      const page = await context.newPage();
      page.errors = [];
      page.on('console', (m) => { if (m.type() === 'error') page.errors.push(`console: ${m.text()}`); });
      page.on('pageerror', (e) => page.errors.push(`pageerror: ${e.message}`));
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

// Records on `page`: every request's path (page.requests) and every Content-Security-Policy
// violation in the page (window.__csp, as "directive blocked-URI").
export async function recordRequestsAndCsp(page) {
  page.requests = [];
  page.on('request', (r) => page.requests.push(new URL(r.url()).pathname));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return page;
}

export const DIST = path.join(ROOT, 'dist');

// Builds dist/ (the hashed files and the single file) unless it is there already; REBUILD_DIST=1
// forces it. For the tests that run against the built deliverables.
export async function ensureDist() {
  if (!existsSync(path.join(DIST, 'attention-lesson.html')) || process.env.REBUILD_DIST) {
    const { buildDist } = await import('../../scripts/build-dist.mjs');
    await buildDist({ quiet: true });
  }
}

export async function screenshot(page, name) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

// Opens the lesson page and waits until the engine has started and the first step is drawn.
export async function openLesson(page, url, hash = '') {
  await page.goto(url + hash);
  await page.waitForSelector('#lesson[data-ready="true"]', { timeout: 20000 });
}

// axe-core's WCAG 2.1 A and AA rules on the whole page: one line per violation (empty when clean).
export async function axeViolations(page) {
  await page.addScriptTag({ path: path.join(ROOT, 'node_modules/axe-core/axe.min.js') });
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target})`);
}
