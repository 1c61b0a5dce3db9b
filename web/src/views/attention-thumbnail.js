// attention-thumbnail.js — a small picture of one n × n attention map for a grid of heads (the
// model view of BertViz): cells coloured on the sequential scale over [0, 1], masked cells (a
// causal row's later keys) in the masked colour. Decorative (aria-hidden): the caller gives the
// map its text alternative. Draws what it is given; computes nothing.
import { domFor } from '../lib/dom.js';
import { colorFor } from './color.js';

const CAUSAL = (i, j) => j > i; // a causal row's later keys are masked

/**
 * createAttentionThumbnail(container, { size }) → { element, update({ values, n, masked(i, j) }), destroy() }
 * size: the drawn width in CSS pixels.
 */
export function createAttentionThumbnail(container, { size = 112 } = {}) {
  const { el } = domFor(container);
  const canvas = el('canvas', { class: 'al-thumb', 'aria-hidden': 'true', width: size, height: size });
  container.appendChild(canvas);
  const win = container.ownerDocument.defaultView;
  const css = win?.getComputedStyle ? win.getComputedStyle(container) : null;
  const maskedBg = css?.getPropertyValue('--al-masked-bg').trim() || '#ececec';
  let drawn = null; // { values (a copy), n, masked, px } of the picture on the canvas
  return {
    element: canvas,
    update({ values, n, masked = CAUSAL }) {
      const ratio = Math.min(2, win?.devicePixelRatio || 1);
      const px = Math.round(size * ratio);
      // The same map again (another part of the scene changed): the canvas already shows it.
      if (drawn && drawn.n === n && drawn.px === px && drawn.masked === masked && sameNumbers(drawn.values, values, n * n)) return;
      if (canvas.width !== px) { canvas.width = px; canvas.height = px; }
      if (!drawn) {
        canvas.style.width = `${size}px`;
        canvas.style.height = `${size}px`;
      }
      const g = canvas.getContext('2d');
      if (!g) return;
      const cell = px / n;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          g.fillStyle = masked(i, j) ? maskedBg : colorFor(values[i * n + j], 'sequential', [0, 1]);
          g.fillRect(Math.floor(j * cell), Math.floor(i * cell), Math.ceil(cell), Math.ceil(cell));
        }
      }
      drawn = { values: Float64Array.from(values.slice(0, n * n)), n, masked, px };
    },
    destroy() { canvas.remove(); },
  };
}

function sameNumbers(a, b, count) {
  if (b.length < count) return false;
  for (let i = 0; i < count; i++) if (a[i] !== b[i] && !(a[i] !== a[i] && b[i] !== b[i])) return false;
  return true;
}
