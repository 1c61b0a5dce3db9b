// Sizing the boxes of the matrix-form step's shape diagram. Pure geometry, no DOM.

// Pixel size of a box drawing a rows × cols matrix in the shape diagram: grows with the square
// root of each side (so 512 is visibly wider than 8 without leaving the screen), clamped.
export function boxSize(rows, cols, { min = 18, max = 140, unit = 14 } = {}) {
  const side = (k) => Math.round(Math.max(min, Math.min(max, unit * Math.sqrt(Math.max(1, k)))));
  return { width: side(cols), height: side(rows) };
}
