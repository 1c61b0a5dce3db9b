// spread-chart.js — step 9's chart: measured spreads of q·k (dots) against a reference curve
// (dashed) over d_k on a log₂ axis from 1 to 1024, a marker at the current d_k, and the same points
// as a table for screen readers. Draws what it is given; computes no statistics.
import { domFor, setText } from '../lib/dom.js';
import { formatNumber } from '../lib/format.js';

const W = 340, H = 210, M = { l: 40, r: 26, t: 12, b: 36 };

export function createSpreadChart(host, { title }) {
  const { el, svg } = domFor(host);
  const chart = svg('svg', { class: 'spread-chart', viewBox: `0 0 ${W} ${H}`, 'aria-hidden': 'true' });
  const table = el('table', { class: 'scene-stats' });
  const heading = el('p', { class: 'al-view-title' }, title);
  host.append(heading, chart, table);
  return {
    // points: [{ dK, std, sqrt }], curve: [{ dK, value }], ticks: d_k values for the x axis.
    update({ points, curve, ticks, dK, title: t }) {
      if (t) setText(heading, t);
      const yMax = Math.max(34, ...points.map((p) => p.std)) * 1.05;
      const x = (d) => M.l + (Math.log2(d) / 10) * (W - M.l - M.r);
      const y = (v) => H - M.b - (v / yMax) * (H - M.t - M.b);
      const nodes = [
        svg('line', { class: 'scene-axis', x1: M.l, y1: H - M.b, x2: W - M.r, y2: H - M.b }),
        svg('line', { class: 'scene-axis', x1: M.l, y1: M.t, x2: M.l, y2: H - M.b }),
      ];
      for (const v of [0, 8, 16, 24, 32]) nodes.push(svg('text', { x: M.l - 6, y: y(v) + 4, 'text-anchor': 'end' }, String(v)));
      for (const d of ticks) nodes.push(svg('text', { x: x(d), y: H - M.b + 16, 'text-anchor': 'middle' }, String(d)));
      nodes.push(svg('text', { x: (W + M.l) / 2, y: H - 4, 'text-anchor': 'middle' }, 'd_k (log scale)'));
      nodes.push(svg('polyline', { class: 'scene-curve', points: curve.map((c) => `${x(c.dK).toFixed(1)},${y(c.value).toFixed(1)}`).join(' ') }));
      nodes.push(svg('line', { class: 'scene-axis', x1: x(dK), y1: M.t, x2: x(dK), y2: H - M.b, 'stroke-dasharray': '2 3' }));
      for (const p of points) nodes.push(svg('circle', { class: 'scene-dot', cx: x(p.dK), cy: y(p.std), r: 5 }));
      chart.replaceChildren(...nodes);
      table.replaceChildren(
        el('caption', { class: 'al-sr-only' }, 'Measured spread of q·k against √d_k'),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'd_k'), el('th', { scope: 'col' }, 'measured spread'), el('th', { scope: 'col' }, '√d_k'))),
        el('tbody', {}, ...points.map((p) => el('tr', {}, el('th', { scope: 'row' }, String(p.dK)), el('td', {}, formatNumber(p.std)), el('td', {}, formatNumber(p.sqrt))))));
    },
  };
}
