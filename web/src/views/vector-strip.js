// vector-strip.js — one token's vector as a strip of coloured cells (the diverging scale,
// symmetric around 0 over the strip's own largest |value|), for the boxes of the block view.
// Decorative (aria-hidden): the caller prints the numbers as text. Draws what it is given.
import { domFor } from '../lib/dom.js';
import { cellPainter } from './color.js';

/** createVectorStrip(container, { width, height }) → { element, update(values), destroy() } */
export function createVectorStrip(container, { width = 288, height = 14 } = {}) {
  const { el } = domFor(container);
  const canvas = el('canvas', { class: 'al-vector-strip', 'aria-hidden': 'true', width, height });
  container.appendChild(canvas);
  const win = container.ownerDocument.defaultView;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  let drawn = null; // the values on the canvas now (a copy)
  return {
    element: canvas,
    update(values) {
      const ratio = Math.min(2, win?.devicePixelRatio || 1);
      const w = Math.round(width * ratio), h = Math.round(height * ratio);
      // (assigning a canvas size, even the same one, drops its pixels and makes new ones)
      const resized = canvas.width !== w || canvas.height !== h;
      if (resized) { canvas.width = w; canvas.height = h; }
      if (!resized && drawn && drawn.length === values.length && drawn.every((v, i) => v === values[i])) return;
      drawn = Array.from(values);
      const g = canvas.getContext('2d');
      if (!g) return;
      let m = 0;
      for (const v of values) m = Math.max(m, Math.abs(v));
      const domain = m > 0 ? [-m, m] : [-1, 1];
      // one pixel write per column from the heatmaps' colour table (16 strips of 48 fillStyle
      // strings cost about 2 ms of every change in step 24)
      const paint = cellPainter('diverging', domain);
      const img = g.createImageData(w, h);
      const row = new Uint8ClampedArray(4 * w); // one row of pixels, copied down the strip
      const n = values.length;
      for (let x = 0, o = 0; x < w; x++, o += 4) {
        const k = paint.index(values[Math.min(n - 1, Math.floor((x * n) / w))]);
        const q = 3 * k; // (a vector has no masked values: k ≥ 0)
        row[o] = paint.rgb[q]; row[o + 1] = paint.rgb[q + 1]; row[o + 2] = paint.rgb[q + 2]; row[o + 3] = 255;
      }
      for (let y = 0; y < h; y++) img.data.set(row, 4 * w * y);
      g.putImageData(img, 0, 0);
    },
    destroy() { canvas.remove(); },
  };
}
