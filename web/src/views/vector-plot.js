// vector-plot.js — a 2-D SVG plot of labelled points and arrows (dot-product scene, "gravity"
// meaning plot). Movable points can be dragged with a pointer (mouse, pen, touch) or focused and
// moved with the arrow keys (0.1; Shift: 1). A text readout and a visually hidden list give the
// positions as text. No live region: the caller announces changes.

import { domFor, uid, clear, setText, setHidden, setAttrs } from '../lib/dom.js';
import { formatNumber, quoteLabel } from '../lib/format.js';
import { ticks, niceStep, linearScale, clampRound, keyMove, arrowHead, placeLabels } from './plot-math.js';

const W = 320;
const H = 316;
const M = { left: 44, right: 14, top: 14, bottom: 40 };
const SHAPES = { query: 'diamond', key: 'square', value: 'triangle' };

function shapePath(shape, r) {
  switch (shape) {
    case 'diamond': return `M0 ${-r * 1.3}L${r * 1.3} 0L0 ${r * 1.3}L${-r * 1.3} 0Z`;
    case 'square': return `M${-r} ${-r}H${r}V${r}H${-r}Z`;
    case 'triangle': return `M0 ${-r * 1.3}L${r * 1.2} ${r * 0.9}H${-r * 1.2}Z`;
    default: return `M${-r} 0A${r} ${r} 0 1 0 ${r} 0A${r} ${r} 0 1 0 ${-r} 0Z`;
  }
}

const kindClass = (kind) => `al-kind-${String(kind || 'default').replace(/[^a-z0-9_-]/gi, '')}`;
const xy = (x, y) => `(${formatNumber(x, 2)}, ${formatNumber(y, 2)})`;

/**
 * createVectorPlot(container, { label, xLabel, yLabel, range: [min, max], onMove(index, [x, y]) })
 * → { update({ points: [{label, x, y, movable, kind}], arrows: [{from, to, label, kind}] }), destroy() }
 */
