// Learning objectives for the whole self-attention lesson.

export const OBJECTIVES = [
  "Explain why a recurrent network struggles with long sentences and how self-attention gives every pair of tokens a direct link.",
  "Describe the difference between a static embedding and a contextual representation, using “Apple phones” and “apple juice”.",
  "Compute dot-product scores, scale them by √d_k and turn them into softmax weights by hand for a small example.",
  "Say what queries, keys and values are, how W_Q, W_K and W_V produce them, and which of them set the weights and which supply the content.",
  "Read an attention matrix row by row and follow the shapes from X through QKᵀ to the output.",
  "Explain what the causal mask, positional encodings and multiple heads each add, and spot the classic implementation bugs.",
  "Weigh the benefits of self-attention (parallel work, constant path length) against its N² cost in time and memory.",
];
