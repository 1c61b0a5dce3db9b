// The pure model every training scene shares (steps 17–21). trainingModel(config)(values) turns
// the checked inputs into the trainer's settings and the step's fixed sentences;
// describeSnapshot(snapshot, config) turns one training-session snapshot (see
// web/src/training/training-session.js) into every number and sentence the view draws: the
// counter, the curve point (loss, held-out accuracy, weight on the deciding word), the heatmaps
// of every layer × head, the prediction line and the read-out row's peak; curveSummary and
// plateauLine word the history. No DOM, no state; tests call it with a real trainer's output.
import { formatCount, formatNumber, formatPercent, formatSharePrecise, formatWeight } from '../../lib/format.js';
import { markLaterKeys, rowArgmax, rowSums } from '../../lib/matrix.js';
import { BATCH_SIZE } from './inputs.js';
import { placedWord } from '../../lib/text.js';

export const TARGET_ACCURACY = 0.95;
// the accuracy chart's target line, on the accuracy scale
export const TARGET_GUIDE = Object.freeze({ value: TARGET_ACCURACY, label: `${formatPercent(TARGET_ACCURACY)} target for held-out accuracy`, mark: `${formatPercent(TARGET_ACCURACY)} target`, axis: 'right' });
// Task 3's plateau: how many of the latest steps the "has it stopped improving?" check looks at.
export const PLATEAU_WINDOW = 200;

const stepCount = (n) => `${formatCount(n)} ${n === 1 ? 'step' : 'steps'}`;
const quote = (w) => `\u201c${w}\u201d`;
const pct1 = (v) => `${formatNumber(v * 100, 1)}%`;
const missing = (v) => v === null || v === undefined || Number.isNaN(v);
// A loss in three decimals; one that rounds to 0 but is not 0 says so ("under 0.001"), since a
// cross-entropy of exactly 0 would mean certainty the model never reaches.
const lossNumber = (v) => (v > 0 && v < 0.0005 ? 'under 0.001' : formatNumber(v, 3));

/** model(values) for the step with this task config. */
export function trainingModel(config) {
  return function model(values) {
    const pick = (name) => Number(config[name].choices.length > 1 ? values[name] ?? config[name].default : config[name].default);
    const settings = { task: config.task, layers: pick('layers'), heads: pick('heads'), dModel: pick('dModel'), seed: values.seed, learningRate: Number(values.learningRate), batchSize: BATCH_SIZE };
    const defaultSize = ['layers', 'heads', 'dModel'].every((k) => settings[k] === Number(config[k].default));
    const probe = values.probe.trim().replace(/\s+/g, ' ');
    const size = `${config.layers.default} ${config.layers.default === '1' ? 'layer' : 'layers'}, ${config.heads.default} ${config.heads.default === '1' ? 'head' : 'heads'}, width ${config.dModel.default}`;
    return {
      settings,
      stepsPerUpdate: values.speed === 'max' ? Infinity : Number(values.speed),
      probe,
      compare: config.compare ? config.compare(probe) : null,
      seedNote: values.seed !== config.shippedSeed
        ? `Seed ${values.seed} is not the one we checked (${config.shippedSeed}). Seeds differ: this one may solve the task another way, or more slowly.`
        : defaultSize
          ? `Seed ${config.shippedSeed} is the one we checked: ${config.checkedNote} Seeds differ: another seed starts from other random weights and may reach the same accuracy by another route, so its heatmaps can look different.`
          : `Seed ${config.shippedSeed} was checked at the starting size (${size}). At this size the same seed gives other random weights, so the result may differ.`,
      architectureLine: `${settings.layers} attention ${settings.layers === 1 ? 'layer' : 'layers'} of ${settings.heads} ${settings.heads === 1 ? 'head' : 'heads'}, ${settings.dModel} numbers per word, batches of ${BATCH_SIZE} sentences${config.causal ? ', causal mask on' : ''}.`,
    };
  };
}

/** Where the trainer runs, in words. */
export function modeLine(mode) {
  const kept = ' A run lasts while this step is open: leaving the step ends it, and coming back starts again from step 0 with the same settings.';
  return (mode === 'worker'
    ? 'Training runs in a background worker, so the page stays responsive.'
    : 'No background worker could start here, so training runs on this page in short time slices between frames. It is slower; everything else works the same.') + kept;
}

