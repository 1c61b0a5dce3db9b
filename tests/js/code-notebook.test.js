// Downloaded notebooks, checked the way a learner would use them: each is validated against the
// official nbformat 4 schema and run top to bottom by Debian's python3 (scripts/check-notebook.py,
// with python3-numpy and python3-nbformat from scripts/setup.sh). The plain-Python and NumPy cells
// must reproduce the engine's numbers to 1e-5; the PyTorch cells run where python3-torch is
// installed and are reported as skipped where it is not. A notebook with a wrong expected number,
// and one that breaks the schema, must be caught.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from 'attention-lesson';
import { problemFrom, notebookFor } from '../../web/src/code/index.js';
import { codeCases } from './code-cases.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PYTHON = '/usr/bin/python3'; // Debian's, where apt put numpy and nbformat (not a pyenv shim)
const CHECKER = path.join(ROOT, 'scripts/check-notebook.py');
const TOLERANCE = 1e-5;

const engine = await createEngine();
const dir = mkdtempSync(path.join(tmpdir(), 'lesson-notebooks-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

function check(files) {
  const r = spawnSync(PYTHON, [CHECKER, ...files], { encoding: 'utf8', timeout: 120000 });
  assert.equal(r.error, undefined, `could not run ${PYTHON}: ${r.error}`);
  assert.equal(r.stderr.trim(), '', r.stderr);
  return { code: r.status, reports: r.stdout.trim().split('\n').map((l) => JSON.parse(l)) };
}

test('python3 has numpy and nbformat (scripts/setup.sh installs python3-numpy and python3-nbformat)', () => {
  const out = execFileSync(PYTHON, ['-c', 'import numpy, nbformat; print(numpy.__version__, nbformat.__version__)'], { encoding: 'utf8' });
  assert.match(out, /^\d+\.\d+/);
});

const cases = codeCases();
const files = cases.map((c, i) => {
  const p = problemFrom(c.options, engine.attention(c.options), { title: c.name, tokens: c.tokens });
  const file = path.join(dir, `case-${i}.ipynb`);
  writeFileSync(file, JSON.stringify(notebookFor(p), null, 1));
  return file;
});
let results = null;
const run = () => (results ??= check(files));

for (const [i, c] of cases.entries()) {
  test(`notebook is valid nbformat 4 and reproduces the engine: ${c.name}`, (t) => {
    const r = run().reports[i];
    assert.equal(r.valid, true, r.schema_error);
    assert.equal(r.nbformat, '4.5');
    for (const cell of r.cells) assert.equal(cell.ok, true, `${cell.role}: ${cell.error}\n${cell.stdout}`);
    assert.ok(r.differences.plain_python <= TOLERANCE, `plain Python differs by ${r.differences.plain_python}`);
    assert.ok(r.differences.numpy <= TOLERANCE, `NumPy differs by ${r.differences.numpy}`);
    if (r.torch) {
      assert.ok(r.differences.pytorch <= TOLERANCE, `PyTorch differs by ${r.differences.pytorch}`);
      t.diagnostic(`PyTorch ${r.torch_version}: differs by ${r.differences.pytorch.toExponential(2)}`);
    } else {
      assert.equal(r.differences.pytorch, undefined);
      assert.match(r.cells.find((cell) => cell.role === 'torch').stdout, /PyTorch is not installed here/);
    }
  });
}

test('PyTorch cells', (t) => {
  const torch = run().reports.every((r) => r.torch);
  if (!torch) t.skip('python3-torch is not installed here: the PyTorch cells skipped themselves (every other cell ran)');
});

test('a notebook whose expected numbers are wrong fails its checks', () => {
  const c = cases[1];
  const r = engine.attention(c.options);
  r.output[5] += 1e-3; // one output number off by 0.001
  const file = path.join(dir, 'tampered.ipynb');
  writeFileSync(file, JSON.stringify(notebookFor(problemFrom(c.options, r, { title: 'tampered' }))));
  const { code, reports: [report] } = check([file]);
  assert.equal(code, 1);
  assert.equal(report.valid, true);
  const failed = report.cells.filter((cell) => !cell.ok).map((cell) => cell.role);
  assert.ok(failed.includes('python-check') && failed.includes('numpy-check'), failed.join(', '));
  assert.ok(report.differences.numpy > 5e-4 && report.differences.numpy < 2e-3);
});

test('a notebook that breaks the nbformat schema is rejected', () => {
  const c = cases[0];
  const nb = notebookFor(problemFrom(c.options, engine.attention(c.options), { title: 'broken' }));
  delete nb.cells[1].outputs; // code cells must have outputs
  const file = path.join(dir, 'broken.ipynb');
  writeFileSync(file, JSON.stringify(nb));
  const { code, reports: [report] } = check([file]);
  assert.equal(code, 1);
  assert.equal(report.valid, false);
  assert.match(report.schema_error, /cells\[1\]/);
});
