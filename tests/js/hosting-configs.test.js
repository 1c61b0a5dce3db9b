// The server configurations in docs/hosting/ say what the lesson needs: each carries the exact
// Content-Security-Policy the tests serve the lesson with, the .wasm and .woff2 types, and its
// "content-hashed" rule matches every hashed file of dist/ and none of the stable names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { STRICT_CSP } from '../../scripts/serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (f) => readFileSync(path.join(root, 'docs/hosting', f), 'utf8');

test('every configuration sends exactly the tested policy, and no other', () => {
  for (const f of ['_headers', 'apache.htaccess', 'nginx.conf']) {
    const text = read(f);
    const policies = [...text.matchAll(/Content-Security-Policy:?\s+"?([^"\n]+)"?/g)].map((m) => m[1].trim());
    assert.ok(policies.length >= 1, f);
    for (const p of policies) assert.equal(p, STRICT_CSP, `${f}: ${p}`);
  }
});

test('every configuration names the wasm and woff2 types', () => {
  assert.match(read('_headers'), /\/\*\.wasm\n\s+Content-Type: application\/wasm/);
  assert.match(read('apache.htaccess'), /AddType application\/wasm \.wasm/);
  assert.match(read('apache.htaccess'), /AddType font\/woff2 \.woff2/);
  assert.match(read('nginx.conf'), /application\/wasm wasm;/);
  assert.match(read('nginx.conf'), /font\/woff2 woff2;/);
});

test('the long-cache rule matches the hashed files of dist/ and none of the stable names', { skip: !existsSync(path.join(root, 'dist/index.html')) && 'dist/ not built' }, () => {
  const rule = new RegExp(/FilesMatch "([^"]+)"/.exec(read('apache.htaccess'))[1]);
  assert.equal(/location ~ "([^"]+)"/.exec(read('nginx.conf'))[1], rule.source, 'nginx and Apache use the same rule');
  const files = [];
  const walk = (d, rel = '') => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) { if (!/^scorm/.test(e.name)) walk(path.join(d, e.name), `${rel}${e.name}/`); } else files.push(`${rel}${e.name}`);
    }
  };
  walk(path.join(root, 'dist'));
  const hashed = files.filter((f) => /\.[0-9a-f]{10}\.\w+$/.test(f));
  assert.ok(hashed.length >= 10);
  for (const f of hashed) assert.match(f, rule);
  for (const f of ['index.html', 'embed.html', 'attention-lesson.js', 'attention-lesson.html', 'examples/course.html', 'examples/course.js']) {
    if (files.includes(f)) assert.doesNotMatch(f, rule, f);
  }
});

// dist/_headers (Netlify, Cloudflare Pages): every file gets exactly one Cache-Control, a year and
// immutable for a hashed name, no-cache for a stable one. Path patterns there cannot tell the two
// apart (the hand-written patterns missed 34 hashed files, which fell under no-cache), so the
// build lists every file. A rule's path: '*' matches any characters.
test('dist/_headers gives every file of the build exactly one, right, Cache-Control', { skip: !existsSync(path.join(root, 'dist/_headers')) && 'dist/ not built' }, () => {
  const text = readFileSync(path.join(root, 'dist/_headers'), 'utf8');
  const rules = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('/')) rules.push({ re: new RegExp(`^${line.trim().split('*').map((x) => x.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`), headers: [] });
    else if (/^\s+\S/.test(line) && rules.length) rules.at(-1).headers.push(line.trim());
  }
  const files = [];
  const walk = (d, rel = '') => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      // (the SCORM packages, folders and .zip files, are written into dist/ by `npm run
      // package:scorm` and the SCORM tests, after the build: they are for an LMS, not the site)
      if (e.isDirectory()) { if (!/^scorm/.test(e.name)) walk(path.join(d, e.name), `${rel}${e.name}/`); } else if (e.name !== '_headers' && !e.name.endsWith('.zip')) files.push(`${rel}${e.name}`);
    }
  };
  walk(path.join(root, 'dist'));
  assert.ok(files.length > 40);
  for (const f of files) {
    const cache = rules.filter((r) => r.re.test(`/${f}`)).flatMap((r) => r.headers.filter((h) => h.startsWith('Cache-Control:')));
    const want = /\.[0-9a-f]{10}\.\w+$/.test(f) ? 'Cache-Control: public, max-age=31536000, immutable' : 'Cache-Control: no-cache';
    assert.deepEqual(cache, [want], f);
    assert.equal(rules.filter((r) => r.re.test(`/${f}`) && r.headers.some((h) => h.startsWith('Content-Security-Policy'))).length, 1, `${f}: the policy once`);
  }
  assert.ok(rules.some((r) => r.re.test('/') && r.headers.includes('Cache-Control: no-cache')), 'the site root (index.html) revalidates');
});

// What others wrote travels with the lesson: every npm package bundled into dist/'s scripts (read
// from the bundles' own inputs), Eigen, xsimd and WordNet, in dist/THIRD-PARTY-NOTICES.txt and
// inside the single file, which is meant to travel alone; WordNet's notice also under the stable
// name the model's manifest gives.
test('dist ships the third-party notices, and the single file carries them', { skip: !existsSync(path.join(root, 'dist/THIRD-PARTY-NOTICES.txt')) && 'dist/ not built' }, () => {
  const notices = readFileSync(path.join(root, 'dist/THIRD-PARTY-NOTICES.txt'), 'utf8');
  for (const name of ['katex', '@codemirror/view', 'd3-scale-chromatic', 'Eigen', 'xsimd', 'WordNet 3.0']) assert.match(notices, new RegExp(`==== ${name.replace(/[.+/]/g, '\\$&')}\\b`), name);
  assert.match(notices, /Princeton University/);
  const single = readFileSync(path.join(root, 'dist/attention-lesson.html'), 'utf8');
  assert.ok(single.includes('Princeton University') && single.includes('==== katex '), 'the single file carries the notices');
  const manifest = JSON.parse(readFileSync(path.join(root, 'web/assets/lm/manifest.json'), 'utf8'));
  const named = /(LICENSE-[\w.-]+\.txt)/.exec(JSON.stringify(manifest))[1];
  assert.ok(existsSync(path.join(root, 'dist/lm', named)), `dist/lm/${named}, as the manifest names it`);
});
