// Step 9's model: inputs + engine → every number and sentence the √d_k step shows. The engine's
// scalingExperiment measures the spread of q·k and how peaked softmax rows get, with and without
// ÷√d_k, at the chosen width and at six chart widths; one concrete row (one query, n keys) is
// scored and softmaxed by the engine. How peaked the rows are is said in words chosen from the
// measured numbers (peakedness), never written by hand. The gradient chart: engine.scoreGradient
// (the trainer's softmax backward in C++, in the training module: loaded once the prediction is
// revealed) measures, for d_k = 2 … 512, how much gradient the
// softmax passes back to its input scores with and without ÷√d_k; its sentence is generated from
// those numbers. Pure: no DOM.
import { normals } from '../../model/toy-model.js';
import { formatCount, formatNumber, formatPercent } from '../../lib/format.js';
import { topK } from '../../lib/matrix.js';
import { affordableSamples } from './stops.js';

export const CHART_DKS = Object.freeze([1, 4, 16, 64, 256, 1024]);
export const CHART_SAMPLES = 100;
export const CHART_KEYS = 16; // the spread of q·k does not depend on how many keys a row has
export const WORK_BUDGET = 1 << 22; // dK · samples · n per live run: keeps a slider move near 0.2 s
export const ONE_HOT = 0.99; // a row counts as one-hot when its largest weight is above this
const f = (v) => formatNumber(v);

/**
 * How peaked softmax rows are, in words, from measured statistics { maxWeight, oneHotShare }.
 * 'one-hot' only when most rows really are (largest weight > 0.99 in at least half of them).
 */
export function peakedness({ maxWeight, oneHotShare }) {
  const share = `${formatNumber(oneHotShare * 100, 0)}%`;
  if (oneHotShare >= 0.5) return { kind: 'one-hot', text: `most rows are one-hot: in ${share} of them the largest weight is above ${ONE_HOT}` };
  if (maxWeight >= 0.7) return { kind: 'peaked', text: `the rows are sharply peaked but not one-hot: the largest weight averages ${f(maxWeight)}, and only ${share} of rows have a weight above ${ONE_HOT}` };
  if (maxWeight >= 0.4) return { kind: 'leaning', text: `the rows lean toward one key: the largest weight averages ${f(maxWeight)}` };
  return { kind: 'spread', text: `the rows stay spread out: the largest weight averages ${f(maxWeight)}` };
}

export const GRADIENT_DKS = Object.freeze([2, 4, 8, 16, 32, 64, 128, 256, 512]);
export const GRADIENT_SAMPLES = 200;
export const GRADIENT_TITLE = `Gradient that reaches the scores through the softmax (median over ${GRADIENT_SAMPLES} rows of ${CHART_KEYS} keys, log–log)`;

// One experiment, remembered (the charts' widths repeat across renders).
const cache = new Map();
function remembered(engine, kind, o) {
  const key = `${kind}|${o.dK}|${o.n}|${o.samples}|${o.seed}`;
  if (!cache.has(key) || cache.get(key).engine !== engine) {
    if (cache.size > 80) cache.delete(cache.keys().next().value);
    cache.set(key, { engine, result: kind === 'gradient' ? engine.scoreGradient(o) : engine.scalingExperiment(o) });
  }
  return cache.get(key).result;
}
const experiment = (engine, o) => remembered(engine, 'spread', o);

/**
 * The gradient that gets back through the softmax, measured by the engine at d_k = 2 … 512 (one
 * seed, GRADIENT_SAMPLES rows of CHART_KEYS keys each): chart series, table rows, the sentence
 * that reads them, and the chart's text alternative.
 */