// One probe result → its heatmaps, prediction line and read-out row; null parts when unusable.
function describeProbe(p, config) {
  const n = p.tokens.length;
  let worst = 0;
  const heatmaps = p.layers.flatMap((heads, l) => heads.map((values, h) => {
    for (const s of rowSums(values, n, n)) worst = Math.max(worst, Math.abs(s - 1));
    return {
      layer: l, head: h, values, n, tokens: p.tokens, label: `Layer ${l + 1}, head ${h + 1}: attention weights of the probe`,
      // under the causal mask (task 5) the map marks the keys it hides (lib/matrix.js markLaterKeys);
      // `values` keeps the trainer's own weights, exactly 0 there
      ...(config?.causal ? { mapValues: markLaterKeys(values, n), maskedAs: 'weight' } : { mapValues: values }),
    };
  }));
  const share = p.prediction.probabilities[p.prediction.label];
  const expected = p.prediction.correct;
  const subject = config.subject ? config.subject(p.tokens, p.readout) : p.tokens[p.readout];
  const prediction = `${subject} = ${p.prediction.label}, ${formatPercent(share)}`
    + (expected === null ? ' (this sentence does not follow the task\u2019s pattern, so there is no right answer to compare with)'
      : expected === p.prediction.label ? ' (right)' : ` (wrong: the grammar says ${expected})`);
  const last = p.layers.length - 1;
  const peaks = p.layers[last].map((w) => {
    const peak = rowArgmax(w, n, n)[p.readout];
    return { peak, word: p.tokens[peak], weight: w[p.readout * n + peak] };
  });
  const at = (i) => placedWord(p.tokens, i, quote); // with its place when the probe repeats it
  const deciding = p.answer >= 0 ? ` The word that decides the answer is ${at(p.answer)}.` : '';
  const row = {
    layer: last, row: p.readout, answer: p.answer, peaks,
    onAnswer: p.answer >= 0 && peaks.every((r) => r.peak === p.answer),
    line: peaks.map((r, h) => `Layer ${last + 1}${peaks.length > 1 ? `, head ${h + 1}` : ''}: ${at(p.readout)} attends most to ${at(r.peak)} (${formatPercent(r.weight)}).`).join(' ') + deciding,
  };
  return { heatmaps, maxRowSumError: worst, prediction, row };
}

// Two usable probes that differ in one word and whose answers are two different words, read at
// the same row → { changed: the differing word's index, nouns: the two answers' indices in
// order }, else null.
function twinPair(a, b) {
  if (!a || a.error || !b || b.error || a.tokens.length !== b.tokens.length) return null;
  const changed = a.tokens.findIndex((w, i) => w !== b.tokens[i]);
  if (changed < 0 || a.answer < 0 || b.answer < 0 || a.answer === b.answer || a.readout !== b.readout) return null;
  if (!b.layers.every((heads) => heads.every((w) => w.every(Number.isFinite)))) return null;
  return { changed, nouns: [Math.min(a.answer, b.answer), Math.max(a.answer, b.answer)] };
}

