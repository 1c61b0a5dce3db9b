// A plain-JS reader and writer of the language model's weights-file layout (src/lm/weights_file.hpp),
// written from that header for the tests and the lm-loader fuzz target: walk the tensors of a
// file (to damage one on purpose), and write a small valid file for any config (to fuzz shapes
// the shipped model.bin does not have). Not used by the page; the C++ reader is the one that counts.

const HEADER_BYTES = 44;
const round4 = (n) => Math.ceil(n / 4) * 4;

/** The tensors of a config in file order: [{ name, rows, cols, quantised }] (src/lm/params.cpp). */
export function tensorShapes(c) {
  const d = c.dModel;
  const t = [{ name: 'token embedding', rows: c.vocab, cols: d, quantised: true }, { name: 'position embedding', rows: c.context, cols: d, quantised: true }];
  for (let l = 0; l < c.layers; l++) {
    for (const m of ['W_Q', 'W_K', 'W_V', 'W_O']) t.push({ name: `layer ${l + 1} attention ${m}`, rows: d, cols: d, quantised: true });
    t.push({ name: `layer ${l + 1} norm 1 gain`, rows: 1, cols: d, quantised: false }, { name: `layer ${l + 1} norm 1 bias`, rows: 1, cols: d, quantised: false });
    t.push({ name: `layer ${l + 1} feed-forward W_1`, rows: d, cols: c.dFF, quantised: true }, { name: `layer ${l + 1} feed-forward b_1`, rows: 1, cols: c.dFF, quantised: false });
    t.push({ name: `layer ${l + 1} feed-forward W_2`, rows: c.dFF, cols: d, quantised: true }, { name: `layer ${l + 1} feed-forward b_2`, rows: 1, cols: d, quantised: false });
    t.push({ name: `layer ${l + 1} norm 2 gain`, rows: 1, cols: d, quantised: false }, { name: `layer ${l + 1} norm 2 bias`, rows: 1, cols: d, quantised: false });
  }
  if (c.preNorm) t.push({ name: 'final norm gain', rows: 1, cols: d, quantised: false }, { name: 'final norm bias', rows: 1, cols: d, quantised: false });
  return t;
}

/** Bytes a tensor's data takes after its 12-byte header. */
export const tensorDataBytes = (t) => (t.quantised ? round4(2 * t.rows + t.rows * t.cols) : 4 * t.rows * t.cols);

/**
 * The tensors of a file as stored: { tensors: [{ at, rows, cols, enc }], end } where `at` is the
 * offset of the tensor's 12-byte header and `end` where the last tensor ends.
 */
export function tensorOffsets(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(36, true);
  let at = round4(HEADER_BYTES + view.getUint32(40, true));
  const tensors = [];
  for (let t = 0; t < count; t++) {
    const rows = view.getUint32(at, true), cols = view.getUint32(at + 4, true), enc = view.getUint32(at + 8, true);
    tensors.push({ at, rows, cols, enc });
    at += 12 + tensorDataBytes({ rows, cols, quantised: enc === 1 });
  }
  return { tensors, end: at };
}

/**
 * A weights file for `config` ({ vocab, dModel, layers, heads, dFF, context, preNorm }) with the
 * given words (vocabulary[0] '<s>', [1] '<unk>') and values from value(tensorIndex, i): int8
 * entries (−127 … 127) for quantised tensors with a float16 scale from scaleBits(tensorIndex, row),
 * float32 values for the others.
 */
export function writeWeights(config, vocabulary, { value = () => 0, scaleBits = () => 0x2000 } = {}) {
  const text = new TextEncoder().encode(vocabulary.join('\n'));
  const shapes = tensorShapes(config);
  const size = round4(HEADER_BYTES + text.length) + shapes.reduce((s, t) => s + 12 + tensorDataBytes(t), 0);
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  bytes.set([0x41, 0x54, 0x4c, 0x4d]); // "ATLM"
  const head = [1, config.vocab, config.dModel, config.layers, config.heads, config.dFF, config.context, config.preNorm ? 1 : 0, shapes.length, text.length];
  head.forEach((v, i) => view.setUint32(4 + 4 * i, v, true));
  bytes.set(text, HEADER_BYTES);
  let at = round4(HEADER_BYTES + text.length);
  shapes.forEach((t, k) => {
    view.setUint32(at, t.rows, true); view.setUint32(at + 4, t.cols, true); view.setUint32(at + 8, t.quantised ? 1 : 0, true);
    at += 12;
    const count = t.rows * t.cols;
    if (t.quantised) {
      for (let r = 0; r < t.rows; r++) view.setUint16(at + 2 * r, scaleBits(k, r), true);
      for (let i = 0; i < count; i++) view.setInt8(at + 2 * t.rows + i, Math.max(-127, Math.min(127, Math.round(value(k, i)))));
    } else {
      for (let i = 0; i < count; i++) view.setFloat32(at + 4 * i, value(k, i), true);
    }
    at += tensorDataBytes(t);
  });
  return bytes;
}
