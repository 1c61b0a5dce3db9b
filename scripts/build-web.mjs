// Bundles the page: web/src/main.js → web/build/lesson.js (ES module) and web/src/styles.css →
// web/build/lesson.css with esbuild; typesets the lesson's formulas with KaTeX at build time (the
// page ships HTML, not KaTeX's JS); copies KaTeX's CSS and fonts and the two wasm engines.
import { build } from 'esbuild';
import katex from 'katex';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'web/build');

// `import FORMULAS from 'virtual:formulas'` gives { name: katexHtml } for web/src/content/formulas.js.
const formulasPlugin = {
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

export async function buildWeb({ outdir = out, minify = true } = {}) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: { lesson: path.join(root, 'web/src/main.js') },
    bundle: true, format: 'esm', target: 'es2020', minify, sourcemap: true,
    outdir, plugins: [formulasPlugin], external: ['node:fs/promises'], logLevel: 'warning',
    legalComments: 'linked',
  });
  await build({
    entryPoints: { lesson: path.join(root, 'web/src/styles.css') },
    bundle: true, minify, outdir, logLevel: 'warning',
  });
  // KaTeX: its stylesheet and the woff2 fonts only (every browser we support reads woff2).
  const katexDist = path.join(root, 'node_modules/katex/dist');
  mkdirSync(path.join(outdir, 'katex/fonts'), { recursive: true });
  cpSync(path.join(katexDist, 'katex.min.css'), path.join(outdir, 'katex/katex.min.css'));
  for (const f of readdirSync(path.join(katexDist, 'fonts'))) {
    if (f.endsWith('.woff2')) cpSync(path.join(katexDist, 'fonts', f), path.join(outdir, 'katex/fonts', f));
  }
  mkdirSync(path.join(outdir, 'dist'), { recursive: true });
  for (const f of ['attention-simd.wasm', 'attention-scalar.wasm']) {
    cpSync(path.join(root, 'wasm/dist', f), path.join(outdir, 'dist', f));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildWeb();
  console.log('web: bundled into web/build/');
}
