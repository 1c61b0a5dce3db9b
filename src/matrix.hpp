// Eigen views over caller-owned row-major float buffers. The engine never owns matrix memory:
// every matrix is a pointer + sizes, and Eigen only sees it through these maps.
#pragma once
#include <Eigen/Core>

namespace attn {
using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using MatrixMap = Eigen::Map<RowMatrix>;
using ConstMatrixMap = Eigen::Map<const RowMatrix>;
// A block of columns inside a wider row-major matrix (e.g. one head's slice of Q).
using Stride = Eigen::OuterStride<>;
using StridedMap = Eigen::Map<RowMatrix, Eigen::Unaligned, Stride>;
using ConstStridedMap = Eigen::Map<const RowMatrix, Eigen::Unaligned, Stride>;
}  // namespace attn
