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
  return {
    element: canvas,
    update(values) {
      const ratio = Math.min(2, win?.devicePixelRatio || 1);
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
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
