// bar-chart.js — horizontal bars with their values as text (softmax shares, exponentials, dot
// products). Negative values extend left of a zero line. The chart is a <ul> of "label: value"
// items, so it reads as a list to screen readers; the bars themselves are decorative.

import { domFor, uid, clear, setText, setHidden } from '../lib/dom.js';
import { formatNumber, displayLabel } from '../lib/format.js';
import { barDomain, barGeometry, zeroPercent } from './bar-layout.js';

/**
 * createBarChart(container, { label }) →
 *   { update({ bars: [{ label, value, note? }], domain?: [min, max], format?: (v) => string }), destroy() }
 */
export function createBarChart(container, { label = 'Bar chart' } = {}) {
  const { el } = domFor(container);
  const id = uid('al-bars');
  const title = el('p', { class: 'al-view-title', id: `${id}-title` }, label);
  const list = el('ul', { class: 'al-bars', 'aria-labelledby': `${id}-title` });
  const root = el('div', { class: 'al-barchart' }, title, list);
  container.appendChild(root);
  let rows = [];

  function buildRow() {
    const name = el('span', { class: 'al-bar-label' });
    const bar = el('span', { class: 'al-bar' });
    const zero = el('span', { class: 'al-bar-zero' });
    const track = el('span', { class: 'al-bar-track', 'aria-hidden': 'true' }, zero, bar);
    const value = el('span', { class: 'al-bar-value' });
    const note = el('span', { class: 'al-bar-note' });
    const li = el('li', { class: 'al-bar-row' }, name, el('span', { class: 'al-sr-only' }, ': '), track, value, note);
    list.appendChild(li);
    return { li, name, bar, zero, value, note };
  }

  return {
    element: root,
    update({ bars = [], domain, format } = {}) {
      const fmt = typeof format === 'function' ? format : (v) => formatNumber(v, 2);
      const dom = barDomain(bars.map((b) => b.value), domain);
      const z = zeroPercent(dom);
      if (rows.length !== bars.length) {
        clear(list);
        rows = bars.map(buildRow);
      }
      bars.forEach((b, i) => {
        const r = rows[i];
        const text = displayLabel(b.label, i + 1);
        setText(r.name, text);
        const g = barGeometry(b.value, dom);
        r.bar.style.left = `${g.start}%`;
        r.bar.style.width = `${g.width}%`;
        r.bar.classList.toggle('al-negative', g.negative);
        r.zero.style.left = `${z}%`;
        setText(r.value, fmt(b.value));
        setText(r.note, b.note ? ` (${b.note})` : '');
        setHidden(r.note, !b.note);
      });
    },
    destroy() {
      root.remove();
      rows = [];
    },
  };
}