export function gradientChart(engine, seed) {
  const runs = GRADIENT_DKS.map((dK) => remembered(engine, 'gradient', { dK, n: CHART_KEYS, samples: GRADIENT_SAMPLES, seed }));
  const first = runs[0], last = runs[runs.length - 1];
  const g = (v) => (v >= 0.01 ? formatNumber(v, 2) : v.toPrecision(2).replace('-', '−'));
  const scaled = runs.map((r) => r.scaled.inputMedian), raw = runs.map((r) => r.unscaled.inputMedian);
  const factor = last.scaled.inputMedian / last.unscaled.inputMedian;
  const below = first.vanishedBelow;
  return {
    series: [
      { name: 'with ÷√d_k', shape: 'circle', points: runs.map((r) => [r.dK, r.scaled.inputMedian]) },
      { name: 'without', shape: 'square', points: runs.map((r) => [r.dK, r.unscaled.inputMedian]) },
    ],
    title: GRADIENT_TITLE,
    yTitle: 'median ‖∂L/∂score‖ of a row',
    format: g,
    // the log axis's ticks (powers of ten): 1, 0.1, 0.01, 0.001 …
    tickFormat: (t) => (t >= 1 ? formatNumber(t, 0) : String(Number(t.toPrecision(1)))),
    rows: runs.map((r) => ({
      dK: String(r.dK), scaled: g(r.scaled.inputMedian), unscaled: g(r.unscaled.inputMedian),
      vanished: formatPercent(r.unscaled.vanishedShare), vanishedScaled: formatPercent(r.scaled.vanishedShare),
    })),
    vanishedBelow: String(below),
    sentence: `Measured by the trainer's own backward pass: with ÷√d_k the median gradient a row's scores get back stays between ${g(Math.min(...scaled))} and ${g(Math.max(...scaled))} from d_k = ${first.dK} to ${last.dK}. Without it, the median falls from ${g(first.unscaled.inputMedian)} to ${g(last.unscaled.inputMedian)}, ${formatCount(factor)} times less than with scaling at d_k = ${last.dK}, and ${formatPercent(last.unscaled.vanishedShare)} of the rows get back less than ${below}: their softmax is so close to one-hot that learning barely moves them.`,
    summary: `Median gradient per row, with ÷√d_k: ${runs.map((r, i) => `d_k ${r.dK} ${g(scaled[i])}`).join(', ')}. Without: ${runs.map((r, i) => `d_k ${r.dK} ${g(raw[i])}`).join(', ')}.`,
  };
}

