// line-chart.js — an appending line chart (SVG) for live training curves: several series over
// one x axis (e.g. training loss and held-out accuracy over steps), each with its own y range,
// told apart by dash pattern as well as colour. Draws what it is given; its text alternative is a
// sentence the caller supplies (the model words the numbers). No maths beyond placing points.
import { domFor, uid } from '../lib/dom.js';

const W = 480, H = 180, PAD = { left: 40, right: 40, top: 12, bottom: 28 };
const MAX_DRAWN = 600; // points per polyline; longer histories are thinned evenly

/**
 * createLineChart(container, { label, xLabel, series: [{ name, min, max (null = from the data),
 * className, axis: 'left' | 'right' }] }) → { update({ points: [{ x, values }], summary }), destroy() }.
 */
export function createLineChart(container, { label, xLabel = 'step', series }) {
  const { el, svg } = domFor(container);
  const descId = uid('al-chart-desc');
  const lines = series.map((s) => svg('polyline', { class: `al-chart-line ${s.className ?? ''}`, fill: 'none' }));
  const axisText = series.map((s) => svg('text', { class: 'al-chart-axis', x: s.axis === 'right' ? W - PAD.right + 4 : 2, y: PAD.top + 8 }, ''));
  const xText = svg('text', { class: 'al-chart-axis', x: W - PAD.right, y: H - 8, 'text-anchor': 'end' }, '');
  const frame = svg('rect', { class: 'al-chart-frame', x: PAD.left, y: PAD.top, width: W - PAD.left - PAD.right, height: H - PAD.top - PAD.bottom, fill: 'none' });
  const chart = svg('svg', { class: 'al-chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': label, 'aria-describedby': descId },
    frame, ...lines, ...axisText, xText, svg('text', { class: 'al-chart-axis', x: PAD.left, y: H - 8 }, `0 ${xLabel}s`));
  const legend = el('ul', { class: 'al-chart-legend' }, ...series.map((s) => el('li', {}, el('span', { class: `al-chart-key ${s.className ?? ''}`, 'aria-hidden': 'true' }), s.name)));
  const desc = el('p', { class: 'al-chart-summary', id: descId });
  const root = el('figure', { class: 'al-line-chart' }, el('figcaption', {}, label), chart, legend, desc);
  container.append(root);

  return {
    update({ points, summary }) {
      desc.textContent = summary;
      const xMax = Math.max(10, points.length ? points[points.length - 1].x : 0);
      xText.textContent = `${Math.round(xMax)} ${xLabel}s`;
      const stride = Math.max(1, Math.ceil(points.length / MAX_DRAWN));
      series.forEach((s, i) => {
        const vals = points.map((p) => p.values[i]).filter((v) => v !== null && Number.isFinite(v));
        const lo = s.min ?? Math.min(0, ...vals);
        const hi = s.max ?? Math.max(lo + 1e-6, ...vals);
        axisText[i].textContent = `${s.name}: ${lo}–${Number(hi.toPrecision(2))}`;
        axisText[i].setAttribute('y', String(PAD.top + 10 + 12 * i));
        const xy = [];
        for (let k = 0; k < points.length; k += stride) {
          const v = points[k].values[i];
          if (v === null || !Number.isFinite(v)) continue;
          const x = PAD.left + (points[k].x / xMax) * (W - PAD.left - PAD.right);
          const y = PAD.top + (1 - (v - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);
          xy.push(`${x.toFixed(1)},${y.toFixed(1)}`);
        }
        lines[i].setAttribute('points', xy.join(' '));
      });
    },
    destroy() { root.remove(); },
  };
}
