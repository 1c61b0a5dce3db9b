// Step 17's model: pure. model(values) turns the checked inputs into the trainer's settings and the
// step's fixed sentences; describeSnapshot(snapshot) turns one training-session snapshot (see
// web/src/training/training-session.js) into every number and sentence the view draws: the
// counter, the curve point, the heatmaps of every layer × head, the prediction line and the
// "it" row's peak. No DOM, no state; tests call it with a real trainer's output.
import { formatCount, formatNumber, formatPercent } from '../../lib/format.js';
import { rowArgmax, rowSums } from '../../lib/matrix.js';
import { TASK, LAYERS, HEADS, D_MODEL, BATCH_SIZE, SHIPPED_SEED } from './inputs.js';

export const TARGET_ACCURACY = 0.95;

const stepCount = (n) => `${formatCount(n)} ${n === 1 ? 'step' : 'steps'}`;

/** The settings for engine.createTrainer and the step's fixed sentences. */
export function model(values) {
  const settings = { task: TASK, layers: LAYERS, heads: HEADS, dModel: D_MODEL, seed: values.seed, learningRate: Number(values.learningRate), batchSize: BATCH_SIZE };
  return {
    settings,
    stepsPerUpdate: Number(values.speed),
    probe: values.probe.trim().replace(/\s+/g, ' '),
    seedNote: values.seed === SHIPPED_SEED
      ? `Seed ${SHIPPED_SEED} is the one we checked: its layer 2 "it" row ends up on the noun the adjective describes. Seeds differ: with another seed the model may reach the same accuracy by another route, and its heatmaps then look different.`
      : `Seed ${values.seed} is not the one we checked (${SHIPPED_SEED}). Seeds differ: this one may solve the task another way, so layer 2's "it" row need not point to the noun.`,
  };
}

/** Where the trainer runs, in words. */
export function modeLine(mode) {
  return mode === 'worker'
    ? 'Training runs in a background worker, so the page stays responsive.'
    : 'No background worker could start here, so training runs on this page in short time slices between frames. It is slower; everything else works the same.';
}

/**
 * One snapshot → what the view draws. snapshot: { steps, loss, accuracy, heldOutLoss, playing,
 * probe: { tokens, layers, readout, answer, prediction, weightOnAnswer } | { error } | null }.
 */
export function describeSnapshot(snapshot) {
  const { steps, loss, accuracy, playing } = snapshot;
  const p = snapshot.probe;
  const out = {
    steps,
    counter: stepCount(steps),
    point: { x: steps, values: [loss ?? null, accuracy ?? null] },
    lossText: loss === null || loss === undefined ? 'training loss: not trained yet' : `training loss ${formatNumber(loss, 3)}`,
    accuracyText: accuracy === null || accuracy === undefined ? 'held-out accuracy: not measured yet' : `held-out accuracy ${formatPercent(accuracy)}`,
    solved: accuracy !== null && accuracy !== undefined && accuracy >= TARGET_ACCURACY,
    playing,
    probeError: null, heatmaps: [], prediction: null, itRow: null, maxRowSumError: null,
  };
  if (!p) return out;
  if (p.error) return { ...out, probeError: `The probe sentence cannot be used: ${p.error}` };
  const n = p.tokens.length;
  let worst = 0;
  out.heatmaps = p.layers.flatMap((heads, l) => heads.map((values, h) => {
    for (const s of rowSums(values, n, n)) worst = Math.max(worst, Math.abs(s - 1));
    return { layer: l, head: h, values, n, tokens: p.tokens, label: `Layer ${l + 1}, head ${h + 1}: attention weights of the probe` };
  }));
  out.maxRowSumError = worst;
  const share = p.prediction.probabilities[p.prediction.label];
  const expected = p.prediction.correct;
  out.prediction = `${p.tokens[p.readout]} = ${p.prediction.label}, ${formatPercent(share)}`
    + (expected === null ? ' (this sentence does not follow the task\u2019s pattern, so there is no right answer to compare with)'
      : expected === p.prediction.label ? ' (right)' : ` (wrong: the grammar says ${expected})`);
  const last = p.layers.length - 1;
  const rows = p.layers[last].map((w) => {
    const peak = rowArgmax(w, n, n)[p.readout];
    return { peak, word: p.tokens[peak], weight: w[p.readout * n + peak] };
  });
  out.itRow = {
    layer: last, row: p.readout, peaks: rows,
    line: rows.map((r, h) => `Layer ${last + 1}${rows.length > 1 ? `, head ${h + 1}` : ''}: \u201c${p.tokens[p.readout]}\u201d attends most to \u201c${r.word}\u201d (${formatPercent(r.weight)}).`).join(' '),
  };
  return out;
}

/** The curve chart's text alternative from the history [{ x, values: [loss, accuracy] }]. */
export function curveSummary(history, reachedAt) {
  if (!history.length) return 'No training yet: press Play or Step.';
  const last = history[history.length - 1];
  const [loss, acc] = last.values;
  const losses = history.map((h) => h.values[0]).filter((v) => v !== null);
  const start = losses.length ? losses[0] : null;
  const parts = [`After ${stepCount(last.x)}:`];
  if (loss !== null) parts.push(`training loss ${formatNumber(loss, 3)}${start !== null && last.x > 0 ? ` (it was ${formatNumber(start, 3)} at the first point)` : ''},`);
  if (acc !== null) parts.push(`held-out accuracy ${formatPercent(acc)}.`);
  parts.push(reachedAt === null ? `Held-out accuracy has not reached ${formatPercent(TARGET_ACCURACY)} yet.` : `Held-out accuracy first reached ${formatPercent(TARGET_ACCURACY)} at step ${formatCount(reachedAt)}.`);
  return parts.join(' ');
}
