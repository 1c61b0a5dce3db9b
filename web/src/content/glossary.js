// Glossary of the lesson's terms, each linked to the id of the step that introduces it.

export const GLOSSARY = [
  {
    term: "Token",
    meaning: "One small piece of text the model handles as a unit: a whole word, or sometimes part of one.",
    stepId: "why-attention",
  },
  {
    term: "Recurrent network (RNN)",
    meaning: "An older kind of sequence model that reads one token per step and passes a running memory along to the next step.",
    stepId: "why-attention",
  },
  {
    term: "Hidden state",
    meaning: "The fixed-size memory vector an RNN rewrites at every step; everything it knows about earlier tokens must fit inside it.",
    stepId: "why-attention",
  },
  {
    term: "Self-attention",
    meaning: "A layer in which every token of an input looks at every token of the same input and rebuilds its own vector from what it finds.",
    stepId: "why-attention",
  },
  {
    term: "Embedding",
    meaning: "The list of numbers a model uses to stand for a token.",
    stepId: "contextual-meaning",
  },
  {
    term: "Static embedding",
    meaning: "An embedding taken from a lookup table, so a word gets the identical vector in every sentence.",
    stepId: "contextual-meaning",
  },
  {
    term: "Contextual representation",
    meaning: "A vector for a token that is rebuilt from its surroundings, so the same word can end up with different vectors in different sentences.",
    stepId: "contextual-meaning",
  },
  {
    term: "Dot product",
    meaning: "Multiply two vectors entry by entry and add the results; large when they point the same way, zero at right angles, negative when opposed.",
    stepId: "dot-product",
  },
  {
    term: "Attention score",
    meaning: "The raw number saying how well one query matches one key, before any scaling or softmax.",
    stepId: "dot-product",
  },
  {
    term: "Softmax",
    meaning: "Exponentiate a list of scores, then divide by their total, so they become positive shares that add to 1.",
    stepId: "softmax",
  },
  {
    term: "Attention weight",
    meaning: "A score after softmax: the share of a key's value that goes into a query's new vector. Each row of weights adds to 1.",
    stepId: "softmax",
  },
  {
    term: "Query",
    meaning: "A token's embedding times W_Q: a learned vector describing what that token is looking for.",
    stepId: "qkv",
  },
  {
    term: "Key",
    meaning: "A token's embedding times W_K: a learned label that queries are compared against.",
    stepId: "qkv",
  },
  {
    term: "Value",
    meaning: "A token's embedding times W_V: the learned content that gets mixed into other tokens' outputs according to the weights.",
    stepId: "qkv",
  },
  {
    term: "W_Q, W_K, W_V",
    meaning: "The three learned matrices that turn each embedding into its query, key and value; in a single head they are the only parts that learn.",
    stepId: "qkv",
  },
  {
    term: "d_k",
    meaning: "The width of each query and key vector; they must match so each query-key dot product is one number.",
    stepId: "qkv",
  },
  {
    term: "d_model",
    meaning: "The width of the token embeddings and of the layer's final output, for example 512.",
    stepId: "matrix-form",
  },
  {
    term: "QKᵀ",
    meaning: "The N × N matrix of raw scores: entry (i, j) is query i dotted with key j, computed for all pairs in one product.",
    stepId: "matrix-form",
  },
  {
    term: "Scaling by √d_k",
    meaning: "Dividing the scores by the square root of d_k so their spread stays near 1 however wide the vectors are.",
    stepId: "scaling",
  },
  {
    term: "Saturated softmax",
    meaning: "A softmax row so lopsided that nearly all weight sits on one key, which leaves almost no gradient for the others.",
    stepId: "scaling",
  },
  {
    term: "Causal mask",
    meaning: "Setting every score for a later key to −∞ before softmax, so each token can attend only to itself and earlier tokens.",
    stepId: "causal-mask",
  },
  {
    term: "Positional encoding",
    meaning: "A vector of sine and cosine waves, one per position, added to each embedding so that the order of tokens affects attention.",
    stepId: "positions",
  },
  {
    term: "Head",
    meaning: "One complete attention computation with its own W_Q, W_K and W_V; a multi-head layer runs several in parallel at width d_model / h.",
    stepId: "multi-head",
  },
  {
    term: "W_O",
    meaning: "The learned output matrix that mixes the concatenated outputs of all heads back into one vector of width d_model per token.",
    stepId: "multi-head",
  },
  {
    term: "Path length",
    meaning: "How many steps information needs to travel between two tokens: grows with distance in an RNN, always one in self-attention.",
    stepId: "cost",
  },
];
