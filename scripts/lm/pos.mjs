// A coarse part-of-speech tag for each vocabulary word, from WordNet's index.* and *.exc files:
// the word (or its base form: exception lists, then the usual English suffix rules) is tagged
// with the WordNet part of speech whose senses are most often tagged in WordNet's concordance
// (the index's tagsense_cnt, then sense count). Closed-class words (articles, pronouns,
// prepositions, auxiliaries, conjunctions), which WordNet does not cover or covers only as rare
// nouns ("a" as a vitamin), come from a short fixed list instead. Used only to measure which
// words the model's heads look at (e.g. "the nearest preceding noun"); it is not a tagger for
// running text and knows nothing about context.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const FUNCTION_WORDS = new Set(`a an the this that these those my your his her its our their
i you he she it we they me him us them myself yourself himself herself itself ourselves themselves
who whom whose which what
of in on at by for with from to into onto upon about over under above below between among through
during before after against without within along across behind beyond toward towards around near
off out up down than as like
and or but nor so yet if because while although though since unless until whether
is are was were be been being am 's 're 'm 've 'd 'll n't
do does did done doing have has had having will would shall should can could may might must
not no there here very too also just only even ever never always often`.split(/\s+/));

const PARTS = [['noun', 'n'], ['verb', 'v'], ['adj', 'a'], ['adv', 'r']];

// The English suffix rules WordNet's morphy uses, per part of speech.
const SUFFIXES = {
  noun: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  verb: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  adj: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
  adv: [],
};

function readIndex(dir, part) {
  const senses = new Map(); // lemma → [tagsense_cnt, synset_cnt]
  for (const line of readFileSync(path.join(dir, `index.${part}`), 'latin1').split('\n')) {
    if (line.startsWith(' ') || line.length === 0) continue;
    const f = line.trim().split(' ');
    const synsets = Number(f[2]);
    const pointers = Number(f[3]);
    const tagged = Number(f[5 + pointers]);
    senses.set(f[0], [tagged, synsets]);
  }
  return senses;
}

function readExceptions(dir, part) {
  const exc = new Map();
  for (const line of readFileSync(path.join(dir, `${part}.exc`), 'latin1').split('\n')) {
    const f = line.trim().split(' ');
    if (f.length >= 2 && !exc.has(f[0])) exc.set(f[0], f[1]);
  }
  return exc;
}

// vocabulary: array of token strings → array of tags, one per token:
// 'function' | 'noun' | 'verb' | 'adj' | 'adv' | 'punct' | 'number' | 'special' | 'other'.
export function tagVocabulary(vocabulary, dir) {
  const index = Object.fromEntries(PARTS.map(([p]) => [p, readIndex(dir, p)]));
  const exc = Object.fromEntries(PARTS.map(([p]) => [p, readExceptions(dir, p)]));
  const score = (word, part) => {
    const forms = [word];
    if (exc[part].has(word)) forms.push(exc[part].get(word));
    for (const [from, to] of SUFFIXES[part]) if (word.endsWith(from) && word.length > from.length + 1) forms.push(word.slice(0, -from.length) + to);
    let best = null;
    for (const f of forms) {
      const s = index[part].get(f);
      if (s && (!best || s[0] > best[0] || (s[0] === best[0] && s[1] > best[1]))) best = s;
    }
    return best;
  };
  return vocabulary.map((w) => {
    if (w.startsWith('<')) return 'special';
    if (FUNCTION_WORDS.has(w)) return 'function';
    if (/^\p{N}+$/u.test(w)) return 'number';
    if (!/\p{L}/u.test(w)) return 'punct';
    let tag = 'other';
    let best = null;
    for (const [part] of PARTS) {
      const s = score(w, part);
      if (s && (!best || s[0] > best[0] || (s[0] === best[0] && s[1] > best[1]))) { best = s; tag = part; }
    }
    return tag;
  });
}
