// Builds, in memory, the ONNX model the benchmark gives onnxruntime-web: one opset-23 Attention
// node, Y = Attention(Q, K, V), with 3-D inputs (batch 1, n, heads·d) and q_num_heads =
// kv_num_heads = heads. The protobuf bytes are written by hand (a dozen fields of onnx.proto),
// so no protobuf library is needed. Benchmark-only; not part of the engine.

// Protobuf wire format: varints, length-delimited fields (wire type 2), 32-bit fixed (type 5).
function varint(value) {
  const out = [];
  let v = BigInt(value);
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return out;
}
const key = (field, wire) => varint((field << 3) | wire);
const int = (field, v) => [...key(field, 0), ...varint(v)];
const bytes = (field, b) => [...key(field, 2), ...varint(b.length), ...b];
const str = (field, s) => bytes(field, [...new TextEncoder().encode(s)]);
const float = (field, f) => {
  const b = new Uint8Array(new Float32Array([f]).buffer);
  return [...key(field, 5), ...b];
};

// onnx.proto: AttributeProto { name = 1; f = 2; i = 3; type = 20 (FLOAT = 1, INT = 2) }
const attrInt = (name, i) => [...str(1, name), ...int(3, i), ...int(20, 2)];
const attrFloat = (name, f) => [...str(1, name), ...float(2, f), ...int(20, 1)];
// ValueInfoProto { name = 1; type = 2 } → TypeProto { tensor_type = 1 } → { elem_type = 1
// (FLOAT = 1); shape = 2 } → TensorShapeProto { dim = 1 } → Dimension { dim_value = 1 }
const tensorInfo = (name, dims) =>
  [...str(1, name), ...bytes(2, bytes(1, [...int(1, 1), ...bytes(2, dims.flatMap((d) => bytes(1, int(1, d))))]))];

/** ONNX model bytes for attention over Q, K (1, n, heads·dK) and V (1, n, heads·dV) → Y. */
export function attentionModel({ n, heads, dK, dV = dK, causal = false, scale = 1 / Math.sqrt(dK) }) {
  // NodeProto { input = 1; output = 2; name = 3; op_type = 4; attribute = 5 }
  const node = [
    ...str(1, 'Q'), ...str(1, 'K'), ...str(1, 'V'), ...str(2, 'Y'), ...str(3, 'attention'), ...str(4, 'Attention'),
    ...bytes(5, attrInt('q_num_heads', heads)), ...bytes(5, attrInt('kv_num_heads', heads)),
    ...bytes(5, attrInt('is_causal', causal ? 1 : 0)), ...bytes(5, attrFloat('scale', scale)),
  ];
  // GraphProto { node = 1; name = 2; input = 11; output = 12 }
  const graph = [
    ...bytes(1, node), ...str(2, 'attention'),
    ...bytes(11, tensorInfo('Q', [1, n, heads * dK])), ...bytes(11, tensorInfo('K', [1, n, heads * dK])),
    ...bytes(11, tensorInfo('V', [1, n, heads * dV])), ...bytes(12, tensorInfo('Y', [1, n, heads * dV])),
  ];
  // ModelProto { ir_version = 1; producer_name = 2; graph = 7; opset_import = 8 { domain = 1; version = 2 } }
  return new Uint8Array([...int(1, 11), ...str(2, 'attention-lesson bench'), ...bytes(7, graph), ...bytes(8, [...str(1, ''), ...int(2, 23)])]);
}
