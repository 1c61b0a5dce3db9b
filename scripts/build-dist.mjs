// Builds the two deliverables for course authors from the sources (npm run build calls it after
// build-web.mjs; it needs wasm/dist/ and node_modules/, nothing from web/build/):
//   dist/                      static hosting: content-hashed file names (lesson.3f2a1c9e0b.js,
//                              attention-simd.…wasm, fonts/KaTeX_….woff2), index.html, embed.html,
//                              examples/course.html rewritten to them, no CDN; plus
//                              attention-lesson.js, a stable (unhashed) name for the element script;
//                              the pages' chunks (esbuild-hashed names, loaded on demand).
//   dist/attention-lesson.html one self-contained file: CSS and KaTeX fonts (woff2 data: URLs)
//                              in <style>, both wasm builds (and the training and language model
//                              modules' builds) as base64 in ATTENTION_LESSON_WASM, the trained
//                              weights in ATTENTION_LESSON_TRAINED, the exercise's worker code in
//                              ATTENTION_LESSON_WORKERS,
//                              the lesson and quiz as one classic script. Opens from disk, offline.
// Usage: node scripts/build-dist.mjs
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageOf, thirdPartyNotices } from './third-party-notices.mjs';
import {
  root, KATEX_DIST, JS_ENTRIES, LAZY_JS_ENTRIES, CSS_ENTRIES, LM_FILES, jsOptions, cssOptions, katexFontFaces, woff2Only,
} from './build-web.mjs';

export const DIST = path.join(root, 'dist');
const WEB = path.join(root, 'web');
const KINDS = ['simd', 'scalar'];

const contentHash = (buf) => createHash('sha256').update(buf).digest('hex').slice(0, 10);
const withHash = (base, ext, buf) => `${base}.${contentHash(buf)}${ext}`;

function bundleText(result, ext) {
  const files = result.outputFiles.filter((f) => f.path.endsWith(ext));
  if (files.length !== 1) throw new Error(`expected one ${ext} output, got ${files.length}`);
  return files[0].text;
}

// One JS bundle's text. A split bundle (JS_ENTRIES' `split`) also has chunk files, which its
// dynamic import()s load from the script's own folder: they are written into `chunkDir` under
// content-hashed names like every other file of dist/ (name.<hash>.js, so the hosting configs'
// long-cache rule covers them), and every reference to them is rewritten to that name. The hash
// is taken over the chunk as esbuild wrote it, whose references carry esbuild's own hashes of
// the chunks it imports, so a name changes whenever the chunk or anything it loads changes.
// The npm packages esbuild bundled so far (for the third-party notices).
const bundledPackages = new Set(['katex']); // (KaTeX's CSS and fonts ship too, not only its code)

