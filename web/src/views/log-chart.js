// log-chart.js — a log–log line chart in SVG (step 15's time and memory charts): series
// [{ name, points: [[x, y]], shape: 'circle' | 'square' }], axis titles, a tick formatter, and
// where the legend goes ('top', the default, or 'bottom' when the lines run along the top).
// Draws what it is given; the geometry comes from log-scale.js.
import { domFor } from '../lib/dom.js';
import { decades, logScale } from './log-scale.js';

const W = 360, H = 240, M = { l: 74, r: 12, t: 12, b: 44 };

export function createLogChart(host, { title, titleId }) {
  const { el, svg } = domFor(host);
  const heading = el('p', { class: 'al-view-title', id: titleId }, title);
  const plot = svg('svg', { class: 'cost-chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': titleId });
  host.append(heading, plot);
  const dot = (s, k, x, y) => (s.shape === 'square'
    ? svg('rect', { x: x - 4, y: y - 4, width: 8, height: 8, class: `cost-chart-dot scene-series-${k}` })
    : svg('circle', { cx: x, cy: y, r: 4.5, class: `cost-chart-dot scene-series-${k}` }));
  return {
    update({ series, xTitle, yTitle, yFormat, base = 10, legendAt = 'top' }) {
      plot.replaceChildren();
      const all = series.flatMap((s) => s.points);
      if (!all.length) {
        plot.append(svg('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'cost-chart-text' }, 'No measurements yet'));
        return;
      }
      const xs = [...new Set(all.map((p) => p[0]))].sort((a, b) => a - b);
      const { domain, ticks } = decades(Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[1])), base);
      const sx = logScale([xs[0], xs.length > 1 ? xs[xs.length - 1] : xs[0] * 2], [M.l, W - M.r]);
      const sy = logScale(domain, [H - M.b, M.t]);
      for (const t of ticks) {
        const y = sy(t);
        plot.append(svg('line', { x1: M.l, x2: W - M.r, y1: y, y2: y, class: 'cost-chart-grid' }),
          svg('text', { x: M.l - 6, y: y + 4, 'text-anchor': 'end', class: 'cost-chart-text' }, yFormat(t)));
      }
      for (const x of xs) plot.append(svg('text', { x: sx(x), y: H - M.b + 16, 'text-anchor': 'middle', class: 'cost-chart-text' }, String(x)));
      plot.append(
        svg('line', { x1: M.l, x2: W - M.r, y1: H - M.b, y2: H - M.b, class: 'cost-chart-axis' }),
        svg('line', { x1: M.l, x2: M.l, y1: M.t, y2: H - M.b, class: 'cost-chart-axis' }),
        svg('text', { x: (M.l + W - M.r) / 2, y: H - 4, 'text-anchor': 'middle', class: 'cost-chart-title' }, xTitle),
        svg('text', { x: 12, y: (M.t + H - M.b) / 2, 'text-anchor': 'middle', class: 'cost-chart-title', transform: `rotate(-90 12 ${(M.t + H - M.b) / 2})` }, yTitle));
      series.forEach((s, k) => {
        const pts = s.points.map(([x, y]) => [sx(x), sy(y)]);
        plot.append(svg('polyline', { points: pts.map((p) => p.join(',')).join(' '), class: `cost-chart-line scene-series-${k}` }));
        for (const [x, y] of pts) plot.append(dot(s, k, x, y));
        const ly = legendAt === 'bottom' ? H - M.b - 10 - (series.length - 1 - k) * 16 : M.t + 8 + k * 16;
        plot.append(dot(s, k, M.l + 14, ly), svg('text', { x: M.l + 24, y: ly + 4, class: 'cost-chart-text' }, s.name));
      });
    },
  };
}