export function model(values, engine) {
  const { dK, n, samples, seed, scale, guess, revealed } = values;
  const used = affordableSamples(dK, n, samples, WORK_BUDGET);
  const e = experiment(engine, { dK, n, samples: used, seed });
  const { sqrtDK } = e; // the engine's √d_k (and e.scaleFactor = 1/√d_k)
  const hidden = 'hidden: predict first';
  const show = (v) => (revealed ? v : hidden);
  const pct = (s) => `${formatNumber(s * 100, 0)}%`;
  const side = scale ? e.scaled : e.unscaled;
  const raw = peakedness(e.unscaled), scaled = peakedness(e.scaled);

  const above = e.unscaled.maxWeight > 0.9;
  const got = `Without scaling the largest weight averages ${f(e.unscaled.maxWeight)}, ${above ? 'above' : 'not above'} 0.9`;
  const verdict = !revealed
    ? (guess ? 'Press Reveal to check your guess.' : 'Choose a guess, then press Reveal.')
    : `${got}${guess ? `: your guess was ${(guess === 'above') === above ? 'right' : 'not right'}` : ''}. With scaling it averages ${f(e.scaled.maxWeight)}.`;
  const verdictDetail = revealed ? `Without scaling ${raw.text}; with scaling ${scaled.text}.` : '';

  // One concrete row: one query against n keys, scored and softmaxed by the engine.
  const q = normals(dK, seed * 2 + 101);
  const keys = normals(n * dK, seed * 2 + 102);
  const scores = engine.dotProducts(q, keys, 1, n, dK);
  // The same row softmaxed twice by the engine: as it is, and multiplied by the engine's 1/√d_k.
  const wRaw = engine.softmaxParts(scores, 1, n).weights;
  const scaledParts = engine.softmaxParts(scores, 1, n, { scale: e.scaleFactor });
  const scaledRow = scaledParts.scaled;
  const wScaled = scaledParts.weights;
  const keyLabels = Array.from({ length: n }, (_, j) => `k${j + 1}`);
  const rows = revealed ? [wRaw, wScaled] : [wScaled];
  const rowValues = new Float32Array(rows.length * n);
  rows.forEach((r, i) => rowValues.set(r, i * n));
  const range = (a) => `${f(Math.min(...a))} to ${f(Math.max(...a))}`;
  const best = (w) => topK(w, 1)[0];

  return {
    dK, n, samples, usedSamples: used, experiment: e, sqrtDK, revealed,
    dkIndex: Math.round(Math.log2(dK)),
    budgetNote: used === samples ? '' : `d_k × n × samples would be too much work to redo on every slider move, so this run used ${used} samples instead of ${samples}.`,
    rawSpread: f(e.dot.std), sqrtText: f(sqrtDK),
    headers: { raw: `raw q·k${scale ? '' : ' (in use)'}`, scaled: `q·k ÷ √${dK}${scale ? ' (in use)' : ''}`, rawInUse: !scale },
    entropyHead: `mean entropy of a row (uniform maximum ln ${n} = ${f(e.maxEntropy)})`,
    cells: {
      std: [f(e.dot.std), f(e.scaledDot.std)],
      max: [show(f(e.unscaled.maxWeight)), f(e.scaled.maxWeight)],
      entropy: [show(f(e.unscaled.entropy)), f(e.scaled.entropy)],
      oneHot: [show(pct(e.unscaled.oneHotShare)), pct(e.scaled.oneHotShare)],
    },
    inUse: !scale && !revealed
      ? `Scaling is off, so softmax would see scores spread about ${f(e.dot.std)}. Make your prediction above to see what that does to the weights.`
      : `Softmax ${scale ? `sees the scores divided by √${dK} = ${f(sqrtDK)}, spread about ${f(e.scaledDot.std)}` : `sees the raw scores, spread about ${f(e.dot.std)}`}: the largest weight in a row averages ${f(side.maxWeight)}, and the entropy ${f(side.entropy)} is ${formatNumber((side.entropy / e.maxEntropy) * 100, 0)}% of the uniform ${f(e.maxEntropy)}.`,
    question: `At d_k = ${dK} with ${n} keys and no scaling, will the largest weight in a row average above 0.9?`,
    verdict, verdictDetail, peaked: { raw, scaled },
    chart: {
      points: CHART_DKS.map((d) => { const run = experiment(engine, { dK: d, n: CHART_KEYS, samples: CHART_SAMPLES, seed }); return { dK: d, std: run.dot.std, sqrt: run.sqrtDK }; }),
      // The dashed reference curve √d_k over the chart's range (a drawing guide, not a result).
      curve: Array.from({ length: 41 }, (_, i) => { const d = 2 ** (i / 4); return { dK: d, value: Math.sqrt(d) }; }),
      title: `Spread of q·k for d_k = 1 … 1024 (dots: measured over ${CHART_SAMPLES} × ${CHART_KEYS} products each, dashed: √d_k)`,
    },
    example: {
      values: rowValues, rows: rows.length, cols: n, colLabels: keyLabels,
      rowLabels: revealed ? ['no ÷√d_k', `÷√${dK}`] : [`÷√${dK}`],
      lines: [
        `Raw scores q·k of this row run from ${range(scores)}; divided by √${dK} they run from ${range(scaledRow)}.`,
        revealed
          ? `Largest weight: ${f(best(wRaw).value)} on ${keyLabels[best(wRaw).index]} without scaling, ${f(best(wScaled).value)} with it.`
          : `Largest weight with scaling: ${f(best(wScaled).value)} on ${keyLabels[best(wScaled).index]}. The unscaled row appears after you reveal.`,
      ],
    },
    dkSummary: `d_k ${dK}: raw spread ${f(e.dot.std)}, √d_k ${f(sqrtDK)}, scaled spread ${f(e.scaledDot.std)}.`,
    // the gradient chart is part of the answer: shown once the prediction is revealed and the
    // training module (whose backward pass measures it) is loaded
    gradient: revealed && engine.trainingTasks ? gradientChart(engine, seed) : null,
    gradientLoading: revealed && !engine.trainingTasks,
    gradientHidden: revealed
      ? 'Loading the trainer, whose backward pass measures how much gradient gets back through the softmax…'
      : 'Reveal your prediction above to see how much gradient gets back through the softmax, with and without ÷√d_k.',
  };
}
