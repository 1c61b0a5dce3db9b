// line-chart.js — an appending line chart (SVG) for live training curves: several series over
// one x axis (e.g. training loss and held-out accuracy over steps), each on the left or the right
// scale, told apart by dash pattern as well as colour. The scales' ends are printed at the frame's
// corners and each series' range in the legend. Draws what it is given; its text alternative is a
// sentence the caller supplies (the model words the numbers). No maths beyond placing points.
import { domFor, uid, setText } from '../lib/dom.js';
import { formatNumber } from '../lib/format.js';

const W = 480, H = 180, PAD = { left: 44, right: 44, top: 12, bottom: 28 };
const MAX_DRAWN = 600; // points per polyline; longer histories are thinned evenly
const short = (v) => formatNumber(v, Math.abs(v) >= 10 || Number.isInteger(v) ? 0 : 2);

/**
 * createLineChart(container, { label, xLabel, series: [{ name, min, max (null = from the data),
 * className, axis: 'left' | 'right' }] }) → { update({ points: [{ x, values }], summary }), destroy() }.
 * Series on the same side share the first such series' printed scale.
 */
export function createLineChart(container, { label, xLabel = 'step', series }) {
  const { el, svg } = domFor(container);
  const descId = uid('al-chart-desc');
  const lines = series.map((s) => svg('polyline', { class: `al-chart-line ${s.className ?? ''}`, fill: 'none' }));
  const scaleText = (x, y, anchor) => svg('text', { class: 'al-chart-axis', x, y, 'text-anchor': anchor }, '');
  const ends = {
    left: { top: scaleText(PAD.left - 4, PAD.top + 8, 'end'), bottom: scaleText(PAD.left - 4, H - PAD.bottom, 'end') },
    right: { top: scaleText(W - PAD.right + 4, PAD.top + 8, 'start'), bottom: scaleText(W - PAD.right + 4, H - PAD.bottom, 'start') },
  };
  const xText = svg('text', { class: 'al-chart-axis', x: W - PAD.right, y: H - 8, 'text-anchor': 'end' }, '');
  const frame = svg('rect', { class: 'al-chart-frame', x: PAD.left, y: PAD.top, width: W - PAD.left - PAD.right, height: H - PAD.top - PAD.bottom, fill: 'none' });
  const chart = svg('svg', { class: 'al-chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': label, 'aria-describedby': descId },
    frame, ...lines, ends.left.top, ends.left.bottom, ends.right.top, ends.right.bottom, xText,
    svg('text', { class: 'al-chart-axis', x: PAD.left, y: H - 8 }, `0 ${xLabel}s`));
  const ranges = series.map(() => el('span', { class: 'al-chart-range' }));
  const legend = el('ul', { class: 'al-chart-legend' }, ...series.map((s, i) => el('li', {},
    el('span', { class: `al-chart-key ${s.className ?? ''}`, 'aria-hidden': 'true' }), s.name, ' ', ranges[i])));
  const desc = el('p', { class: 'al-chart-summary', id: descId });
  const root = el('figure', { class: 'al-line-chart' }, el('figcaption', {}, label), chart, legend, desc);
  container.append(root);

  return {
    update({ points, summary }) {
      setText(desc, summary);
      const xMax = Math.max(10, points.length ? points[points.length - 1].x : 0);
      setText(xText, `${Math.round(xMax)} ${xLabel}s`);
      const stride = Math.max(1, Math.ceil(points.length / MAX_DRAWN));
      const printed = new Set();
      series.forEach((s, i) => {
        const vals = points.map((p) => p.values[i]).filter((v) => v !== null && Number.isFinite(v));
        const lo = s.min ?? (vals.length ? Math.min(0, ...vals) : 0);
        const hi = s.max ?? (vals.length ? Math.max(lo + 1e-6, ...vals) : null);
        const side = s.axis === 'right' ? 'right' : 'left';
        setText(ranges[i], hi === null ? '(no points yet)' : `(${short(lo)} to ${short(hi)}, ${side} scale)`);
        if (!printed.has(side)) {
          printed.add(side);
          setText(ends[side].top, hi === null ? '' : short(hi));
          setText(ends[side].bottom, short(lo));
        }
        const xy = [];
        if (hi !== null) {
          for (let k = 0; k < points.length; k += stride) {
            const v = points[k].values[i];
            if (v === null || !Number.isFinite(v)) continue;
            const x = PAD.left + (points[k].x / xMax) * (W - PAD.left - PAD.right);
            const y = PAD.top + (1 - (v - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);
            xy.push(`${x.toFixed(1)},${y.toFixed(1)}`);
          }
        }
        lines[i].setAttribute('points', xy.join(' '));
      });
    },
    destroy() { root.remove(); },
  };
}
