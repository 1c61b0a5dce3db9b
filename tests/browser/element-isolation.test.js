// <attention-lesson> in hostile host pages and in dark mode, from the built dist/: the host's
// inherited text styles (text-transform, letter-spacing, word-spacing, text-align, font-style,
// line-height, colour, font) and its root font size do not reach the lesson (computed styles
// inside the shadow root equal those under a plain page); the dark theme follows
// prefers-color-scheme, can be forced either way with theme="…", yields to the page's --al-*
// settings, covers every colour property, and keeps text contrast at 4.5:1 or more (measured on
// computed colours). Screenshots: test-results/element-hostile.png, element-dark.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { launch, screenshot, ROOT } from './harness.js';
import { themeProperties } from '../../scripts/build-web.mjs';
import { DARK_THEME } from '../../web/src/embed/dark-theme.js';
import { contrastRatio, parseColor, relativeLuminance } from '../../web/src/views/color.js';

const DIST = path.join(ROOT, 'dist');
let h;
before(async () => {
  if (!existsSync(path.join(DIST, 'attention-lesson.js')) || process.env.REBUILD_DIST) {
    const { buildDist } = await import('../../scripts/build-dist.mjs');
    await buildDist({ quiet: true });
  }
  h = await launch({ root: DIST });
});
after(async () => { await h?.close(); });

const HOSTILE_CSS = `html { font-size: 10px; } body { text-transform: uppercase; letter-spacing: 3px; word-spacing: 12px;
  text-align: center; font-style: italic; font-weight: 700; line-height: 3; color: #c00; font-family: cursive;
  text-indent: 40px; white-space: pre; font-size: 22px; } attention-lesson { margin: 0; }`;
const BIG_ROOT_CSS = 'html { font-size: 28px; }';

