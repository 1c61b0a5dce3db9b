// The language model's output layer, tied to the token embedding: logits = x · W_teᵀ over the
// whole vocabulary, and its backward pass. It is the model's largest product (N × d × vocab);
// see output_layer.cpp for the two ways it is computed.
#pragma once

namespace attn::lm {
// x: (n, d); wte: (vocab, d); logits: (n, vocab), overwritten.
void output_layer_forward(const float* x, const float* wte, float* logits, int n, int d, int vocab);
// dlogits: (n, vocab). dx (n, d) = dlogits · W_te (overwritten); dwte (vocab, d) += dlogitsᵀ · x.
void output_layer_backward(const float* dlogits, const float* x, const float* wte, float* dx, float* dwte, int n, int d, int vocab);
}  // namespace attn::lm
