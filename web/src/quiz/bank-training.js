// bank-training.js — questions for the training steps (17 watch attention learn, 18 which apple,
// 19 what one layer cannot do), as data. Fixed answers only: what the trained scenes show depends
// on the learner's run, so these ask about the reasons, not about one run's numbers.

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
];
