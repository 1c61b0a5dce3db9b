// learned-weights.js — the learned side of the sentence scenes' weights switch, loaded with the
// trained files (trained-loader.js imports it, so none of it is in the first view): reading the
// learner's sentence with a trained model, running it (trained-models.js), the sentences that say
// what is shown or why it fell back, and the learned pattern measured from the weights on screen.
// Pure; weights-switch.js calls it through the loaded object. No DOM.
import { modelsThatRead, readForModel, runTrainedModel } from './trained-models.js';
import { formatNumber, quoteLabel } from '../lib/format.js';
import { topK } from '../lib/matrix.js';

const quoteAll = (words) => {
  const q = words.map((w) => `‘${w}’`);
  return q.length > 1 ? `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}` : q[0];
};

/** "trained on …" in words, from the manifest entry the model came from. */
export function trainedOn(m) {
  return `the task “${m.title}”, sentences like “${m.probe}” (${m.steps} training steps from seed ${m.seed}; ${formatNumber(m.heldOutAccuracy * 100, 1)} % right on held-out sentences it never saw)`;
}

/**
 * The switch's decision once the models are loaded (see weights-switch.js chooseWeights): the
 * chosen model on the tokens, or a fall-back to the random weights with the reason.
 */
export function chooseLearned(trained, values, tokens, engine, mask) {
  const random = (note) => ({ kind: 'random', wanted: true, loading: false, note, source: '' });
  const model = trained.models.find((m) => m.task === values.trained) ?? trained.models[0];
  const read = readForModel(model, tokens);
  const knows = `The model trained on “${model.title}” only knows the ${model.vocabulary.length} words of its task`;
  if (read.unknown.length) {
    const others = modelsThatRead(trained.models.filter((m) => m !== model), tokens);
    const hint = others.length
      ? ` The model trained on “${others[0].title}” knows every word of this sentence.`
      : ` Try its example: “${model.probe}”.`;
    return random(`${knows}; ${quoteAll(read.unknown)} ${read.unknown.length === 1 ? 'is' : 'are'} not among them, so it cannot read this sentence and the random weights are shown instead.${hint}`);
  }
  if (!read.words.length) return random(`${knows}, and this sentence has no words, only punctuation, so the random weights are shown.`);
  if (read.tooLong) return random(`The model trained on “${model.title}” reads at most ${model.maxTokens} words; this sentence has ${read.words.length}, so the random weights are shown.`);
  const run = runTrainedModel(model, read.ids, engine, { mask });
  const layerIndex = Math.min(values.layer, model.layers) - 1;
  const left = read.dropped.length
    ? `${quoteAll([...new Set(read.dropped)])} ${read.dropped.length === 1 ? 'is' : 'are'} left out: the trained model never saw punctuation. `
    : '';
  const masked = mask === 'causal' ? 'It was trained without a mask, so the causal mask changes what it learned to do. ' : '';
  return {
    kind: 'learned', wanted: true, loading: false, model, words: read.words, run, layerIndex, describePattern,
    source: `Learned weights: the word vectors, positions, W_Q, W_K, W_V and W_O were trained by this lesson’s own trainer on ${trainedOn(model)}. Showing layer ${layerIndex + 1} of ${model.layers}.`,
    note: `${left}${masked}`.trim(),
  };
}

/**
 * The learned pattern, measured from the weights on screen: the row the model reads its answer
 * from, in the shown layer and head, and the model's answer. → a sentence, or '' for random.
 */
export function describePattern(choice, head = 0) {
  const { run, words, layerIndex, model } = choice;
  const n = words.length;
  const weights = run.layers[layerIndex].heads[head].weights;
  const answer = run.prediction
    ? ` The model’s answer: ${quoteLabel(run.prediction.label)} (${formatNumber(run.prediction.probability)}).`
    : '';
  if (run.readout < 0) return `This sentence has no ${quoteLabel(model.readout.word)}, the word the model reads its answer at, so it gives no answer.`;
  const row = weights.subarray(run.readout * n, run.readout * n + n);
  const [top, second] = topK(row, 2);
  const where = model.readout.last ? `the last word, ${quoteLabel(words[run.readout])}` : quoteLabel(words[run.readout]);
  const headText = model.heads > 1 ? `, head ${head + 1}` : '';
  const next = second ? `, ahead of ${quoteLabel(words[second.index])} (${formatNumber(second.value)})` : '';
  return `The model reads its answer at ${where}: in layer ${layerIndex + 1}${headText} that row gives its largest weight, ${formatNumber(top.value)}, to ${quoteLabel(words[top.index])}${next}.${answer}`;
}