export function createVectorPlot(container, options = {}) {
  const { label = 'Vector plot', xLabel = 'x', yLabel = 'y', onMove } = options;
  const range = options.range ?? [-3, 3];
  const { el, svg } = domFor(container);
  const id = uid('al-vp');
  const sx = linearScale(range, [M.left, W - M.right]);
  const sy = linearScale(range, [H - M.bottom, M.top]);

  const title = el('p', { class: 'al-view-title', id: `${id}-title` }, label);
  const plot = svg('svg', {
    class: 'al-vplot-svg', viewBox: `0 0 ${W} ${H}`, role: 'group', 'aria-labelledby': `${id}-title`,
  });
  const gridLayer = svg('g', { class: 'al-vplot-grid', 'aria-hidden': 'true' });
  const arrowLayer = svg('g', { class: 'al-vplot-arrows', 'aria-hidden': 'true' });
  const pointLayer = svg('g', { class: 'al-vplot-points' });
  plot.append(gridLayer, arrowLayer, pointLayer);
  const readout = el('p', { class: 'al-readout' });
  const hint = el('p', { class: 'al-hint', id: `${id}-hint`, hidden: true },
    'Drag a point, or focus it with Tab and use the arrow keys (Shift + arrow for steps of 1).');
  const list = el('ul');
  const listBox = el('div', { class: 'al-sr-only' }, el('p', null, `Positions in ${label}:`), list);
  const descBox = el('div', { hidden: true }); // aria-describedby targets for the movable points
  const root = el('div', { class: 'al-vplot' }, title, plot, readout, hint, listBox, descBox);
  container.appendChild(root);

  drawGrid();

  let points = [];
  let arrows = [];
  let pointNodes = [];
  let structureKey = null;
  let active = -1;
  let drag = null;

  function drawGrid() {
    const [lo, hi] = range;
    const step = niceStep(hi - lo, 6);
    const digits = step >= 1 ? 0 : step >= 0.1 ? 1 : 2;
    for (const t of ticks(lo, hi, 6)) {
      const isZero = Math.abs(t) < 1e-12;
      gridLayer.append(
        svg('line', { x1: sx(t), x2: sx(t), y1: sy(lo), y2: sy(hi), class: isZero ? 'al-axis' : 'al-gridline' }),
        svg('line', { x1: sx(lo), x2: sx(hi), y1: sy(t), y2: sy(t), class: isZero ? 'al-axis' : 'al-gridline' }),
        svg('text', { x: sx(t), y: sy(lo) + 14, 'text-anchor': 'middle', class: 'al-tick' }, formatNumber(t, digits)),
        svg('text', { x: sx(lo) - 6, y: sy(t) + 4, 'text-anchor': 'end', class: 'al-tick' }, formatNumber(t, digits)),
      );
    }
    gridLayer.append(
      svg('rect', { x: sx(lo), y: sy(hi), width: sx(hi) - sx(lo), height: sy(lo) - sy(hi), class: 'al-plot-frame' }),
      svg('text', { x: (sx(lo) + sx(hi)) / 2, y: H - 6, 'text-anchor': 'middle', class: 'al-axis-label' }, xLabel),
      svg('text', { x: 12, y: (sy(lo) + sy(hi)) / 2, 'text-anchor': 'middle', class: 'al-axis-label',
        transform: `rotate(-90 12 ${(sy(lo) + sy(hi)) / 2})` }, yLabel),
    );
  }

  function positionText(p) {
    return `${quoteLabel(p.label)}: x ${formatNumber(p.x, 2)}, y ${formatNumber(p.y, 2)}`;
  }

  function renderList() {
    clear(list);
    points.forEach((p) => list.appendChild(el('li', null, `${p.movable ? 'movable point' : 'point'} ${positionText(p)}`)));
    arrows.forEach((a) => list.appendChild(el('li', null,
      `arrow${a.label ? ` ${quoteLabel(a.label)}` : ''} from ${xy(a.from[0], a.from[1])} to ${xy(a.to[0], a.to[1])}`)));
  }

  function renderReadout() {
    const p = points[active];
    if (p) setText(readout, positionText(p));
    else setText(readout, points.map(positionText).join(' \u00B7 '));
  }

  function placePoint(i) {
    const p = points[i];
    const node = pointNodes[i];
    if (!node) return;
    const px = sx(clampRound(p.x, range, 6));
    const py = sy(clampRound(p.y, range, 6));
    setAttrs(node.g, { transform: `translate(${px.toFixed(2)} ${py.toFixed(2)})` }); // (only a moved point is written)
    if (node.desc) setText(node.desc, `x ${formatNumber(p.x, 2)}, y ${formatNumber(p.y, 2)}.`);
  }

  // A label's width, measured once per label node (its text and 13 px font never change): measuring
  // it forces a layout, and doing so on every move of a drag cost up to 2.6 ms a change (step 5).
  // A plot not laid out yet measures 0 and is measured again next time.
  function labelWidth(i, p) {
    const node = pointNodes[i];
    if (node && !(node.width > 0)) node.width = node.text.getComputedTextLength?.() || 0;
    return node?.width || 7 * String(p.label ?? '').length;
  }

  // Every label beside its own dot: slots chosen so no label covers another dot or label, or sits
  // nearer another dot than its own (plot-math.js placeLabels).
  function placeAllLabels() {
    const at = points.map((p, i) => ({
      x: sx(clampRound(p.x, range, 6)),
      y: sy(clampRound(p.y, range, 6)),
      width: labelWidth(i, p),
    }));
    const segments = arrows.map((a) => [[sx(clampRound(a.from[0], range, 6)), sy(clampRound(a.from[1], range, 6))], [sx(clampRound(a.to[0], range, 6)), sy(clampRound(a.to[1], range, 6))]]);
    const slots = placeLabels(at, { left: 2, right: W - 2, top: 0, bottom: H - M.bottom + 10 }, 9, segments); // (2: room for the letters' outline)
    slots.forEach((slot, i) => {
      const text = pointNodes[i]?.text;
      if (!text) return;
      setAttrs(text, { x: slot.dx, y: slot.dy, 'text-anchor': slot.anchor });
    });
  }

  function move(i, next) {
    const p = points[i];
    if (!p || (p.x === next[0] && p.y === next[1])) return;
    p.x = next[0];
    p.y = next[1];
    active = i;
    placePoint(i);
    placeAllLabels();
    renderReadout();
    renderList();
    if (onMove) onMove(i, [p.x, p.y]);
  }

  function toData(e) {
    const ctm = plot.getScreenCTM();
    if (!ctm) return null;
    const pt = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    return [clampRound(sx.invert(pt.x), range), clampRound(sy.invert(pt.y), range)];
  }

  function buildPoints() {
    clear(pointLayer);
    pointNodes = points.map((p, i) => {
      const shape = SHAPES[p.kind] ?? 'circle';
      const text = svg('text', { class: 'al-point-label' }, p.label ?? '');
      const g = svg('g', { class: `al-point ${kindClass(p.kind)}${p.movable ? ' al-movable' : ''}` });
      let desc = null;
      if (p.movable) {
        desc = el('span', { id: `${id}-p${i}-desc` });
        g.setAttribute('tabindex', '0');
        g.setAttribute('role', 'button');
        g.setAttribute('aria-roledescription', 'movable point');
        g.setAttribute('aria-label', `${quoteLabel(p.label)}`);
        g.setAttribute('aria-describedby', `${id}-p${i}-desc ${id}-hint`);
        g.append(
          svg('circle', { r: 16, class: 'al-hit' }),
          svg('circle', { r: 14, class: 'al-focus-ring' }),
        );
        g.addEventListener('keydown', (e) => {
          const next = keyMove([points[i].x, points[i].y], e.key, e.shiftKey, range);
          if (!next) return;
          e.preventDefault();
          move(i, next);
        });
        g.addEventListener('focus', () => { active = i; renderReadout(); });
        g.addEventListener('pointerdown', (e) => {
          if (e.button !== 0) return;
          e.preventDefault();
          g.focus({ preventScroll: true });
          g.setPointerCapture?.(e.pointerId);
          drag = { i, pointerId: e.pointerId };
          g.classList.add('al-dragging');
        });
        // CSS touch-action is not honoured on SVG children in every browser: stop the page from
        // scrolling when a drag starts on a point (touches elsewhere on the plot still scroll).
        g.addEventListener('touchstart', (e) => { if (e.cancelable) e.preventDefault(); }, { passive: false });
        g.addEventListener('pointermove', (e) => {
          if (!drag || drag.pointerId !== e.pointerId || drag.i !== i) return;
          const next = toData(e);
          if (next) move(i, next);
        });
        const end = (e) => {
          if (!drag || drag.pointerId !== e.pointerId) return;
          drag = null;
          g.classList.remove('al-dragging');
        };
        g.addEventListener('pointerup', end);
        g.addEventListener('pointercancel', end);
      } else {
        g.setAttribute('aria-hidden', 'true');
      }
      g.append(svg('path', { d: shapePath(shape, 7), class: 'al-point-shape' }), text);
      pointLayer.appendChild(g);
      return { g, text, desc, width: 0 }; // width: the label's, once measured (labelWidth)
    });
    for (const n of pointNodes) if (n.desc) descBox.appendChild(n.desc);
  }

  function renderArrows() {
    clear(arrowLayer);
    for (const a of arrows) {
      const from = [sx(clampRound(a.from[0], range, 6)), sy(clampRound(a.from[1], range, 6))];
      const to = [sx(clampRound(a.to[0], range, 6)), sy(clampRound(a.to[1], range, 6))];
      const g = svg('g', { class: `al-arrow ${kindClass(a.kind)}` });
      const len0 = Math.hypot(to[0] - from[0], to[1] - from[1]);
      const ends = points.some((p) => Math.abs(p.x - a.to[0]) < 1e-9 && Math.abs(p.y - a.to[1]) < 1e-9);
      if (ends && len0 > 20) { // stop at the edge of the point drawn at the tip
        to[0] -= ((to[0] - from[0]) / len0) * 9;
        to[1] -= ((to[1] - from[1]) / len0) * 9;
      }
      const head = arrowHead(from, to, 10);
      const len = Math.hypot(to[0] - from[0], to[1] - from[1]);
      const shaft = len > 10 ? [to[0] - (to[0] - from[0]) * (8 / len), to[1] - (to[1] - from[1]) * (8 / len)] : to;
      g.appendChild(svg('line', { x1: from[0], y1: from[1], x2: shaft[0], y2: shaft[1], class: 'al-arrow-line' }));
      if (head) g.appendChild(svg('polygon', { points: head.map((q) => q.map((v) => v.toFixed(2)).join(',')).join(' '), class: 'al-arrow-head' }));
      if (a.label) {
        const mx = (from[0] + to[0]) / 2;
        const my = (from[1] + to[1]) / 2;
        g.appendChild(svg('text', { x: mx + 6, y: my - 6, class: 'al-arrow-label' }, a.label));
      }
      arrowLayer.appendChild(g);
    }
  }

  return {
    element: root,
    update({ points: nextPoints = [], arrows: nextArrows = [] } = {}) {
      points = nextPoints.map((p) => ({ ...p, x: Number(p.x), y: Number(p.y) }));
      arrows = nextArrows.map((a) => ({ ...a }));
      const key = JSON.stringify(points.map((p) => [p.label, !!p.movable, p.kind]));
      if (key !== structureKey) {
        for (const n of pointNodes) if (n.desc) n.desc.remove();
        buildPoints();
        structureKey = key;
        if (active >= points.length) active = -1;
      }
      points.forEach((_, i) => placePoint(i));
      placeAllLabels();
      setHidden(hint, !points.some((p) => p.movable));
      renderArrows();
      renderReadout();
      renderList();
    },
    destroy() {
      drag = null;
      root.remove();
    },
  };
}
