// Bundles the page: web/src/main.js → web/build/lesson.js (ES module) and web/src/styles.css →
// web/build/lesson.css with esbuild; typesets the lesson's formulas with KaTeX at build time (the
// page ships HTML, not KaTeX's JS); copies KaTeX's CSS and fonts and the two wasm engines.
// Also the embeddings (web/src/embed/): the <attention-lesson> element → attention-lesson.js
// (classic script) + attention-lesson.css (its shadow root's stylesheet), the iframe page →
// embed.js + embed.css, and katex/katex-fonts.css (KaTeX's @font-face rules, for the document).
// scripts/build-dist.mjs reuses the exports below for the hashed and single-file builds.
import { build } from 'esbuild';
import katex from 'katex';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { remFreePlugin, darkThemePlugin } from './element-css.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'web/build');
export const KATEX_DIST = path.join(root, 'node_modules/katex/dist');

// `import FORMULAS from 'virtual:formulas'` gives { name: katexHtml } for web/src/content/formulas.js.
export const formulasPlugin = {
  name: 'formulas',
  setup(b) {
    b.onResolve({ filter: /^virtual:formulas$/ }, () => ({ path: 'formulas', namespace: 'formulas' }));
    b.onLoad({ filter: /.*/, namespace: 'formulas' }, async () => {
      const { FORMULAS } = await import(path.join(root, 'web/src/content/formulas.js') + `?t=${Date.now()}`);
      const html = {};
      for (const [name, tex] of Object.entries(FORMULAS)) {
        html[name] = katex.renderToString(tex, { displayMode: true, output: 'htmlAndMathml', throwOnError: true });
      }
      return { contents: `export default ${JSON.stringify(html)};`, loader: 'js' };
    });
  },
};

