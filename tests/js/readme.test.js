// Runs the README's JS example (the first ```js block) and checks the values its comments
// promise, so the documentation cannot drift from the engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

test('the README example runs and prints what its comments say', async () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const code = /```js\n([\s\S]*?)```/.exec(readme)[1];
  const printed = [];
  // Run the block as a module inside the repo (so 'attention-lesson' resolves), capturing console.log.
  const file = path.join(mkdtempSync(path.join(root, 'build', 'readme-')), 'example.mjs');
  writeFileSync(file, `const console = { log: (...a) => globalThis.__readmeLog.push(a) };\n${code}`);
  globalThis.__readmeLog = printed;
  await import(pathToFileURL(file).href);
  const promised = [...code.matchAll(/console\.log\(.*\);\s*\/\/ (.*)$/gm)].map((m) => m[1].trim());
  assert.equal(printed.length, promised.length);
  printed.forEach((args, i) => assert.equal(JSON.stringify(args[0]).replace(/"/g, "'").replace(/,/g, ', '), promised[i]));
});

// docs/EMBEDDING.md lists the step ids a course author can put in `steps`: the registry's, all of
// them, in lesson order (it once listed 16 of 24), and its default says how many there are.
test('the embedding guide lists every step id of the registry, in order', async () => {
  const { SCENES } = await import('../../web/src/steps/index.js');
  const guide = readFileSync(path.join(root, 'docs/EMBEDDING.md'), 'utf8');
  const listed = /Step ids: `([^`]+)`/.exec(guide)[1].split(/\s+/);
  assert.deepEqual(listed, SCENES.map((s) => s.id));
  assert.match(guide, new RegExp(`\\| all ${SCENES.length} steps \\|`));
});

// The element's StepId type names every step of the registry, in order (it once stopped at 16).
test('element.d.ts StepId lists every step id of the registry', async () => {
  const { SCENES } = await import('../../web/src/steps/index.js');
  const dts = readFileSync(path.join(root, 'web/src/embed/element.d.ts'), 'utf8');
  const union = /export type StepId =([^;]+);/.exec(dts)[1];
  assert.deepEqual([...union.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]), SCENES.map((s) => s.id));
});
