// Picks one row per sequence (the read-out position, e.g. the row of "it") out of a packed batch,
// and scatters the gradient back. The classifier's read-out is select_rows then linear.
#pragma once

namespace attn::nn {
// x: (N, d) packed rows; rows: (batch) absolute row indices into x; out: (batch, d).
void select_rows_forward(const float* x, const int* rows, int batch, float* out, int d);
// dout: (batch, d). Accumulates dx[rows[s]] += dout[s].
void select_rows_backward(const float* dout, const int* rows, int batch, float* dx, int d);
}  // namespace attn::nn
