// Step 13's model: inputs + engine → every number and sentence the multi-head step shows. One
// engine.attention call runs h heads of width d_model / h over the lesson's one embedding with
// W_O; the shapes are read off the result arrays, and for the selected query each head's
// strongest key is named. With the learned weights (weights-switch.js) the trained model's own
// layer runs instead, with its own number of heads, and the page says which it shows. Pure: no
// DOM (the loaded trained models are an argument; by default the page's).
import { EXAMPLE_SENTENCE } from './inputs.js';
import { EMBEDDING_NOTE, lessonEmbedding, lessonWeights, LESSON_EMBEDDING } from '../lesson-embedding.js';
import { sentenceTokens } from '../sentence-tokens.js';
import { trainedModels, trainedModelsFailure } from '../trained-loader.js';
import { chooseWeights, learnedPattern } from '../weights-switch.js';
import { formatNumber } from '../../lib/format.js';
import { rowMax } from '../../lib/matrix.js';
import { plural, quoteWord } from '../../lib/text.js';

const D = LESSON_EMBEDDING.dModel;
export const REAL_MODEL_STEP = 'real-model'; // step 23 (steps/index.js)

export function model(values, engine, trained = trainedModels(), failure = trainedModelsFailure()) {
  const typed = sentenceTokens(values.sentence, EXAMPLE_SENTENCE);
  const choice = chooseWeights(values, typed.tokens, engine, { trained, failure });
  const learned = choice.kind === 'learned';
  const tokens = learned ? choice.words : typed.tokens;
  const message = typed.message;
  const n = tokens.length;
  const h = learned ? choice.model.heads : values.heads;
  const head = Math.min(values.head, h - 1);
  const query = Math.min(values.query, n - 1);
  const dModel = learned ? choice.model.dModel : D;
  const w = learned ? choice.model.layer[choice.layerIndex] : lessonWeights(h);
  const r = learned
    ? choice.run.layers[choice.layerIndex]
    : engine.attention({ x: lessonEmbedding(tokens), n, dModel: D, heads: h, wq: w.wq, wk: w.wk, wv: w.wv, wo: w.wo });
  // One colour scale for every head (0 to the largest weight of any head), so heads compare.
  let top = 0;
  for (const hd of r.heads) for (const v of hd.weights) top = Math.max(top, v);
  const dK = r.heads[0].q.length / n, dV = r.heads[0].v.length / n;
  const concatCols = r.concat.length / n, outCols = r.output.length / n;
  const best = r.heads.map((hd) => rowMax(hd.weights.subarray(query * n, (query + 1) * n), 1, n)[0]);
  return {
    tokens, n, message, h, head, query, heads: r.heads.map((hd) => hd.weights), domain: [0, top],
    dK, dV, concatCols, outCols,
    headShape: `${n} × ${dK} (d_k = d_model / h = ${dModel} / ${h})`,
    concatShape: `${n} × ${concatCols}`, concatNote: ` — n × h·d_v = ${n} × ${h}·${dV}`,
    outputShape: `${n} × ${outCols}`, outputNote: ` — n × d_model, because W_O is ${concatCols} × ${w.wo.length / concatCols}`,
    argmaxTitle: `Query ${quoteWord(tokens[query])}: the key each head gives the most weight to.`,
    best,
    argmax: best.map((b, k) => `head ${k + 1} → ${quoteWord(tokens[b.col])} ${formatNumber(b.value, 2)}`).join('; '),
    bigStage: `head ${head + 1} of ${h}, softmax weights`,
    headsAnnounce: `${plural(h, 'head')} of width ${dModel / h}.`,
    weights: {
      kind: choice.kind, wanted: choice.wanted, loading: choice.loading,
      source: learned
        ? `${choice.source} This model has ${plural(h, 'head')} per layer${h < values.heads ? `, so the heads setting (${values.heads}) applies to the random weights only` : ''}.`
        : `Random weights: ${EMBEDDING_NOTE} The heads differ only because each projects the same embeddings with different random numbers; nothing here has learned to specialise.`,
      note: choice.note,
      pattern: learned ? learnedPattern(choice, head) : '',
      layers: learned ? choice.model.layers : 0,
      layer: learned ? choice.layerIndex + 1 : 0,
    },
    // A trained model with one head per layer cannot show heads dividing the work: say so, and
    // point to the step whose language model has several heads per layer with measured roles.
    seeAlso: learned && h === 1
      ? { step: REAL_MODEL_STEP, text: 'This trained model has one head per layer, so it cannot show heads taking on different jobs. The small language model of a later step, trained on real English, has several heads in each layer, and there the page measures what each head attends to.' }
      : null,
    queryOptions: tokens.map((t, i) => `${t} (${i + 1})`),
  };
}
