// Measures what each attention head of the language model does on held-out sentences, so the
// lesson names a head only by a pattern the data shows. For every head it averages, over query
// positions i ≥ 2 (so "previous word" and "sentence start" are different keys):
//   previous  weight on token i−1
//   start     weight on token 0, the <s> boundary
//   self      weight on token i itself
//   noun      weight on the nearest earlier noun, over queries whose nearest earlier noun is at
//             least two tokens back (so it is not just the previous word again)
//   verb      the same for the nearest earlier verb
//   even      what an even spread over the visible tokens would give (mean 1/(i+1)), over the
//             same queries as each pattern (the noun and verb patterns count fewer, later queries)
// and names the head by its strongest pattern when that pattern takes at least 0.3 of the weight
// and at least twice the even share; otherwise the head is reported as spread out. Parts of
// speech come from a per-vocabulary tag string (scripts/lm/pos.mjs, one letter per token id).
// Not a probe of meaning: these are positions and coarse word classes only. Used by
// npm run train:lm (scripts/lm/train.mjs, on held-out text, into the manifest) and by step 23
// (web/src/steps/23-real-model, live on the learner's sentence). Pure: no DOM, no wasm.

export const TAG_LETTERS = { noun: 'n', verb: 'v', adj: 'a', adv: 'r', function: 'f', punct: 'p', number: 'd', special: 's', other: 'o' };

export const PATTERNS = {
  previous: 'looks at the previous word',
  start: 'looks at the sentence start <s> (a resting place when nothing else fits)',
  self: 'looks at the word itself',
  noun: 'looks back at the nearest earlier noun',
  verb: 'looks back at the nearest earlier verb',
};

// model: from loadLanguageModel; sentences: strings; tags: string, tags[id] ∈ TAG_LETTERS values.
export function measureHeadRoles(model, sentences, tags) {
  const { layers, heads, context } = model.config;
  const zero = () => ({ sum: 0, count: 0 });
  const acc = Array.from({ length: layers }, () => Array.from({ length: heads }, () => ({
    previous: zero(), start: zero(), self: zero(), noun: zero(), verb: zero(), even: zero(), nounEven: zero(), verbEven: zero(),
  })));
  let queries = 0;
  for (const text of sentences) {
    const words = model.tokenize(text);
    if (words.length === 0 || words.length > context - 1) continue;
    const { tokens, layers: maps } = model.attend(text);
    const n = tokens.length;
    const tagOf = tokens.map((t, i) => (i === 0 ? 's' : tags[t.id]));
    for (let i = 2; i < n; i++) {
      queries++;
      let noun = -1;
      let verb = -1;
      for (let j = i - 1; j >= 1; j--) {
        if (noun < 0 && tagOf[j] === 'n') noun = j;
        if (verb < 0 && tagOf[j] === 'v') verb = j;
      }
      for (let l = 0; l < layers; l++) {
        for (let h = 0; h < heads; h++) {
          const w = maps[l][h];
          const a = acc[l][h];
          const add = (key, value) => { a[key].sum += value; a[key].count++; };
          add('previous', w[i * n + i - 1]);
          add('start', w[i * n]);
          add('self', w[i * n + i]);
          add('even', 1 / (i + 1));
          if (noun >= 1 && noun <= i - 2) { add('noun', w[i * n + noun]); add('nounEven', 1 / (i + 1)); }
          if (verb >= 1 && verb <= i - 2) { add('verb', w[i * n + verb]); add('verbEven', 1 / (i + 1)); }
        }
      }
    }
  }
  const mean = (x) => (x.count ? x.sum / x.count : null);
  const round = (x) => (x === null ? null : Math.round(x * 1000) / 1000);
  const result = [];
  for (let l = 0; l < layers; l++) {
    for (let h = 0; h < heads; h++) {
      const a = acc[l][h];
      const shares = Object.fromEntries(Object.keys(PATTERNS).map((k) => [k, round(mean(a[k]))]));
      const evens = { previous: round(mean(a.even)), start: round(mean(a.even)), self: round(mean(a.even)),
        noun: round(mean(a.nounEven)), verb: round(mean(a.verbEven)) };
      const counts = { queries: a.previous.count, noun: a.noun.count, verb: a.verb.count };
      // the strongest pattern, judged against an even spread
      let best = null;
      for (const k of Object.keys(PATTERNS)) {
        if (shares[k] === null) continue;
        if (!best || shares[k] / evens[k] > shares[best] / evens[best]) best = k;
      }
      const even = evens[best];
      const named = best && shares[best] >= 0.3 && shares[best] >= 2 * even;
      result.push({
        layer: l + 1,
        head: h + 1,
        role: named ? best : 'spread',
        description: named
          ? `${PATTERNS[best]}: ${shares[best].toFixed(2)} of its weight on average (an even spread would give ${even.toFixed(2)})`
          : `no single pattern: its largest share is ${shares[best].toFixed(2)} (${best}), against ${even.toFixed(2)} for an even spread`,
        share: shares[best],
        shares,
        even: evens,
        counts,
      });
    }
  }
  return { queries, heads: result };
}
