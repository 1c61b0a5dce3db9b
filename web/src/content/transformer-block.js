// Words for step 24 (where attention sits in a transformer): the key-intuitions table that is
// the block's legend, and the rows of the "small transformer vs modern LLM" table. Facts and
// numbers from lesson source 002 (sections 11 and 12); the wording is ours. The third column of
// the scale table (this lesson's model) is filled in by the step's model from the model's config
// and manifest, never written here. Plain text, inserted with textContent.

// concept → [what it does, a picture to remember it by]; `stages` names the block's boxes it explains.
export const INTUITIONS = Object.freeze([
  { concept: 'Embedding', does: 'Looks a token up in a table and hands back a list of numbers that stands for it.', picture: 'A paint chip: one swatch of colour per word.', stages: ['token'] },
  { concept: 'Position', does: 'Adds a second list of numbers that says where in the sentence the token sits.', picture: 'A seat number on a ticket.', stages: ['position', 'embedded'] },
  { concept: 'Self-attention', does: 'Lets each token gather information from the tokens it may see, weighted by how relevant they look.', picture: 'Listening round a table and deciding whose words matter to you.', stages: ['attention'] },
  { concept: 'Multi-head', does: 'Runs several attentions side by side, each free to look for a different kind of link.', picture: 'A panel of specialists who each read the same page.', stages: ['attention'] },
  { concept: 'Residual (add)', does: 'Adds a sublayer\u2019s output back onto its input, so the token keeps what it had and gains something new.', picture: 'Writing notes in the margin instead of rewriting the page.', stages: ['add1', 'add2'] },
  { concept: 'Layer normalisation', does: 'Rescales each token\u2019s numbers to mean 0 and spread 1 (then a learned gain and shift), which keeps training steady.', picture: 'Turning every microphone to the same volume.', stages: ['norm1', 'norm2', 'final_norm'] },
  { concept: 'Feed-forward', does: 'A small two-layer network applied to each token on its own, after attention has mixed the tokens.', picture: 'Each guest thinking over what they just heard.', stages: ['feed_forward'] },
  { concept: 'Linear + softmax', does: 'Scores every token of the vocabulary against the final vector, then turns the scores into probabilities.', picture: 'A vote in which every word of the dictionary gets a share.', stages: ['output'] },
  { concept: 'Loss', does: 'Measures how little probability the model gave the word that really came next (cross-entropy).', picture: 'A teacher marking a guess.', stages: [] },
  { concept: 'Backpropagation', does: 'Works out how each weight should move to lower the loss, and nudges it that way.', picture: 'Adjusting your aim after every throw.', stages: [] },
]);

// The rows of source 002's scale table: what a small teaching transformer and a modern large
// model have (the source's numbers), and which of this model's numbers goes in the third column.
export const SCALE_ROWS = Object.freeze([
  { what: 'Layers', small: '2\u20136', large: '70\u2013100 or more', ours: 'layers' },
  { what: 'Numbers per token (d_model)', small: '512', large: '4,096\u201316,384', ours: 'dModel' },
  { what: 'Attention heads per layer', small: '8', large: '32\u2013128', ours: 'heads' },
  { what: 'Vocabulary (tokens it can output)', small: '\u2014', large: 'say 50,000 (the source\u2019s example)', ours: 'vocab' },
  { what: 'Hardware to train it', small: 'one GPU', large: 'thousands of GPUs', ours: 'hardware' },
  { what: 'Training text', small: 'megabytes', large: 'trillions of tokens', ours: 'data' },
]);
