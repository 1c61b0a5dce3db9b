// Token embedding plus position embedding: x[t] = wte[token t] + wpe[position of t in its
// sequence]. A batch is packed: sequence s holds tokens seq_start[s] … seq_start[s+1] − 1.
#pragma once

namespace attn::nn {
// tokens: (N) ids < vocab, N = seq_start[batch]; seq_start: (batch + 1), seq_start[0] = 0;
// wte: (vocab, d); wpe: (max_len, d), each sequence no longer than max_len; out: (N, d).
void embedding_forward(const int* tokens, const int* seq_start, int batch, const float* wte, const float* wpe, float* out, int d);
// dout: (N, d). Scatters (accumulates): dwte[token] += dout row; dwpe[position] += dout row.
// dwpe == nullptr: positions are fixed (sinusoidal), no gradient is kept for them.
void embedding_backward(const int* tokens, const int* seq_start, int batch, const float* dout, float* dwte, float* dwpe, int d);
}  // namespace attn::nn