// A host page on the lesson's origin (so the element finds its files), served by page.route.
async function hostPage({ css = '', attrs = 'steps="softmax worked-example" step="worked-example"', colorScheme = 'light' } = {}) {
  const context = await h.browser.newContext({ viewport: { width: 1100, height: 900 }, colorScheme });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  const url = `${h.url}host-${Math.random().toString(36).slice(2)}.html`;
  await page.route(url, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,"><style>${css}</style>
<script src="attention-lesson.js" defer></script></head><body><h1>A course page</h1><attention-lesson ${attrs}></attention-lesson></body></html>`,
  }));
  await page.goto(url);
  await page.waitForSelector('attention-lesson[state="ready"]', { timeout: 30000 });
  return page;
}

const PROBES = ['.al-root', '.al-step-title', '.al-text p', '.al-scene', '.al-step-link', '.al-next', '.al-quiz-question', '.al-quiz-progress', '.al-quiz-title'];
const PROPS = ['font-size', 'line-height', 'letter-spacing', 'word-spacing', 'text-transform', 'text-align', 'text-indent', 'font-style',
  'font-weight', 'white-space', 'font-family', 'padding-top', 'padding-left', 'margin-top', 'margin-bottom', 'width', 'border-top-left-radius'];

function styles(page) {
  return page.evaluate(({ probes, props }) => {
    const root = document.querySelector('attention-lesson').shadowRoot;
    return Object.fromEntries(probes.map((sel) => {
      const el = root.querySelector(sel);
      if (!el) return [sel, null];
      const cs = getComputedStyle(el);
      return [sel, Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]))];
    }));
  }, { probes: PROBES, props: PROPS });
}

test('a hostile host page changes nothing inside the element (text styles, root font size)', async () => {
  const plain = await hostPage();
  const reference = await styles(plain);
  for (const sel of PROBES) assert.ok(reference[sel], `${sel} exists`);
  assert.equal(reference['.al-root']['font-size'], '16px');
  await plain.context().close();
  for (const css of [HOSTILE_CSS, BIG_ROOT_CSS]) {
    const page = await hostPage({ css });
    const got = await styles(page);
    for (const sel of PROBES) {
      for (const p of PROPS) assert.equal(got[sel][p], reference[sel][p], `${sel} ${p} under "${css.slice(0, 40)}…"`);
    }
    // The host page itself really is hostile (the check above could fail).
    const body = await page.evaluate(() => getComputedStyle(document.body).textTransform);
    assert.equal(body, css === HOSTILE_CSS ? 'uppercase' : 'none');
    assert.deepEqual(page.errors, []);
    if (css === HOSTILE_CSS) await screenshot(page, 'element-hostile');
    await page.context().close();
  }
});

// WCAG 2 luminance and contrast of the computed rgb() colours, as the views compute them.
const luminance = (rgb) => relativeLuminance(parseColor(rgb));
const contrast = contrastRatio;

function colours(page) {
  return page.evaluate(() => {
    const root = document.querySelector('attention-lesson').shadowRoot;
    const cs = (sel) => getComputedStyle(root.querySelector(sel));
    const probe = (value) => { // a custom property's colour, resolved by the browser
      const el = document.createElement('span');
      el.style.color = `var(${value})`;
      root.querySelector('.al-root').append(el);
      const c = getComputedStyle(el).color;
      el.remove();
      return c;
    };
    return {
      fg: cs('.al-root').color, bg: cs('.al-root').backgroundColor, panel: cs('.al-scene').backgroundColor,
      muted: cs('.al-objective').color, current: cs('.al-step-link[aria-current="step"]').color,
      currentBg: cs('.al-step-link[aria-current="step"]').backgroundColor,
      ok: probe('--al-ok'), bad: probe('--al-bad'), danger: probe('--al-danger'), focus: probe('--al-focus'),
      surface: probe('--al-surface'), accent: probe('--al-accent'), border: probe('--al-border'),
    };
  });
}

test('dark mode: follows the system, theme="light"/"dark" override it, contrast holds', async () => {
  const dark = await hostPage({ colorScheme: 'dark', css: 'body { background: #000; color: #eee; }' });
  const c = await colours(dark);
  assert.ok(luminance(c.bg) < 0.02, `dark background, got ${c.bg}`);
  for (const [name, fg, bg] of [['text', c.fg, c.bg], ['text on panel', c.fg, c.panel], ['text on surface', c.fg, c.surface],
    ['muted', c.muted, c.bg], ['muted on panel', c.muted, c.panel], ['current step', c.current, c.currentBg],
    ['right', c.ok, c.bg], ['wrong', c.bad, c.bg], ['invalid', c.danger, c.bg], ['accent text', c.accent, c.bg]]) {
    assert.ok(contrast(fg, bg) >= 4.5, `${name}: ${fg} on ${bg} is ${contrast(fg, bg).toFixed(2)}:1`);
  }
  assert.ok(contrast(c.focus, c.bg) >= 3 && contrast(c.border, c.bg) >= 3, 'focus ring and borders 3:1');
  await screenshot(dark, 'element-dark');
  assert.deepEqual(dark.errors, []);
  await dark.context().close();

  const forcedLight = await hostPage({ colorScheme: 'dark', attrs: 'steps="softmax worked-example" theme="light"' });
  assert.equal((await colours(forcedLight)).bg, 'rgb(255, 255, 255)');
  await forcedLight.context().close();
  const forcedDark = await hostPage({ colorScheme: 'light', attrs: 'steps="softmax worked-example" theme="dark"' });
  assert.ok(luminance((await colours(forcedDark)).bg) < 0.02);
  await forcedDark.context().close();
  // The page's own --al-* settings win over the dark theme.
  const themed = await hostPage({ colorScheme: 'dark', css: 'attention-lesson { --al-bg: #202040; }' });
  assert.equal((await colours(themed)).bg, 'rgb(32, 32, 64)');
  await themed.context().close();
});

test('the dark theme gives every colour property a value', async () => {
  const light = await themeProperties();
  const colourNames = Object.keys(light).filter((k) => /^#[0-9a-f]{3,8}$/i.test(light[k]));
  assert.ok(colourNames.length >= 10);
  for (const k of colourNames) assert.ok(DARK_THEME[k], `${k} has a dark value`);
});
