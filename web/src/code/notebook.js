// Builds a Jupyter notebook (nbformat 4.5 JSON) for a problem from problem.js: a title, the
// page's inputs, the engine's numbers, then plain Python, NumPy and PyTorch, each followed by an
// assertion cell that checks it against the page. Every cell carries
// metadata.attention_lesson.role so scripts/check-notebook.py can tell the cells apart.

import { inputLines, expectedLines } from './shared-cells.js';
import { pythonImplementation, pythonCheck } from './python-source.js';
import { numpyImplementation, numpyCheck } from './numpy-source.js';
import { torchImplementation, torchCheck } from './torch-source.js';
import { maskSentence } from './problem.js';

// nbformat stores a cell's source as a list of lines, each but the last ending in "\n".
function sourceOf(text) {
  const lines = text.replace(/\n+$/, '').split('\n');
  return lines.map((l, i) => (i < lines.length - 1 ? `${l}\n` : l));
}

function markdown(id, role, text) {
  return { cell_type: 'markdown', id, metadata: { attention_lesson: { role } }, source: sourceOf(text) };
}

function code(id, role, builder) {
  return {
    cell_type: 'code', id, execution_count: null, outputs: [],
    metadata: { attention_lesson: { role } },
    source: sourceOf(builder.build().text),
  };
}

function describe(p) {
  const bugs = [];
  if (!p.scale) bugs.push('the scores are **not** divided by √d_k');
  if (p.mistake === 'softmax-over-queries') bugs.push('the softmax runs over the **queries** (down each column) instead of the keys');
  if (p.mistake === 'mask-after-softmax') bugs.push('the mask is applied **after** the softmax');
  const shape = `${p.n} tokens, d_model = ${p.dModel}, ${p.heads} head${p.heads > 1 ? 's' : ''} of d_k = ${p.dK}, d_v = ${p.dV}${p.wo ? ', with W_O' : ''}`;
  return [
    `# ${p.title}`,
    '',
    `Exported from the self-attention lesson. The inputs below are the page's at the moment you downloaded: ${shape}; ${maskSentence(p)}.`,
    '',
    bugs.length
      ? `This is the mistake lab, so the code makes the same mistake the page showed: ${bugs.join(', and ')}. The marked line says where.`
      : 'Each implementation marks the line of every stage: (1) scores, (2) scale, (3) mask, (4) softmax, (5) weighted sum.',
    '',
    `Run the cells from the top. Each implementation is followed by a check that it matches the page's numbers (the page computes in float32, so the tolerance is 1e-5). The PyTorch cells skip themselves when PyTorch is not installed.`,
  ].join('\n');
}

/** The notebook as a plain object (JSON.stringify it to save). */
export function notebookFor(p) {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' },
      language_info: { name: 'python' },
      attention_lesson: { title: p.title, n: p.n, d_model: p.dModel, heads: p.heads },
    },
    cells: [
      markdown('intro', 'intro', describe(p)),
      code('inputs', 'inputs', inputLines(p)),
      code('expected', 'expected', expectedLines(p)),
      markdown('python-title', 'title', '## 1. Plain Python\n\nLists of rows and loops: slow, but every index is visible.'),
      code('python', 'python', pythonImplementation(p)),
      code('python-check', 'python-check', pythonCheck(p)),
      markdown('numpy-title', 'title', '## 2. NumPy\n\nThe same stages on whole arrays, every head at once.'),
      code('numpy', 'numpy', numpyImplementation(p)),
      code('numpy-check', 'numpy-check', numpyCheck(p)),
      markdown('torch-title', 'title', '## 3. PyTorch\n\nThe stages by hand on tensors, then `torch.nn.functional.scaled_dot_product_attention` on the same tensors.'),
      code('torch', 'torch', torchImplementation(p)),
      code('torch-check', 'torch-check', torchCheck(p)),
    ],
  };
}

/** The notebook as the text of an .ipynb file. */
export function notebookText(p) {
  return `${JSON.stringify(notebookFor(p), null, 1)}\n`;
}

/** A file name for the download, from the title: "attention-worked-example.ipynb". */
export function notebookFileName(p) {
  const slug = p.title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48);
  return `attention-${slug || 'lesson'}.ipynb`;
}