// Two probes that differ in one word (task 3: the adjective, swapped for one of the other kind),
// compared in layer 1, head 1, on the read-out row ("it"): its weights on the two nouns (the
// deciding words of the two probes) and how that weight splits between them. In layer 1 the
// scores of "it" on the nouns do not depend on the adjective, so the adjective can only scale
// both weights together (through the softmax's sum) and the split cannot move: the line shows the
// measured split of each probe as a percentage, the raw weights, and, where the nouns get almost
// nothing, what "it" attends to instead. null when either probe is unusable or they are not such
// a pair. Returns { ratios, shares, nounWeights, same, line }.
export const FEW_NOUN_WEIGHT = 0.01;
function describeComparison(a, b) {
  const pair = twinPair(a, b);
  if (!pair) return null;
  const { changed, nouns: ia } = pair;
  const row = (p) => {
    const n = p.tokens.length;
    return p.layers[0][0].subarray(p.readout * n, (p.readout + 1) * n);
  };
  const [wa, wb] = [a, b].map((p) => ia.map((j) => row(p)[j]));
  const share = (w) => (w[0] + w[1] > 0 ? w[0] / (w[0] + w[1]) : null);
  const [sa, sb] = [share(wa), share(wb)];
  const it = quote(a.tokens[a.readout]);
  const [first, second] = ia.map((j) => quote(a.tokens[j]));
  const adjective = (p) => quote(p.tokens[changed]);
  const clause = (p, w) => {
    const raw = `${first} ${formatWeight(w[0])} and ${second} ${formatWeight(w[1])}`;
    if (w[0] + w[1] >= FEW_NOUN_WEIGHT) return `with ${adjective(p)}, ${raw}`;
    const r = row(p), peak = rowArgmax(r, 1, r.length)[0];
    return `with ${adjective(p)}, almost none (${raw}: ${it} attends most to ${quote(p.tokens[peak])}, ${formatPercent(r[peak])})`;
  };
  const shown = [sa, sb].map((v) => (v === null ? null : formatSharePrecise(v)));
  const same = shown[0] !== null && shown[0] === shown[1];
  const split = shown.includes(null)
    ? ` With ${adjective(shown[0] === null ? a : b)} both weights are 0 in 32-bit numbers, so there is no split to compare.`
    : ` Of the weight on the two nouns, ${first} gets ${shown[0]} with ${adjective(a)} and ${shown[1]} with ${adjective(b)}.`
      + (same
        ? ` Changing the adjective can only scale both noun weights together, so the split stays the same and ${a.layers.length === 1
          ? `the adjective cannot tip ${it} toward the other noun.`
          : `in layer 1 the adjective cannot tip ${it} toward the other noun; layer 2 starts from words that layer 1 has already mixed, so there it can.`}`
        : ` The split moved by ${formatNumber(Math.abs(sa - sb) * 100, 4)} points.`);
  return {
    ratios: [wa[0] / wa[1], wb[0] / wb[1]],
    shares: [sa, sb],
    nounWeights: [wa, wb],
    same,
    line: `Layer 1, ${it}\u2019s weights on the two nouns: ${clause(a, wa)}; ${clause(b, wb)}.${split}`,
  };
}

// Step 20 (task 4, two layers): the probe and its twin with the other kind of adjective, along
// the route the adjective can take to the read-out row ("it"). Layer 1: the weight "it" gives the
// adjective in each probe (in the head where the two differ most, if there are several). The last
// layer: how "it"'s weight on the two nouns splits between them in each probe (in the head whose
// split moves most). Each conclusion comes from those numbers: "it" tells the two adjectives
// apart in layer 1 when its weights on them differ by at least ROUTE_GAP (and takes in little of
// either when both are below it); the adjective tips "it" when, in both probes, the larger of its two noun weights is on that probe's right noun. null
// when either probe is unusable or they are not such a pair.
// Returns { adjectiveWeights, layer1Head, shares, lastHead, apart, tipped, line }.
export const ROUTE_GAP = 0.1;
function describeRoute(a, b) {
  const pair = twinPair(a, b);
  if (!pair) return null;
  const { changed, nouns } = pair;
  const n = a.tokens.length, r = a.readout, last = a.layers.length - 1;
  const weight = (p, layer, h, j) => p.layers[layer][h][r * n + j];
  const headName = (layer, h) => (a.layers[layer].length > 1 ? ` (head ${h + 1})` : '');
  let h1 = 0, gap = -1;
  a.layers[0].forEach((_, h) => {
    const g = Math.abs(weight(a, 0, h, changed) - weight(b, 0, h, changed));
    if (g > gap) { gap = g; h1 = h; }
  });
  const adjectiveWeights = [weight(a, 0, h1, changed), weight(b, 0, h1, changed)];
  const share = (p, h) => {
    const [x, y] = nouns.map((j) => weight(p, last, h, j));
    return x + y > 0 ? x / (x + y) : null;
  };
  let h2 = 0, move = -1;
  a.layers[last].forEach((_, h) => {
    const [x, y] = [share(a, h), share(b, h)];
    const m = x === null || y === null ? -0.5 : Math.abs(x - y);
    if (m > move) { move = m; h2 = h; }
  });
  const shares = [share(a, h2), share(b, h2)];
  const onRight = (p, v) => v !== null && v !== 0.5 && (v > 0.5 ? nouns[0] : nouns[1]) === p.answer;
  const tipped = onRight(a, shares[0]) && onRight(b, shares[1]);
  const apart = gap >= ROUTE_GAP;
  const it = quote(a.tokens[r]);
  const [adjA, adjB] = [a, b].map((p) => quote(p.tokens[changed]));
  const first = quote(a.tokens[nouns[0]]);
  const layer1 = `In layer 1${headName(0, h1)}, ${it} gives the adjective ${formatWeight(adjectiveWeights[0])} of its weight with ${adjA} and ${formatWeight(adjectiveWeights[1])} with ${adjB}`
    + (apart ? `: far more of one than of the other, so what ${it} takes in during layer 1 differs between the two sentences.`
      : Math.max(...adjectiveWeights) < ROUTE_GAP ? `: little with either, so in layer 1 ${it} takes in little of the adjective.`
        : ': about the same with either, though the two adjectives\u2019 value vectors differ.');
  const where = `In layer ${last + 1}${headName(last, h2)}`;
  const layer2 = shares.includes(null)
    ? `${where}, ${it} gives the two nouns no weight at all with ${shares[0] === null ? adjA : adjB}, so there is no split to compare.`
    : `${where}, of ${it}\u2019s weight on the two nouns, ${first} gets ${formatPercent(shares[0])} with ${adjA} and ${formatPercent(shares[1])} with ${adjB}`
      + (tipped ? `: the adjective tips ${it} to the matching noun, the choice one layer could not make.`
        : `: the adjective does not tip ${it} to the matching noun.`);
  return { adjectiveWeights, layer1Head: h1, shares, lastHead: h2, apart, tipped, line: `${layer1} ${layer2}` };
}

