// The lesson's own pages in dark mode, from the built dist/: index.html and embed.html follow the
// system's prefers-color-scheme, embed.html?theme=dark|light forces either, a wrong theme value is
// named in a console warning, and every text colour keeps 4.5:1 against the backgrounds it sits on
// (measured on computed colours; the heatmaps read the same --al-* colours). The single offline
// file shares index.html's stylesheet. Screenshot: test-results/page-dark.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { launch, screenshot, ROOT } from './harness.js';
import { contrastRatio, parseColor, relativeLuminance } from '../../web/src/views/color.js';

const DIST = path.join(ROOT, 'dist');
let h;
before(async () => {
  if (!existsSync(path.join(DIST, 'embed.html')) || process.env.REBUILD_DIST) {
    const { buildDist } = await import('../../scripts/build-dist.mjs');
    await buildDist({ quiet: true });
  }
  h = await launch({ root: DIST });
});
after(async () => { await h?.close(); });

const luminance = (c) => relativeLuminance(parseColor(c));

async function open(file, colorScheme) {
  const page = await h.page({ colorScheme });
  page.warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') page.warnings.push(m.text()); });
  await page.goto(`${h.url}${file}`);
  await page.waitForSelector('#lesson[data-ready="true"]', { timeout: 30000 });
  return page;
}

function colours(page) {
  return page.evaluate(() => {
    const cs = (sel) => getComputedStyle(document.querySelector(sel)); // elements every page has
    return {
      page: getComputedStyle(document.documentElement).backgroundColor,
      title: document.querySelector('.al-page-title') ? cs('.al-page-title').color : null,
      fg: cs('.al-root').color, bg: cs('.al-root').backgroundColor,
      panel: cs('.al-scene').backgroundColor, muted: cs('.al-objective').color,
      current: document.querySelector('.al-step-link[aria-current="step"]') ? cs('.al-step-link[aria-current="step"]').color : null,
      currentBg: document.querySelector('.al-step-link[aria-current="step"]') ? cs('.al-step-link[aria-current="step"]').backgroundColor : null,
      quiz: document.querySelector('.al-quiz-question') ? cs('.al-quiz-question').color : null,
    };
  });
}

test('index.html follows a dark system setting, with readable contrast everywhere', async () => {
  const page = await open('index.html', 'dark');
  const c = await colours(page);
  assert.ok(c.title && c.current, 'the page title and the step list are on index.html');
  assert.ok(luminance(c.bg) < 0.02 && luminance(c.page) < 0.02, `dark lesson and page, got ${c.bg} on ${c.page}`);
  for (const [name, fg, bg] of [['title', c.title, c.page], ['text', c.fg, c.bg], ['text on panel', c.fg, c.panel],
    ['muted', c.muted, c.bg], ['current step', c.current, c.currentBg]]) {
    assert.ok(contrastRatio(fg, bg) >= 4.5, `${name}: ${fg} on ${bg} is ${contrastRatio(fg, bg).toFixed(2)}:1`);
  }
  await screenshot(page, 'page-dark');
  assert.deepEqual(page.errors, []);
  await page.context().close();

  const light = await open('index.html', 'light');
  assert.equal((await colours(light)).bg, 'rgb(255, 255, 255)');
  await light.context().close();
});

test('embed.html: system setting by default, ?theme= forces it, a wrong value is named', async () => {
  const dark = await open('embed.html?steps=softmax', 'dark');
  assert.ok(luminance((await colours(dark)).bg) < 0.02);
  await dark.context().close();
  const forcedDark = await open('embed.html?steps=softmax&theme=dark', 'light');
  const fd = await colours(forcedDark);
  assert.ok(luminance(fd.bg) < 0.02 && luminance(fd.page) < 0.02, `${fd.bg} on ${fd.page}`);
  assert.ok(contrastRatio(fd.fg, fd.bg) >= 4.5 && contrastRatio(fd.muted, fd.panel) >= 4.5, `${fd.fg} / ${fd.muted} on ${fd.bg} / ${fd.panel}`);
  await forcedDark.context().close();
  const forcedLight = await open('embed.html?steps=softmax&theme=light', 'dark');
  assert.equal((await colours(forcedLight)).bg, 'rgb(255, 255, 255)');
  await forcedLight.context().close();
  const wrong = await open('embed.html?steps=softmax&theme=purple', 'light');
  assert.ok(wrong.warnings.some((w) => /theme must be dark or light; "purple" was ignored/.test(w)), wrong.warnings.join('\n'));
  assert.deepEqual(wrong.errors, []);
  await wrong.context().close();
});
