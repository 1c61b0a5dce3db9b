// Softmax over classes (or a vocabulary) plus cross-entropy against a target class, and the
// combined backward pass (probabilities minus the one-hot target).
#pragma once

namespace attn::nn {
// logits: (rows, classes); targets: (rows) ids < classes; probs: (rows, classes), written;
// losses: (rows) −log p[target], written (may be nullptr). Returns the mean loss over rows.
float cross_entropy_forward(const float* logits, const int* targets, float* probs, float* losses, int rows, int classes);
// Gradient of the mean loss: dlogits (rows, classes) += (probs − onehot(target)) / rows.
void cross_entropy_backward(const float* probs, const int* targets, float* dlogits, int rows, int classes);
}  // namespace attn::nn