/**
 * One snapshot → what the view draws. snapshot: { steps, loss, accuracy, heldOutLoss, playing,
 * probe: { tokens, layers, readout, answer, prediction, weightOnAnswer } | { error } | null,
 * compare (optional, the same shape) }.
 */
export function describeSnapshot(snapshot, config) {
  const { steps, loss, accuracy, playing } = snapshot;
  const p = snapshot.probe;
  const weight = p && !p.error && !missing(p.weightOnAnswer) ? p.weightOnAnswer : null;
  // the weight is the mean over the last layer's heads (training-session.js): say so when there
  // are several, since each head's own row may look elsewhere
  const heads = p && !p.error && p.layers?.length ? p.layers[p.layers.length - 1].length : 1;
  const out = {
    heads,
    steps,
    trainMs: snapshot.trainMs ?? null,
    // when the accuracy shown was measured (a snapshot may come some steps later)
    evaluatedAt: snapshot.evaluatedAt ?? steps,
    trainMsAtEval: snapshot.trainMsAtEval ?? snapshot.trainMs ?? null,
    counter: stepCount(steps),
    point: { x: steps, values: [missing(loss) ? null : loss, missing(accuracy) ? null : accuracy, weight] },
    lossText: typeof loss === 'number' && !Number.isFinite(loss) && steps > 0 ? 'training loss: no longer a number (the weights blew up; press Reset)'
      : missing(loss) ? 'training loss: not trained yet' : `training loss ${lossNumber(loss)}`,
    accuracyText: missing(accuracy) ? 'held-out accuracy: not measured yet' : `held-out accuracy ${formatPercent(accuracy)}`,
    weightText: weight === null ? '' : `weight on the deciding word ${formatPercent(weight)}${meanOver(heads)}`,
    solved: !missing(accuracy) && accuracy >= TARGET_ACCURACY,
    playing,
    probeError: null, heatmaps: [], prediction: null, row: null, maxRowSumError: null, comparison: null,
  };
  if (!p) return out;
  if (p.error) return { ...out, probeError: `The probe sentence cannot be used: ${forLearner(p.error)}` };
  if (!p.layers.every((heads) => heads.every((w) => w.every(Number.isFinite)))) {
    return { ...out, probeError: 'The weights are no longer numbers (the learning rate made them blow up), so there are no attention weights to show. Press Reset.' };
  }
  const compare = config?.comparison === 'route' ? describeRoute : describeComparison;
  return { ...out, ...describeProbe(p, config), comparison: compare(p, snapshot.compare) };
}

