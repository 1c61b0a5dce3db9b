// The code generators (web/src/code/): number literals that read back as the engine's float32,
// one marked line per stage in every language (in the order the program computes them), bugs
// written in only when the scene switched them on, and clear errors for inputs that do not fit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from 'attention-lesson';
import { float32Literal, stringLiteral } from '../../web/src/code/py-literal.js';
import { problemFrom, programsFor, STAGE_IDS, LANGUAGES, notebookFor, notebookFileName } from '../../web/src/code/index.js';
import { stageMarker } from '../../web/src/code/stages.js';
import { codeCases } from './code-cases.js';

const engine = await createEngine();

test('float literals read back as the same float32', () => {
  assert.equal(float32Literal(1), '1.0');
  assert.equal(float32Literal(-2), '-2.0');
  assert.equal(float32Literal(-0), '-0.0');
  assert.equal(float32Literal(0.5), '0.5');
  assert.equal(float32Literal(Math.fround(0.1)), '0.1');
  assert.equal(float32Literal(-Infinity), "-float('inf')");
  let seed = 7;
  for (let i = 0; i < 2000; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const v = Math.fround(((seed / 2 ** 32) - 0.5) * 10 ** ((i % 13) - 6));
    const lit = float32Literal(v);
    assert.match(lit, /^-?\d+(\.\d+)?(e-?\d+)?$/, lit);
    assert.equal(Math.fround(Number(lit)), v, `${v} written as ${lit}`);
  }
});

test('token labels are safe Python strings', () => {
  assert.equal(stringLiteral("it's"), "'it\\'s'");
  assert.equal(stringLiteral('a\\b'), "'a\\\\b'");
  assert.equal(stringLiteral('line\nbreak'), "'line\\nbreak'");
});

for (const c of codeCases()) {
  test(`every language marks each stage once, in computing order: ${c.name}`, () => {
    const p = problemFrom(c.options, engine.attention(c.options), { title: c.name, tokens: c.tokens });
    const programs = programsFor(p);
    for (const { id } of LANGUAGES) {
      const prog = programs[id];
      const order = [];
      for (const stage of STAGE_IDS) {
        assert.equal(prog.stageLines[stage]?.length, 1, `${id}: one line for ${stage}`);
        const line = prog.lines[prog.stageLines[stage][0]].text;
        assert.ok(line.includes(`# ${stageMarker(stage)}`), `${id} ${stage}: ${line}`);
        assert.equal(prog.text.split('\n')[prog.stageLines[stage][0]], line);
        order.push(prog.stageLines[stage][0]);
      }
      const expected = c.options.mistake === 'mask-after-softmax'
        ? ['scores', 'scale', 'softmax', 'mask', 'weighted'] : STAGE_IDS;
      assert.deepEqual(STAGE_IDS.slice().sort((a, b) => order[STAGE_IDS.indexOf(a)] - order[STAGE_IDS.indexOf(b)]), expected, id);
      const bugs = (prog.text.match(/BUG on purpose/g) ?? []).length;
      const wanted = (c.options.scale === false ? 1 : 0) + (c.options.mistake ? 1 : 0);
      assert.equal(bugs, wanted, `${id}: flagged bug lines`);
    }
    // The library call appears in the PyTorch program, with the scene's mask.
    const sdpa = programs.torch.text.match(/F\.scaled_dot_product_attention\(Q, K, V, ([^)]*)\)/);
    assert.ok(sdpa, 'PyTorch calls scaled_dot_product_attention');
    const mask = c.options.mask ?? 'none';
    assert.equal(sdpa[1], mask === 'causal' ? 'is_causal=True' : mask === 'none' ? 'attn_mask=None' : 'attn_mask=~hidden');
  });
}

test('the expected numbers in the programs are the engine\'s', () => {
  const c = codeCases()[3];
  const r = engine.attention(c.options);
  const p = problemFrom(c.options, r, { title: 'multi' });
  const text = programsFor(p).numpy.text;
  const block = text.slice(text.indexOf('expected_output = ['));
  const firstRow = block.split('\n')[1].trim().replace(/^\[|\],$/g, '').split(', ').map(Number);
  assert.equal(firstRow.length, 16);
  firstRow.forEach((v, j) => assert.equal(Math.fround(v), r.output[j]));
});

test('problemFrom names what does not fit', () => {
  const c = codeCases()[0];
  const r = engine.attention(c.options);
  assert.throws(() => problemFrom({ ...c.options, x: [1, 2, 3] }, r), /x has 3 numbers; 6 were expected/);
  assert.throws(() => problemFrom({ ...c.options, mask: 'diagonal' }, r), /Unknown mask/);
  assert.throws(() => problemFrom({ ...c.options, heads: 2, dK: 1 }, r), /heads|numbers/);
});

test('notebook shape: nbformat 4.5, unique cell ids, line-split sources, a file name from the title', () => {
  const c = codeCases()[1];
  const p = problemFrom(c.options, engine.attention(c.options), { title: 'The causal mask', tokens: c.tokens });
  const nb = notebookFor(p);
  assert.equal(nb.nbformat, 4);
  assert.equal(nb.nbformat_minor, 5);
  const ids = nb.cells.map((cell) => cell.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const cell of nb.cells) {
    assert.ok(Array.isArray(cell.source));
    cell.source.slice(0, -1).forEach((line) => assert.ok(line.endsWith('\n')));
    assert.ok(!cell.source.at(-1).endsWith('\n'));
  }
  assert.deepEqual(nb.cells.filter((cell) => cell.cell_type === 'code').map((cell) => cell.metadata.attention_lesson.role),
    ['inputs', 'expected', 'python', 'python-check', 'numpy', 'numpy-check', 'torch', 'torch-check']);
  assert.equal(notebookFileName(p), 'attention-the-causal-mask.ipynb');
});
