// line-chart.js — an appending line chart (SVG) for live training curves: several series over
// one x axis (e.g. training loss and held-out accuracy over steps), each on the left or the right
// scale, told apart by dash pattern as well as colour. The scales' ends are printed at the frame's
// corners and each series' range in the legend. Guides are fixed horizontal lines (a target, such
// as 95 % held-out accuracy) on one scale, labelled in the frame and listed in the legend, so the
// line has words outside the picture too. Draws what it is given; its text alternative is a
// sentence the caller supplies (the model words the numbers). No maths beyond placing points.
import { domFor, uid, setText } from '../lib/dom.js';
import { formatNumber } from '../lib/format.js';

const W = 480, H = 180, PAD = { left: 44, right: 44, top: 12, bottom: 28 };
const MAX_DRAWN = 600; // points per polyline; longer histories are thinned evenly
const short = (v) => formatNumber(v, Math.abs(v) >= 10 || Number.isInteger(v) ? 0 : 2);

/**
 * createLineChart(container, { label, xLabel, series: [{ name, min, max (null = from the data),
 * className, axis: 'left' | 'right' }], guides: [{ value, label, mark (short text in the frame;
 * default label), axis }] })
 * → { update({ points: [{ x, values }], summary }), destroy() }.
 * Series on the same side share the first such series' printed scale; a guide is drawn on that
 * scale (hidden while the scale is unknown or the value lies outside it).
 */
export function createLineChart(container, { label, xLabel = 'step', series, guides = [] }) {
  const { el, svg } = domFor(container);
  const descId = uid('al-chart-desc');
  const lines = series.map((s) => svg('polyline', { class: `al-chart-line ${s.className ?? ''}`, fill: 'none' }));
  const scaleText = (x, y, anchor) => svg('text', { class: 'al-chart-axis', x, y, 'text-anchor': anchor }, '');
  const ends = {
    left: { top: scaleText(PAD.left - 4, PAD.top + 8, 'end'), bottom: scaleText(PAD.left - 4, H - PAD.bottom, 'end') },
    right: { top: scaleText(W - PAD.right + 4, PAD.top + 8, 'start'), bottom: scaleText(W - PAD.right + 4, H - PAD.bottom, 'start') },
  };
  const xText = svg('text', { class: 'al-chart-axis', x: W - PAD.right, y: H - 8, 'text-anchor': 'end' }, '');
  const guideMarks = guides.map((g) => ({
    at: null, // the last drawn position
    line: svg('line', { class: 'al-chart-guide', x1: PAD.left, x2: W - PAD.right, visibility: 'hidden' }),
    text: svg('text', { class: 'al-chart-guide-label', x: PAD.left + 4, 'text-anchor': 'start', visibility: 'hidden' }, g.mark ?? g.label),
  }));
  const frame = svg('rect', { class: 'al-chart-frame', x: PAD.left, y: PAD.top, width: W - PAD.left - PAD.right, height: H - PAD.top - PAD.bottom, fill: 'none' });
  const chart = svg('svg', { class: 'al-chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': label, 'aria-describedby': descId },
    frame, ...guideMarks.flatMap((m) => [m.line, m.text]), ...lines, ends.left.top, ends.left.bottom, ends.right.top, ends.right.bottom, xText,
    svg('text', { class: 'al-chart-axis', x: PAD.left, y: H - 8 }, `0 ${xLabel}s`));
  const ranges = series.map(() => el('span', { class: 'al-chart-range' }));
  const legend = el('ul', { class: 'al-chart-legend' }, ...series.map((s, i) => el('li', {},
    el('span', { class: `al-chart-key ${s.className ?? ''}`, 'aria-hidden': 'true' }), s.name, ' ', ranges[i])),
  ...guides.map((g) => el('li', { class: 'al-chart-guide-item' },
    el('span', { class: 'al-chart-key al-chart-guide-key', 'aria-hidden': 'true' }),
    `${g.label} (thin line across the chart, ${g.axis === 'right' ? 'right' : 'left'} scale)`)));
  const desc = el('p', { class: 'al-chart-summary', id: descId });
  const root = el('figure', { class: 'al-line-chart' }, el('figcaption', {}, label), chart, legend, desc);
  container.append(root);

  return {
    update({ points, summary }) {
      setText(desc, summary);
      const xMax = Math.max(10, points.length ? points[points.length - 1].x : 0);
      setText(xText, `${Math.round(xMax)} ${xLabel}s`);
      const stride = Math.max(1, Math.ceil(points.length / MAX_DRAWN));
      const printed = new Map(); // side → [lo, hi] of the scale printed there
      series.forEach((s, i) => {
        const vals = points.map((p) => p.values[i]).filter((v) => v !== null && Number.isFinite(v));
        const lo = s.min ?? (vals.length ? Math.min(0, ...vals) : 0);
        const hi = s.max ?? (vals.length ? Math.max(lo + 1e-6, ...vals) : null);
        const side = s.axis === 'right' ? 'right' : 'left';
        setText(ranges[i], hi === null ? '(no points yet)' : `(${short(lo)} to ${short(hi)}, ${side} scale)`);
        if (!printed.has(side)) {
          printed.set(side, hi === null ? null : [lo, hi]);
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
      guides.forEach((g, i) => {
        const scale = printed.get(g.axis === 'right' ? 'right' : 'left');
        const shown = Boolean(scale) && g.value >= scale[0] && g.value <= scale[1];
        const y = shown ? PAD.top + (1 - (g.value - scale[0]) / (scale[1] - scale[0])) * (H - PAD.top - PAD.bottom) : 0;
        const at = `${shown} ${y.toFixed(1)}`;
        if (guideMarks[i].at === at) return; // unchanged scale: no DOM writes
        guideMarks[i].at = at;
        guideMarks[i].line.setAttribute('y1', y.toFixed(1));
        guideMarks[i].line.setAttribute('y2', y.toFixed(1));
        // the label sits just below the line when the line is at the top of the frame
        guideMarks[i].text.setAttribute('y', (y - PAD.top < 12 ? y + 11 : y - 3).toFixed(1));
        for (const m of [guideMarks[i].line, guideMarks[i].text]) m.setAttribute('visibility', shown ? 'visible' : 'hidden');
      });
    },
    destroy() { root.remove(); },
  };
}
