// The exercise's fill-in version as data: its four questions with their choices (the first choice
// of each is the right one) and the program a set of choices makes. Small on purpose: the step's
// inputs and model read it in the first view, while the grader, runner and editor load only when
// the exercise step opens (exercise-view.js). Data and pure functions; no DOM.

/** The fill-in's questions and their choices (the first choice of each is the right one). */
export const FILL_IN = Object.freeze([
  { id: 'scale', question: 'Before the softmax, the scores are…', choices: [
    { id: 'sqrt', label: 'divided by √d_k', code: 'scores[i][j] / Math.sqrt(dk)' },
    { id: 'none', label: 'left as they are', code: 'scores[i][j]' }] },
  { id: 'maskShape', question: 'With causal = true, query i may not see key j when…', choices: [
    { id: 'future', label: 'j > i (a later token)', code: 'j > i' },
    { id: 'past', label: 'j < i (an earlier token)', code: 'j < i' },
    { id: 'first', label: 'j > 0 (anything but the first token)', code: 'j > 0' }] },
  { id: 'maskPlace', question: 'The mask is applied…', choices: [
    { id: 'before', label: 'before the softmax: hidden scores become −∞', code: 'before' },
    { id: 'after', label: 'after the softmax: hidden weights become 0', code: 'after' }] },
  { id: 'axis', question: 'The softmax normalises…', choices: [
    { id: 'keys', label: 'each row: query i shares one unit among the keys', code: 'row' },
    { id: 'queries', label: 'each column: key j shares one unit among the queries', code: 'column' }] },
]);

// Nothing is chosen at first: the learner answers every question.
export const FILL_IN_DEFAULTS = Object.freeze({ scale: '', maskShape: '', maskPlace: '', axis: '' });

// The chosen option's code, or a placeholder while the question is open.
const pick = (id, choice) => FILL_IN.find((q) => q.id === id).choices.find((c) => c.id === choice?.[id]) ?? { code: '/* ? */' };

/** The JS program the fill-in's choices describe (shown, never run). */
export function fillInProgram(choice) {
  const scaled = pick('scale', choice).code;
  const hidden = pick('maskShape', choice).code;
  const after = choice?.maskPlace === 'after';
  const rows = choice?.axis !== 'queries';
  const lines = [
    'function attention(x, wq, wk, wv, causal) {',
    '  const q = multiply(x, wq), k = multiply(x, wk), v = multiply(x, wv);',
    '  const n = x.length, dk = q[0].length;',
    '  const scores = q.map((qi) => k.map((kj) => dot(qi, kj)));          // 1. scores',
    `  const hidden = (i, j) => causal && ${hidden};${' '.repeat(Math.max(1, 28 - hidden.length))}// 3. mask shape`,
    '  const s = scores.map((row, i) => row.map((_, j) =>',
    after ? `    ${scaled}));                           // 2. scale`
      : `    hidden(i, j) ? -Infinity : ${scaled}));  // 2. scale, 3. mask before`,
    rows ? '  let weights = s.map(softmax);                                      // 4. softmax per row'
      : '  let weights = transpose(transpose(s).map(softmax));                // 4. softmax per column',
  ];
  if (after) lines.push('  weights = weights.map((row, i) => row.map((w, j) => hidden(i, j) ? 0 : w)); // 3. mask after');
  lines.push('  return { output: multiply(weights, v), weights };                  // 5. weighted sum', '}');
  return lines.join('\n');
}