async function bundleJs(spec, opts, chunkDir = null) {
  const result = await build({ ...jsOptions(spec, opts), write: false, outdir: path.join(root, 'build/dist-tmp'), legalComments: 'eof', metafile: true });
  for (const input of Object.keys(result.metafile.inputs)) { const p = packageOf(input); if (p) bundledPackages.add(p); }
  if (!(spec.split && spec.format === 'esm')) return bundleText(result, '.js');
  if (!chunkDir) throw new Error(`${spec.entry} is split into chunks: bundleJs needs a folder for them.`);
  const outputs = result.metafile.outputs;
  const files = result.outputFiles.filter((x) => x.path.endsWith('.js')).map((f) => {
    const meta = outputs[path.relative(process.cwd(), f.path).split(path.sep).join('/')];
    if (!meta) throw new Error(`esbuild's metafile does not list ${f.path}`);
    // (A dynamic import()'s chunk is an entry point too, in esbuild's metafile: compare the path.)
    const isEntry = Boolean(meta.entryPoint) && path.resolve(meta.entryPoint) === path.join(root, spec.entry);
    return { name: path.basename(f.path), text: f.text, isEntry };
  });
  const rename = new Map(files.filter((f) => !f.isEntry).map((f) => [f.name, withHash(f.name.replace(/-[A-Z0-9]{8}\.js$/, ''), '.js', f.text)]));
  const relink = (text) => text.replace(/(["'])\.\/([\w.-]+\.js)\1/g, (all, q, name) => (rename.has(name) ? `${q}./${rename.get(name)}${q}` : all));
  let entry = null;
  for (const f of files) {
    if (f.isEntry) entry = relink(f.text);
    else writeFileSync(path.join(chunkDir, rename.get(f.name)), relink(f.text));
  }
  if (entry === null) throw new Error(`no entry output for ${spec.entry}`);
  return entry;
}

async function bundleCss(entry) {
  return bundleText(await build({ ...cssOptions(entry), write: false, outdir: path.join(root, 'build/dist-tmp') }), '.css');
}

// KaTeX's stylesheet with woff2-only @font-face sources, font URLs passed through `fontUrl`.
function katexCss(fontUrl) {
  const css = readFileSync(path.join(KATEX_DIST, 'katex.min.css'), 'utf8');
  return css.replace(/@font-face\s*\{[^}]*\}/g, woff2Only)
    .replace(/url\((["']?)(fonts\/[^)"']+\.woff2)\1\)/g, (all, q, file) => `url(${fontUrl(file)})`);
}

// Rewrites src/href attributes of a page from web/ names to dist/ names.
function rewriteHtml(html, map) {
  return html.replace(/\b(src|href|data-src)="([^"]*)"/g, (all, attr, url) => {
    const m = /^((?:\.\.\/)*)(build\/)?([^?#]+)(.*)$/.exec(url);
    if (!m) return all;
    return map[m[3]] ? `${attr}="${m[1]}${map[m[3]]}${m[4]}"` : all;
  });
}

// Text that is safe inside <script> / <style> element content.
const scriptSafe = (js) => js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
const styleSafe = (css) => css.replace(/<\/(style)/gi, '<\\/$1');

export async function buildDist({ outdir = DIST, quiet = false } = {}) {
  for (const k of KINDS) {
    if (!existsSync(path.join(root, `wasm/dist/attention-${k}.wasm`)) || !existsSync(path.join(root, `wasm/dist/attention-train-${k}.wasm`))) throw new Error('wasm/dist/ is missing: run npm run build (or the wasm build) first.');
  }
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(path.join(outdir, 'fonts'), { recursive: true });
  mkdirSync(path.join(outdir, 'examples'), { recursive: true });
  const names = {}; // web/build-relative name → dist name (what the pages are rewritten to)
  const emit = (key, base, ext, content, dir = '') => {
    const name = withHash(base, ext, content);
    writeFileSync(path.join(outdir, dir, name), content);
    names[key] = (dir ? `${dir}/` : '') + name;
    return names[key];
  };

  // 1. The engines.
  const wasm = {};
  for (const k of KINDS) {
    wasm[k] = readFileSync(path.join(root, `wasm/dist/attention-${k}.wasm`));
    emit(`dist/attention-${k}.wasm`, `attention-${k}`, '.wasm', wasm[k]);
    // the trainer module, fetched (by the training worker or the page) when a training step opens
    emit(`dist/attention-train-${k}.wasm`, `attention-train-${k}`, '.wasm', readFileSync(path.join(root, `wasm/dist/attention-train-${k}.wasm`)));
    // the language model's module (engine.loadLanguageModule), fetched by the step that shows it
    emit(`dist/attention-lm-${k}.wasm`, `attention-lm-${k}`, '.wasm', readFileSync(path.join(root, `wasm/dist/attention-lm-${k}.wasm`)));
  }
  // The trained weights of the sentence scenes' "learned" switch (trained-loader.js).
  cpSync(path.join(root, 'web/assets/trained'), path.join(outdir, 'trained'), { recursive: true });

  // 2. KaTeX: hashed woff2 fonts, its stylesheet, and its @font-face rules alone (for the document
  //    that holds <attention-lesson> shadow roots).
  const fonts = {};
  for (const f of readdirSync(path.join(KATEX_DIST, 'fonts')).filter((x) => x.endsWith('.woff2'))) {
    const buf = readFileSync(path.join(KATEX_DIST, 'fonts', f));
    fonts[`fonts/${f}`] = { buf, name: emit(`katex/fonts/${f}`, f.replace(/\.woff2$/, ''), '.woff2', buf, 'fonts') };
  }
  const hashedKatex = katexCss((file) => fonts[file].name);
  emit('katex/katex.min.css', 'katex', '.css', hashedKatex);
  emit('katex/katex-fonts.css', 'katex-fonts', '.css', katexFontFaces(hashedKatex));

  // 3. Stylesheets, then the scripts, told the hashed names of everything they load.
  const css = {};
  for (const [name, entry] of Object.entries(CSS_ENTRIES)) {
    css[name] = await bundleCss(entry);
    emit(`${name}.css`, name, '.css', css[name]);
  }
  const assets = {
    simd: names['dist/attention-simd.wasm'], scalar: names['dist/attention-scalar.wasm'],
    trainSimd: names['dist/attention-train-simd.wasm'], trainScalar: names['dist/attention-train-scalar.wasm'],
    lmSimd: names['dist/attention-lm-simd.wasm'], lmScalar: names['dist/attention-lm-scalar.wasm'],
    elementCss: names['attention-lesson.css'], katexCss: names['katex/katex.min.css'], katexFonts: names['katex/katex-fonts.css'],
  };
  // The language model's weights and manifest (fetched by steps 23 and 24 only), and its licence.
  mkdirSync(path.join(outdir, 'lm'), { recursive: true });
  for (const f of LM_FILES) {
    const ext = path.extname(f);
    emit(`lm/${f}`, path.basename(f, ext), ext, readFileSync(path.join(root, 'web/assets/lm', f)), 'lm');
  }
  assets.lmWeights = names['lm/model.bin'];
  assets.lmManifest = names['lm/manifest.json'];
  for (const [name, spec] of Object.entries(LAZY_JS_ENTRIES)) {
    assets[spec.asset] = emit(`${name}.js`, name, '.js', await bundleJs(spec, {}));
  }
  for (const [name, spec] of Object.entries(JS_ENTRIES)) {
    const js = await bundleJs(spec, { assets }, outdir);
    emit(`${name}.js`, name, '.js', js);
    // A stable address for the element script, for pages that include it from this host.
    if (name === 'attention-lesson') writeFileSync(path.join(outdir, 'attention-lesson.js'), js);
  }

  // 4. The pages.
  for (const page of ['index.html', 'embed.html']) {
    writeFileSync(path.join(outdir, page), rewriteHtml(readFileSync(path.join(WEB, page), 'utf8'), names));
  }
  const exampleNames = { ...names };
  for (const f of readdirSync(path.join(WEB, 'examples'))) {
    const ext = path.extname(f);
    if (ext === '.js' || ext === '.css') exampleNames[f] = emit(f, path.basename(f, ext), ext, readFileSync(path.join(WEB, 'examples', f)), 'examples').replace(/^examples\//, '');
  }
  for (const f of readdirSync(path.join(WEB, 'examples')).filter((x) => x.endsWith('.html'))) {
    writeFileSync(path.join(outdir, 'examples', f), rewriteHtml(readFileSync(path.join(WEB, 'examples', f), 'utf8'), exampleNames));
  }

  // 5. The single file.
  const single = await singleFile({ wasm, fonts, lessonCss: css.lesson });
  writeFileSync(path.join(outdir, 'attention-lesson.html'), single);
  // the licence notices of what others wrote (and WordNet's under a stable name, as the model's
  // manifest names it)
  writeFileSync(path.join(outdir, 'THIRD-PARTY-NOTICES.txt'), thirdPartyNotices(root, bundledPackages));
  cpSync(path.join(root, 'web/assets/lm/LICENSE-WordNet.txt'), path.join(outdir, 'lm/LICENSE-WordNet.txt'));

  // 6. Netlify / Cloudflare Pages headers for this very folder: docs/hosting/_headers (the
  // policy and types) plus one caching rule per file, listed by name, since their path patterns
  // cannot tell a hashed name from a stable one.
  writeFileSync(path.join(outdir, '_headers'), headersFile(readFileSync(path.join(root, 'docs/hosting/_headers'), 'utf8'), listFiles(outdir)));

  if (!quiet) report(outdir, names);
  return { outdir, names, assets };
}

// Every file below `dir`, as '/'-separated paths from it (the SCORM packages, folders and .zip
// files an earlier `npm run package:scorm` left there, are for an LMS: left out).
function listFiles(dir, rel = '') {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) return /^scorm/.test(e.name) ? [] : listFiles(dir, p);
    return e.name === '_headers' || e.name.endsWith('.zip') ? [] : [p];
  });
}

export const HASHED = /\.[0-9a-f]{10}\.\w+$/; // name.<10 hex digits>.ext: content never changes

/**
 * dist/_headers: the template's rules, then for every file one Cache-Control: a year, immutable,
 * for a hashed name; no-cache (always revalidate) for a stable one. Pages are also reachable as
 * their folder ('/' for index.html). The template itself sets no Cache-Control, so no file
 * matches two (Cloudflare joins the values of a header that several rules set).
 */
export function headersFile(template, files) {
  const rules = [];
  for (const f of [...files].sort()) {
    const value = HASHED.test(f) ? 'public, max-age=31536000, immutable' : 'no-cache';
    const paths = f === 'index.html' ? ['/', '/index.html'] : f.endsWith('/index.html') ? [`/${f.slice(0, -10)}`, `/${f}`] : [`/${f}`];
    for (const p of paths) rules.push(`${p}\n  Cache-Control: ${value}`);
  }
  return `${template.trimEnd()}\n\n# Caching, one rule per file (written by scripts/build-dist.mjs for this build).\n${rules.join('\n')}\n`;
}

/**
 * The whole lesson as one HTML file, from web/index.html: styles inlined (KaTeX fonts as woff2
 * data: URLs), the wasm as base64 set before the engine loads, the page script as a classic IIFE
 * (file:// pages cannot load module scripts or fetch .wasm). `entry` swaps the page script (the
 * SCORM package uses its own).
 */
export async function singleFile({ wasm, fonts, lessonCss, entry = 'web/src/main.js', title } = {}) {
  wasm ??= Object.fromEntries(KINDS.map((k) => [k, readFileSync(path.join(root, `wasm/dist/attention-${k}.wasm`))]));
  if (!fonts) {
    fonts = {};
    for (const f of readdirSync(path.join(KATEX_DIST, 'fonts')).filter((x) => x.endsWith('.woff2'))) fonts[`fonts/${f}`] = { buf: readFileSync(path.join(KATEX_DIST, 'fonts', f)) };
  }
  lessonCss ??= await bundleCss(CSS_ENTRIES.lesson);
  const inlineKatex = katexCss((file) => `data:font/woff2;base64,${fonts[file].buf.toString('base64')}`);
  const js = await bundleJs({ entry, format: 'iife' }, { inlineEditor: true });
  // The training and language model modules too (wasm/training.js reads 'train-simd' /
  // 'train-scalar', wasm/language-model.js 'lm-simd' / 'lm-scalar'): a file:// page can fetch
  // neither, and the training step trains on the main thread from these bytes.
  const train = Object.fromEntries(['train', 'lm'].flatMap((m) => KINDS.map((k) => [`${m}-${k}`, readFileSync(path.join(root, `wasm/dist/attention-${m}-${k}.wasm`)).toString('base64')])));
  // And the language model (web/src/steps/language-model-loader.js reads ATTENTION_LESSON_LM).
  const lm = { model: readFileSync(path.join(root, 'web/assets/lm/model.bin')).toString('base64'), manifest: JSON.parse(readFileSync(path.join(root, 'web/assets/lm/manifest.json'), 'utf8')) };
  // and the trained weights of the sentence scenes' "learned" switch (web/src/steps/trained-loader.js)
  const trainedDir = path.join(root, 'web/assets/trained');
  const trained = Object.fromEntries(readdirSync(trainedDir).map((f) => [f, readFileSync(path.join(trainedDir, f)).toString('base64')]));
  const wasmJs = `globalThis.ATTENTION_LESSON_WASM=${JSON.stringify({ ...Object.fromEntries(KINDS.map((k) => [k, wasm[k].toString('base64')])), ...train })};`
    + `globalThis.ATTENTION_LESSON_LM=${JSON.stringify(lm)};globalThis.ATTENTION_LESSON_TRAINED=${JSON.stringify(trained)};`;
  let html = readFileSync(path.join(WEB, 'index.html'), 'utf8')
    .replace(/^\s*<link rel="stylesheet"[^>]*>\s*\n/gm, '')
    .replace(/^\s*<script\b[^>]*><\/script>\s*\n/gm, '');
  if (title) html = html.replace(/<title>[^<]*<\/title>/, () => `<title>${title}</title>`);
  const styles = `  <style>${styleSafe(inlineKatex)}</style>\n  <style>${styleSafe(lessonCss)}</style>\n`;
  // The exercise's worker too (code/exercise-runner.js starts it from a blob: URL): with no worker
  // file beside the page, typed code still runs in its own thread, from disk or inside an LMS.
  const exerciseWorker = await bundleJs(LAZY_JS_ENTRIES['exercise-worker'], {});
  const workersJs = `globalThis.ATTENTION_LESSON_WORKERS=${JSON.stringify({ exercise: exerciseWorker })};`;
  const scripts = `<script>${scriptSafe(wasmJs)}</script>\n<script>${scriptSafe(workersJs)}</script>\n<script>${scriptSafe(js)}</script>\n`;
  // (replacement functions: the inlined code contains `$` patterns)
  html = html.replace('</head>', () => `${styles}</head>`).replace('</body>', () => `${scripts}</body>`);
  if (!html.includes(scriptSafe(wasmJs))) throw new Error('web/index.html has no </body>: cannot build the single file.');
  // The file travels alone (e-mail, a USB stick, an LMS), so the notices travel inside it.
  const notices = thirdPartyNotices(root, bundledPackages).replace(/--/g, '- -');
  return html.replace(/<html[^>]*>/, (tag) => `${tag}\n<!--\n${notices}-->`);
}

function report(outdir, names) {
  const rows = [];
  const walk = (dir) => {
    for (const f of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, f.name);
      if (f.isDirectory()) { if (f.name !== 'fonts') walk(p); continue; }
      const buf = readFileSync(p);
      rows.push([path.relative(outdir, p), buf.length, gzipSync(buf, { level: 9 }).length]);
    }
  };
  walk(outdir);
  const fontBytes = readdirSync(path.join(outdir, 'fonts')).reduce((s, f) => s + readFileSync(path.join(outdir, 'fonts', f)).length, 0);
  rows.push([`fonts/ (${readdirSync(path.join(outdir, 'fonts')).length} KaTeX woff2)`, fontBytes, fontBytes]);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
  console.log('dist: built into dist/');
  for (const [name, size, gz] of rows.sort((a, b) => a[0].localeCompare(b[0]))) console.log(`  ${name.padEnd(44)}${kb(size)}${kb(gz)} gzip`);
  return names;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildDist();
}
