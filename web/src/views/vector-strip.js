// vector-strip.js — one token's vector as a strip of coloured cells (the diverging scale,
// symmetric around 0 over the strip's own largest |value|), for the boxes of the block view.
// Decorative (aria-hidden): the caller prints the numbers as text. Draws what it is given.
import { domFor } from '../lib/dom.js';
import { colorFor } from './color.js';

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
      const cell = canvas.width / values.length;
      values.forEach((v, i) => {
        g.fillStyle = colorFor(v, 'diverging', domain);
        g.fillRect(Math.floor(i * cell), 0, Math.ceil(cell), canvas.height);
      });
    },
    destroy() { canvas.remove(); },
  };
}
