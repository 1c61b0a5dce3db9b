// legend.js — colour legend for a matrix view: the numeric range of the stage shown, the colour
// ramp (sequential cividis or diverging), and a hatched "−∞ masked" entry when cells are masked
// ("0.00 masked … weight 0" for softmax weights, maskedAs: 'weight').

import { domFor, uid, setText, setHidden } from '../lib/dom.js';
import { rampStops } from './color.js';
import { formatNumber, NEG_INF } from '../lib/format.js';
import { maskedMark, maskedMeaning } from './cell-text.js';

/** Words for a ramp's ends, so colour is never the only carrier of the meaning. */
export function legendDescription({ scale, domain, digits = 2, stage = 'values' }) {
  const [lo, hi] = domain;
  if (scale === 'diverging') {
    return `Colour scale for ${stage}: blue for negative values down to ${formatNumber(lo, digits)}, `
      + `white for 0, red for positive values up to ${formatNumber(hi, digits)}.`;
  }
  return `Colour scale for ${stage}: dark blue for ${formatNumber(lo, digits)} `
    + `through grey to yellow for ${formatNumber(hi, digits)}.`;
}

/** createLegend(container) → { update({ scale, domain, digits, stage, maskedCount, maskedAs }), destroy() } */
export function createLegend(container) {
  const { el } = domFor(container);
  const id = uid('al-legend');
  const desc = el('span', { class: 'al-sr-only', id: `${id}-desc` });
  const minText = el('span', { class: 'al-legend-min' });
  const midText = el('span', { class: 'al-legend-mid' });
  const maxText = el('span', { class: 'al-legend-max' });
  const ramp = el('span', { class: 'al-legend-ramp', 'aria-hidden': 'true' });
  const scaleBox = el('span', { class: 'al-legend-scale', 'aria-hidden': 'true' },
    ramp, el('span', { class: 'al-legend-ticks' }, minText, midText, maxText));
  const masked = el('span', { class: 'al-legend-masked', hidden: true },
    el('span', { class: 'al-legend-swatch al-hatch', 'aria-hidden': 'true' }, NEG_INF),
    el('span', { class: 'al-legend-masked-text' }));
  const root = el('div', { class: 'al-legend' }, desc, scaleBox, masked);
  container.appendChild(root);

  let lastScale = null;
  return {
    element: root,
    update({ scale = 'sequential', domain = [0, 1], digits = 2, stage = 'values', maskedCount = 0, maskedAs }) {
      if (scale !== lastScale) {
        const stops = rampStops(scale, 11);
        ramp.style.backgroundImage = `linear-gradient(to right, ${stops.join(', ')})`;
        lastScale = scale;
      }
      setText(desc, legendDescription({ scale, domain, digits, stage }));
      setText(minText, formatNumber(domain[0], digits));
      setText(maxText, formatNumber(domain[1], digits));
      setText(midText, scale === 'diverging' ? formatNumber(0, digits) : '');
      setHidden(masked, !(maskedCount > 0));
      setText(masked.firstChild, maskedMark({ maskedAs, digits }));
      // the swatch prints the mark as the cells do: −∞ in bold, a masked weight's 0.00 in the values' type
      if (masked.firstChild.classList.contains('al-legend-swatch-weight') !== (maskedAs === 'weight')) masked.firstChild.classList.toggle('al-legend-swatch-weight', maskedAs === 'weight');
      setText(masked.lastChild, `masked (${maskedCount} ${maskedCount === 1 ? 'cell' : 'cells'}): key hidden from query${maskedAs === 'weight' ? `, ${maskedMeaning({ maskedAs })}` : ''}`);
    },
    destroy() {
      root.remove();
    },
  };
}