// The trainer's error (written for the API's users) in the page's words.
const forLearner = (message) => message
  .replace(' The model only knows the words in trainer.vocabulary.', ' The model knows only the words listed under \u201cWords the model knows\u201d.')
  .replace(/^[A-Z]/, (c) => c.toLowerCase());

const meanOver = (heads) => (heads > 1 ? `, the mean over the ${heads} heads of the last layer` : '');

/** The curve chart's text alternative from the history [{ x, values: [loss, accuracy, weight] }]. */
export function curveSummary(history, reachedAt, reachedMs = null, heads = 1) {
  if (!history.length) return 'No training yet: press Play or Step.';
  const last = history[history.length - 1];
  const [loss, acc, weight] = last.values;
  const losses = history.map((h) => h.values[0]).filter((v) => v !== null);
  const start = losses.length ? losses[0] : null;
  const firstWeight = history.find((h) => h.values[2] !== null)?.values[2] ?? null;
  const parts = [`After ${stepCount(last.x)}:`];
  if (loss !== null) parts.push(`training loss ${lossNumber(loss)}${start !== null && last.x > 0 ? ` (it was ${lossNumber(start)} at the first point)` : ''},`);
  if (acc !== null) parts.push(`held-out accuracy ${formatPercent(acc)}${weight !== null ? ',' : '.'}`);
  if (weight !== null) parts.push(`the probe's read-out row puts ${formatPercent(weight)} of its weight on the deciding word${meanOver(heads)}${firstWeight !== null && last.x > 0 ? ` (${formatPercent(firstWeight)} at the first point)` : ''}.`);
  parts.push(reachedAt === null ? `Held-out accuracy has not reached ${formatPercent(TARGET_ACCURACY)} yet.` : `Held-out accuracy first reached ${formatPercent(TARGET_ACCURACY)} at step ${formatCount(reachedAt)}${reachedMs === null ? '' : `, after ${formatNumber(reachedMs / 1000, 2)} s of training computation`}.`);
  return parts.join(' ');
}

/**
 * Task 3's measured plateau from the history: { best, bestAt, last, gain, stalled, line } or null
 * before the first training step. gain: how much the best accuracy of the last PLATEAU_WINDOW
 * steps beats the best before them (accuracy units); stalled when that is under 2 points and
 * still short of the target. (Single evaluations move by a few points either way, so the best is
 * compared, not the latest.)
 */
export function plateauLine(history) {
  const pts = history.filter((h) => h.values[1] !== null);
  if (!pts.length || pts[pts.length - 1].x === 0) return null;
  const last = pts[pts.length - 1];
  let best = pts[0];
  for (const p of pts) if (p.values[1] > best.values[1]) best = p;
  const cut = last.x - PLATEAU_WINDOW;
  const before = pts.filter((p) => p.x <= cut), recent = pts.filter((p) => p.x > cut);
  const long = before.length > 0; // the history reaches back a whole window
  const top = (list) => Math.max(...list.map((p) => p.values[1]));
  const gain = long ? top(recent) - top(before) : null;
  const stalled = long && gain < 0.02 && best.values[1] < TARGET_ACCURACY;
  const window = long
    ? gain > 0 ? ` In the last ${formatCount(PLATEAU_WINDOW)} steps the best rose by ${formatNumber(gain * 100, 1)} points.` : ` The last ${formatCount(PLATEAU_WINDOW)} steps did not beat the best before them.`
    : '';
  const verdict = stalled ? ` It has stalled, ${formatNumber((TARGET_ACCURACY - best.values[1]) * 100, 1)} points short of ${formatPercent(TARGET_ACCURACY)}.` : '';
  return {
    best: best.values[1], bestAt: best.x, last: last.values[1], gain, stalled,
    line: `Held-out accuracy is ${pct1(last.values[1])} after ${stepCount(last.x)}; the best so far was ${pct1(best.values[1])} (step ${formatCount(best.x)}).${window}${verdict}`,
  };
}
