// bench-page.mjs — how quickly the page answers the learner, measured in headless Chromium
// (npm run bench:page). A script that prints numbers, not a test: nothing here passes or fails.
//
// 1. Per scene, at its default size: many rapid changes of one of its own controls (a slider, a
//    number box or the sentence), each followed by the frame that shows it. Printed per scene:
//    - latency: input event → the frame with the new drawing painted (rAF + a task after it),
//      median / p95 / worst; this includes waiting for the next frame (up to 16.7 ms at 60 Hz);
//    - work: the part of that frame spent in the lesson (its render, the heatmap drawing, the
//      browser's style and layout), median / p95 / worst.
// 2. The heaviest link: 64 tokens × 8 heads with every matrix as a table: time from navigation to
//    the drawn scene, and the DOM node count of the lesson.
// Usage: node scripts/bench-page.mjs [--changes 400] [--scene id,id]
import { chromium } from 'playwright-core';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const CHANGES = Number(arg('changes', 400));
const ONLY = arg('scene', '') ? arg('scene', '').split(',') : null;

const { SCENES } = await import(path.join(ROOT, 'web/src/steps/index.js'));
const server = await startServer({ root: path.join(ROOT, 'web') });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });

const stats = (a) => {
  const s = [...a].sort((x, y) => x - y);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
  return { median: q(0.5), p95: q(0.95), worst: s[s.length - 1] };
};
const ms = (v) => `${v.toFixed(1)}`.padStart(6);

async function open(page, hash) {
  await page.goto(`${server.url}#${hash}`);
  await page.waitForSelector('#lesson[data-ready="true"]', { timeout: 30000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

// In the page: change the scene's first slider / number box / text box `count` times, one change
// per frame, and time each change to the painted frame.
async function measureScene(page, count) {
  return page.evaluate(async (count) => {
    const scene = document.querySelector('.al-scene');
    const input = scene.querySelector('input[type=range]') ?? scene.querySelector('input[type=number]') ?? scene.querySelector('input[type=text]');
    if (!input) return null;
    const kind = input.type;
    let values;
    if (kind === 'range') {
      // Between the default value and one step away, so the scene stays at its default size.
      const min = Number(input.min || 0), max = Number(input.max || 100), step = Number(input.step || 1) || 1;
      const v = Number(input.value);
      values = [String(v), String(v + step <= max ? v + step : Math.max(min, v - step))];
    } else if (kind === 'number') {
      const v = Number(input.value) || 0;
      values = [String(v), String(v + (Number(input.step) || 1))];
    } else {
      values = [input.value, `${input.value} too`];
    }
    const latency = [], work = [];
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    for (let k = 0; k < count; k++) {
      await frame(); // start each change at the beginning of a frame, as a dragged slider does
      input.value = values[k % 2];
      const t0 = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true }));
      if (kind !== 'range') input.dispatchEvent(new Event('change', { bubbles: true }));
      const t = await new Promise((resolve) => requestAnimationFrame((frameStart) => {
        // The lesson's own requestAnimationFrame callback (the render) ran before this one.
        const rendered = performance.now();
        setTimeout(() => resolve({ frameStart, rendered, painted: performance.now() }), 0);
      }));
      latency.push(t.painted - t0);
      work.push(t.painted - Math.max(t0, t.frameStart));
    }
    return { kind, latency, work };
  }, count);
}

console.log(`bench:page — Chromium ${browser.version()}, ${CHANGES} changes per scene, default sizes, reduced motion (no easing)`);
console.log('scene                 control   latency ms (median  p95  worst)   work ms (median  p95  worst)');
const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, reducedMotion: 'reduce' });
const page = await context.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
for (const scene of SCENES) {
  if (ONLY && !ONLY.includes(scene.id)) continue;
  await open(page, `step=${scene.id}`);
  const r = await measureScene(page, CHANGES);
  if (!r) { console.log(`${scene.id.padEnd(22)}(no slider, number box or text box to change)`); continue; }
  const l = stats(r.latency), w = stats(r.work);
  console.log(`${scene.id.padEnd(22)}${r.kind.padEnd(8)} ${ms(l.median)} ${ms(l.p95)} ${ms(l.worst)}        ${ms(w.median)} ${ms(w.p95)} ${ms(w.worst)}`);
}

// The heaviest link.
const words = Array.from({ length: 64 }, (_, i) => ['the', 'cat', 'sat', 'on', 'a', 'warm', 'mat', 'today'][i % 8]).join(' ');
const heavy = `step=multi-head&multi-head=${encodeURIComponent(JSON.stringify({ sentence: words, heads: 8 }))}&table=1`;
const fresh = await browser.newContext({ viewport: { width: 1200, height: 900 }, reducedMotion: 'reduce' });
const hp = await fresh.newPage();
hp.on('pageerror', (e) => errors.push(e.message));
const times = [];
let nodes = 0, tables = 0, cells = 0;
for (let k = 0; k < 3; k++) {
  const t0 = Date.now();
  await open(hp, heavy);
  times.push(Date.now() - t0);
  ({ nodes, tables, cells } = await hp.evaluate(() => ({
    nodes: document.querySelectorAll('*').length,
    tables: document.querySelectorAll('.al-scene table').length,
    cells: document.querySelectorAll('.al-scene td').length,
  })));
  await hp.goto('about:blank');
}
console.log(`heaviest link (64 tokens × 8 heads, every matrix as a table): opens in ${stats(times).median} ms (median of 3: ${times.join(', ')} ms), ${nodes.toLocaleString('en-US')} DOM nodes, ${tables} tables, ${cells.toLocaleString('en-US')} cells`);
// The same link, one change of the followed query (a select), timed to the painted frame.
await open(hp, heavy);
const change = await hp.evaluate(async () => {
  const sel = [...document.querySelectorAll('.al-scene select')].find((s) => s.options.length >= 64);
  if (!sel) return null;
  const out = [];
  for (let k = 0; k < 40; k++) {
    await new Promise((r) => requestAnimationFrame(r));
    sel.value = String((Number(sel.value) + 1) % sel.options.length);
    const t0 = performance.now();
    sel.dispatchEvent(new Event('change', { bubbles: true }));
    out.push(await new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0))));
  }
  return out;
});
if (change) {
  const s = stats(change);
  console.log(`heaviest link, change the followed query (40 times): latency median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, worst ${s.worst.toFixed(1)} ms`);
}
if (errors.length) console.log(`page errors: ${errors.slice(0, 3).join(' | ')}`);
await browser.close();
await server.close();
