// bank-training.js — questions for the training steps (17 watch attention learn, 18 which apple,
// 19 what one layer cannot do, 20 two layers, 21 causal learning), as data. Fixed answers only:
// what the trained scenes show depends on the learner's run, so these ask about the reasons, not
// about one run's numbers. Steps 20 and 21 draw their sentence or letters per attempt (the words
// are the trainer's vocabulary, src/train/tasks.cpp); the right option stays the same.

// task 4's words: adjectives that describe the animal and ones that describe the place
const ANIMATE = ['tired', 'sleepy', 'scared', 'hungry', 'weak', 'lazy'];
const PLACE_ADJECTIVES = ['wide', 'busy', 'crowded', 'long', 'icy', 'noisy'];
const ANIMALS = ['animal', 'cat', 'dog', 'horse', 'cow', 'fox', 'rabbit', 'deer', 'goat', 'sheep'];
const PLACES = ['street', 'road', 'river', 'bridge', 'field', 'square', 'highway', 'canal'];
const LETTERS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']; // task 5's alphabet
const q = (w) => `\u201C${w}\u201D`;

export const TRAINING = [
  // ── watch-learning ────────────────────────────────────────────────────────────────────
  {
    id: 'train-adjective-row', stepId: 'watch-learning', kind: 'choice', predict: true,
    prompt: 'Before you press Play: once held-out accuracy passes 95%, where will the row of the adjective \u201Ctired\u201D put most of its weight?',
    options: [
      { id: 'a', text: 'On \u201Canimal\u201D, the noun the adjective describes.', explain: 'The read-out sits on the adjective, and only the noun\u2019s value tells it which noun is meant, so training pulls that row onto the noun. The seed we ship does exactly that; another seed may find another route.' },
      { id: 'b', text: 'Spread evenly over all eleven words of the sentence.', explain: 'That is roughly where it starts, with random weights. An even mix carries no answer, so the loss pushes the row away from it.' },
      { id: 'c', text: 'On \u201Ctired\u201D itself, since a word matches its own key best.', explain: 'Nothing makes a query match its own key: W_Q and W_K are separate matrices, and training sets them so the row looks where the answer is.' },
      { id: 'd', text: 'On the first \u201Cthe\u201D, because it opens every sentence.', explain: 'A word that is the same in every sentence cannot tell one answer from another, so attending to it would not lower the loss.' },
    ],
    key: 'P4v7',
  },
  // ── which-apple-learned ───────────────────────────────────────────────────────────────
  {
    id: 'train-held-out', stepId: 'which-apple-learned', kind: 'choice',
    prompt: 'Why is the accuracy in these scenes measured on held-out sentences, combinations the model was never trained on?',
    options: [
      { id: 'a', text: 'Because the held-out sentences use words the model has never seen.', explain: 'No word is held out alone: an unseen word would have an untrained embedding. What is new is the combination (this subject with this deciding word, this shape).' },
      { id: 'b', text: 'Because the training loss cannot be computed without them.', explain: 'The training loss comes from the training batches alone; the held-out set is only ever measured, never trained on.' },
      { id: 'c', text: 'To check that it learned the rule, not the sentences it saw.', explain: 'A model can fit the sentences it saw without learning why. Scoring well on new combinations shows the pattern generalises.' },
      { id: 'd', text: 'To make training faster, since held-out sentences are shorter.', explain: 'They come from the same grammar and have the same lengths; measuring them costs time rather than saving it.' },
    ],
    key: 'S9TO',
  },
  // ── one-layer-limit ───────────────────────────────────────────────────────────────────
  {
    id: 'train-one-layer', stepId: 'one-layer-limit', kind: 'choice',
    prompt: 'With a single attention layer, why can\u2019t \u201Cit\u201D choose between the animal and the street according to the adjective at the end?',
    options: [
      { id: 'a', text: 'The causal mask hides the adjective, which comes after \u201Cit\u201D.', explain: 'This task has no mask: every word may look at every other, the adjective included.' },
      { id: 'b', text: 'Its query and the nouns\u2019 keys never see the adjective, so their ratio is fixed.', explain: 'In one layer the query of \u201Cit\u201D comes from \u201Cit\u201D and its position, each key from its own word: the adjective cannot change how the two nouns compare.' },
      { id: 'c', text: 'One layer has too few numbers per word; a width of 64 fixes it.', explain: 'Width does not change the argument: however many numbers, the query and the noun keys are still built without the adjective.' },
      { id: 'd', text: 'Softmax can never give one word more than half of a row\u2019s weight, however it is trained.', explain: 'Softmax can put almost all of a row on one word; the heatmaps show rows close to 1 on a single cell.' },
    ],
    key: 'UmqK',
  },
  // ── two-layers ────────────────────────────────────────────────────────────────────────
  {
    id: 'train-two-layers', stepId: 'two-layers', kind: 'choice',
    variant(rng) {
      const animate = rng.next() < 0.5;
      const p = { animal: rng.pick(ANIMALS), place: rng.pick(PLACES), adjective: rng.pick(animate ? ANIMATE : PLACE_ADJECTIVES) };
      return { ...p, noun: animate ? p.animal : p.place };
    },
    prompt: 'Layer 1\u2019s \u201Cit\u201D row cannot tell the adjectives apart (step 19). How can layer 2\u2019s \u201Cit\u201D row still find the noun the adjective describes? (sentence drawn per attempt)',
    ask: (p) => `Step 20\u2019s two-layer model reads ${q(`the ${p.animal} didn't cross the ${p.place} because it was too ${p.adjective}`)}. As step 19 showed, layer 1\u2019s \u201Cit\u201D row splits its weight between the two nouns the same way whatever the adjective. How can layer 2\u2019s \u201Cit\u201D row still point at the ${p.noun}?`,
    options: [
      { id: 'a', text: (p) => `Layer 2 reads the sentence backwards, so ${q(p.adjective)} is the first word it sees.`, explain: 'Attention has no reading direction: every row scores every word at once, and word order only enters through the position vectors added at the start.' },
      { id: 'b', text: (p) => `While training, layer 2 is shown the right noun (${q(p.noun)}) and copies it.`, explain: (p) => `The right answer never enters the model: it is only compared with the read-out in the loss. Held-out sentences have no answer attached, and the model still finds the ${p.noun} there.` },
      { id: 'c', text: (p) => `Layer 1 mixes ${q(p.adjective)} into the words\u2019 vectors, so layer 2\u2019s query for \u201Cit\u201D changes with it.`, explain: (p) => `Each output of layer 1 is a weighted mix of value vectors, so \u201Cit\u201D (or the adjective\u2019s neighbours) can carry ${q(p.adjective)} into layer 2. There the query of \u201Cit\u201D and the keys are built from these mixed vectors, so they can depend on the adjective and point at the ${p.noun}.` },
      { id: 'd', text: (p) => `Layer 2 has a causal mask of its own that hides the noun which does not fit ${q(p.adjective)} from the row of \u201Cit\u201D.`, explain: 'This task uses no mask at all. A mask hides positions, not words by their meaning: it cannot know which noun fits the adjective.' },
    ],
    key: 'ueAW',
  },
  // ── causal-learning ───────────────────────────────────────────────────────────────────
  {
    id: 'train-causal-zero', stepId: 'causal-learning', kind: 'choice',
    variant(rng) {
      const letters = rng.shuffle(LETTERS).slice(0, 5);
      const early = rng.int(0, 2);
      const late = rng.int(early + 1, 4);
      return { letters, early, late, self: rng.int(0, 4) };
    },
    prompt: 'Under the causal mask, which attention weight is exactly 0 before training has taken a single step? (letters drawn per attempt)',
    ask: (p) => `Step 21\u2019s model has random weights and has not trained a single step. In its heatmap for the probe ${q(p.letters.join(' '))}, causal mask on, which of these weights is exactly 0?`,
    options: [
      { id: 'a', text: (p) => `The weight in the row of ${q(p.letters[p.late])} on ${q(p.letters[p.early])}, which comes before it.`, explain: 'Earlier letters are allowed. Their scores are ordinary numbers, and softmax turns every finite score into a weight above 0, however small.' },
      { id: 'b', text: (p) => `The weight in the row of ${q(p.letters[p.self])} on ${q(p.letters[p.self])} itself.`, explain: 'The diagonal is allowed: a letter may always look at itself, so its weight is above 0 from the start.' },
      { id: 'c', text: 'None of them yet: every weight starts above 0, and training is what pushes the weights on later letters down to 0.', explain: 'Training never has to learn this. The mask acts before the softmax on every step, the first included; those weights are 0 from the start and stay 0.' },
      { id: 'd', text: (p) => `The weight in the row of ${q(p.letters[p.early])} on ${q(p.letters[p.late])}, which comes after it.`, explain: 'The mask sets the score of every later letter to \u2212\u221E before the softmax, and e^\u2212\u221E = 0: this entry is exactly 0 whatever the weights, trained or not.' },
    ],
    key: '2UF9',
  },
];