// d3-scale-chromatic ships one file whose top level builds every colour scheme with function calls
// (`var BrBG = ramp$1(scheme$q);`), which a bundler must keep unless told they are pure: the
// lesson uses two interpolators (cividis, RdBu) but would carry all of them (17 KB minified).
// This marks each top-level `var x = call(…)` / `new …` of that file, and its calls of colors(),
// ramp() and cubehelix(), as pure, so esbuild drops the schemes nothing imports. The code itself
// is unchanged.
export const pureColorSchemesPlugin = {
  name: 'pure-color-schemes',
  setup(b) {
    b.onLoad({ filter: /[\\/]d3-scale-chromatic[\\/]dist[\\/]d3-scale-chromatic\.mjs$/ }, async (args) => {
      const text = readFileSync(args.path, 'utf8');
      const pure = text
        .replace(/^(var [\w$]+ = )(?=new |[\w$]+\()/gm, '$1/* @__PURE__ */ ')
        .replace(/(?<![\w$.])((?:colors|ramp|cubehelix|cubehelixLong)(?:\$\d+)?)\(/g, '/* @__PURE__ */ $1(');
      return { contents: pure, loader: 'js' };
    });
  },
};

// `@import 'virtual:host-theme'` (web/src/embed/element.css): every --al-* custom property declared
// on .al-root gets its default on :host, and .al-root inherits it, so the page can theme the
// element from outside the shadow root. Generated from the lesson's CSS, so new properties follow.
export const hostThemePlugin = {
  name: 'host-theme',
  setup(b) {
    b.onResolve({ filter: /^virtual:host-theme$/ }, () => ({ path: 'host-theme', namespace: 'host-theme' }));
    b.onLoad({ filter: /.*/, namespace: 'host-theme' }, async () => {
      const props = await themeProperties();
      const names = Object.keys(props);
      const defaults = names.map((n) => `  ${n}: ${props[n]};`).join('\n');
      const inherit = names.map((n) => `  ${n}: inherit;`).join('\n');
      return { contents: `:host {\n${defaults}\n}\n:host .al-root {\n${inherit}\n}\n`, loader: 'css', resolveDir: root };
    });
  },
};

/** { '--al-fg': '#1a1a1a', … }: the custom properties declared on .al-root (as the cascade resolves them). */
export async function themeProperties() {
  const r = await build({
    entryPoints: [path.join(root, 'web/src/styles.css')], bundle: true, write: false, minify: false,
    logLevel: 'silent', outdir: path.join(root, 'build/theme-scan'),
  });
  const css = r.outputFiles.find((f) => f.path.endsWith('.css')).text.replace(/\/\*[\s\S]*?\*\//g, '');
  const props = {};
  // Zero-specificity defaults (:where(.al-root)) first, then .al-root rules, which win over them.
  for (const selector of [/:where\(\s*\.al-root\s*\)/, /\.al-root/]) {
    const rule = new RegExp(`(?:^|[}\\s])${selector.source}\\s*\\{([^}]*)\\}`, 'g');
    for (const m of css.matchAll(rule)) {
      for (const d of m[1].matchAll(/(--al-[\w-]+)\s*:\s*([^;]+?)\s*(?:;|$)/g)) props[d[1]] = d[2].replace(/\s+/g, ' ');
    }
  }
  return props;
}

/** KaTeX's @font-face rules (woff2 sources only), for the document that holds shadow roots. */
export function katexFontFaces(css) {
  return (css.match(/@font-face\s*\{[^}]*\}/g) ?? []).map(woff2Only).join('');
}

/** A @font-face rule with its src reduced to the woff2 file (every browser we support reads it). */
export function woff2Only(rule) {
  return rule.replace(/src:([^;}]*)/, (all, list) => {
    const woff2 = list.split(/,(?=\s*url\()/).find((s) => /format\(["']?woff2/.test(s));
    return woff2 ? `src:${woff2.trim()}` : all;
  });
}

// The bundles: name → entry and format. The element is a classic script (it finds its files from
// document.currentScript), the pages are ES modules. `split`: the page's dynamic import()s (the
// code panels' inside, the exercise, the mistake lab's fourth bug: lib/mount-later.js) become
// chunk files next to the page script, fetched only when needed; in a classic script (the
// element, the single file) esbuild inlines them instead, so nothing is fetched from file://.
export const JS_ENTRIES = {
  lesson: { entry: 'web/src/main.js', format: 'esm', split: true },
  'attention-lesson': { entry: 'web/src/embed/attention-lesson-element.js', format: 'iife' },
  embed: { entry: 'web/src/embed/embed-page.js', format: 'esm', split: true },
  // A classic script the pages load first: on a file:// page it says what to do instead.
  'file-check': { entry: 'web/src/embed/file-check.js', format: 'iife' },
};
// Files the page loads later, only when needed: the code editor (CodeMirror, an ES module the
// exercise imports on demand, outside the first view's transfer), the exercise's Web Worker and
// the training scenes' Web Worker (web/src/training/runner.js starts it; the page sends it the
// wasm URLs). They load nothing by name themselves, so they are built first and their names
// passed to the others.
export const LAZY_JS_ENTRIES = {
  'code-editor': { entry: 'web/src/code/code-editor.js', format: 'esm', asset: 'codeEditor' },
  'exercise-worker': { entry: 'web/src/code/exercise-worker.js', format: 'iife', asset: 'exerciseWorker' },
  'training-worker': { entry: 'web/src/training/training-worker.js', format: 'esm', asset: 'trainingWorker' },
};
// The language model's files the page loads (web/assets/lm/; the licence and the held-out sample
// travel with the repository and the npm package, the page does not read them).
export const LM_FILES = ['model.bin', 'manifest.json', 'LICENSE-WordNet.txt'];
export const CSS_ENTRIES = {
  lesson: 'web/src/page.css',
  'attention-lesson': 'web/src/embed/element.css',
  embed: 'web/src/embed/embed-page.css',
};
// Where the built files are, relative to the scripts (web/build/ layout); build-dist.mjs passes hashed names.
export const DEV_ASSETS = {
  simd: 'dist/attention-simd.wasm', scalar: 'dist/attention-scalar.wasm', elementCss: 'attention-lesson.css',
  katexCss: 'katex/katex.min.css', katexFonts: 'katex/katex-fonts.css',
  codeEditor: 'code-editor.js', exerciseWorker: 'exercise-worker.js', trainingWorker: 'training-worker.js',
  trainSimd: 'dist/attention-train-simd.wasm', trainScalar: 'dist/attention-train-scalar.wasm',
  lmWeights: 'lm/model.bin', lmManifest: 'lm/manifest.json',
  lmSimd: 'dist/attention-lm-simd.wasm', lmScalar: 'dist/attention-lm-scalar.wasm',
};

// Chunk file names: next to the page script (assets.js resolves built files from the URL of the
// script it runs in, which may be a chunk), content-hashed by esbuild.
export const CHUNK_NAMES = '[name]-[hash]';

/** esbuild options for one JS bundle. */
// inlineEditor: bundle CodeMirror into the script itself (the single file and the SCORM pages,
// which cannot fetch code-editor.js from file://); everywhere else it stays a file of its own.
export function jsOptions({ entry, format, split = false }, { minify = true, assets = DEV_ASSETS, inlineEditor = false } = {}) {
  return {
    entryPoints: [path.join(root, entry)], bundle: true, format, target: 'es2020', minify,
    ...(split && format === 'esm' && { splitting: true, chunkNames: CHUNK_NAMES }),
    plugins: [formulasPlugin, pureColorSchemesPlugin], external: ['node:fs/promises'], logLevel: 'warning',
    define: { __ATTENTION_LESSON_ASSETS__: JSON.stringify(assets), __ATTENTION_LESSON_INLINE_EDITOR__: String(inlineEditor) },
    // A classic script has no import.meta; assets.js falls back to document.currentScript.
    logOverride: { 'empty-import-meta': 'silent' },
  };
}

/** esbuild options for one CSS bundle. */
// The element's stylesheet also gets its rem lengths made independent of the host page's root
// font size; every stylesheet can import its dark theme (scripts/element-css.mjs).
export function cssOptions(entry, { minify = true } = {}) {
  const plugins = entry === CSS_ENTRIES['attention-lesson'] ? [remFreePlugin(path.join(root, 'web')), hostThemePlugin, darkThemePlugin] : [hostThemePlugin, darkThemePlugin];
  return { entryPoints: [path.join(root, entry)], bundle: true, minify, logLevel: 'warning', plugins };
}

export async function buildWeb({ outdir = out, minify = true } = {}) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  for (const [name, spec] of Object.entries({ ...LAZY_JS_ENTRIES, ...JS_ENTRIES })) {
    await build({ ...jsOptions(spec, { minify }), entryPoints: { [name]: path.join(root, spec.entry) }, outdir, sourcemap: true, legalComments: 'linked' });
  }
  for (const [name, entry] of Object.entries(CSS_ENTRIES)) {
    await build({ ...cssOptions(entry, { minify }), entryPoints: { [name]: path.join(root, entry) }, outdir });
  }
  // KaTeX: its stylesheet and the woff2 fonts only (every browser we support reads woff2).
  const katexDist = KATEX_DIST;
  mkdirSync(path.join(outdir, 'katex/fonts'), { recursive: true });
  cpSync(path.join(katexDist, 'katex.min.css'), path.join(outdir, 'katex/katex.min.css'));
  writeFileSync(path.join(outdir, 'katex/katex-fonts.css'), katexFontFaces(readFileSync(path.join(katexDist, 'katex.min.css'), 'utf8')));
  for (const f of readdirSync(path.join(katexDist, 'fonts'))) {
    if (f.endsWith('.woff2')) cpSync(path.join(katexDist, 'fonts', f), path.join(outdir, 'katex/fonts', f));
  }
  mkdirSync(path.join(outdir, 'dist'), { recursive: true });
  for (const f of ['attention-simd.wasm', 'attention-scalar.wasm', 'attention-train-simd.wasm', 'attention-train-scalar.wasm',
    'attention-lm-simd.wasm', 'attention-lm-scalar.wasm']) {
    cpSync(path.join(root, 'wasm/dist', f), path.join(outdir, 'dist', f));
  }
  // the trained weights (npm run train:tasks) for the scenes' "learned" switch
  cpSync(path.join(root, 'web/assets/trained'), path.join(outdir, 'trained'), { recursive: true });
  // the small language model (npm run train:lm), fetched only by the steps that show it
  mkdirSync(path.join(outdir, 'lm'), { recursive: true });
  for (const f of LM_FILES) cpSync(path.join(root, 'web/assets/lm', f), path.join(outdir, 'lm', f));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildWeb();
  console.log('web: bundled into web/build/');
}
