// The exercise's words and code texts: the task, the starter code the editor opens with, and the
// sentences for each runner outcome (time limit, no worker, strict CSP). Data and pure functions; no DOM.
import { TIME_LIMIT_MS } from './exercise-runner.js';
import { TRIAL_SHAPES } from './exercise-trials.js';

export const TASK = [
  'Write single-head self-attention yourself, in JavaScript: attention(x, wq, wk, wv, causal).',
  'x is n rows of d numbers (one per token); wq, wk and wv are d × d. Matrices are arrays of rows. When causal is true, query i may only use keys 0 … i.',
  'Return { output, weights }: output is n × d, weights is the n × n matrix after the softmax. Returning only the output works too, with fewer hints.',
  `Run checks your function on ${TRIAL_SHAPES.length} random inputs (n from ${Math.min(...TRIAL_SHAPES.map((s) => s.n))} to ${Math.max(...TRIAL_SHAPES.map((s) => s.n))}, causal on and off) against the lesson's engine. If it does not match, the grader says which classic bug it matches.`,
];

export const EDITOR_HELP = 'In the editor, Tab moves on to the next control; indent with Ctrl+] and outdent with Ctrl+[. Ctrl+Enter runs.';

export const STARTER = `// Self-attention for one head. Matrices are arrays of rows.
function multiply(a, b) {
  // (n × m) times (m × p)
  return a.map((row) => b[0].map((_, j) => row.reduce((sum, v, t) => sum + v * b[t][j], 0)));
}

function attention(x, wq, wk, wv, causal) {
  const q = multiply(x, wq), k = multiply(x, wk), v = multiply(x, wv);
  const n = x.length, dk = q[0].length;

  // 1. scores: scores[i][j] = q[i] · k[j]
  const scores = []; // TODO

  // 2. scale, 3. mask (when causal), 4. softmax
  const weights = []; // TODO

  // 5. weighted sum of the values
  const output = multiply(weights, v);
  return { output, weights };
}
`;

export const OUTCOME = {
  timeout: (ms = TIME_LIMIT_MS) => `Stopped after ${ms / 1000} seconds: your function was still running. Look for a loop whose condition never becomes false (a for loop counting the wrong way, or a while without a step).`,
  noCompile: 'This page\'s security policy (its Content-Security-Policy has no \'unsafe-eval\') does not allow running code typed into the page, so the exercise is a fill-in here: choose each part of the program below and check it against the engine.',
  unavailable: (why) => `${why} So the exercise is a fill-in here: choose each part of the program below and check it against the engine.`,
  running: 'Running your function on the random inputs…',
  loadingEditor: 'Loading the code editor…',
};
