// heatmap-draw.js — paints a heatmap onto a 2-D canvas context from a layout (heatmap-layout.js),
// the spec, the colour domain and theme colours: cells, hatched "−∞" masked cells, printed values,
// axis titles and labels, the dimmed/outlined locked row, the dashed highlight row, focus/hover.

import { cellPainter, isMasked } from './color.js';
import { formatNumber } from '../lib/format.js';
import { AXIS_BAND, PAD } from './heatmap-layout.js';
import { maskedMark } from './cell-text.js';

/** A diagonal hatch pattern (CSS px) for masked cells. */
export function makeHatchPattern(ctx, doc, theme) {
  const size = 8;
  const tile = doc.createElement('canvas');
  tile.width = size * 2;
  tile.height = size * 2;
  const t = tile.getContext('2d');
  t.fillStyle = theme.maskedBg;
  t.fillRect(0, 0, tile.width, tile.height);
  t.strokeStyle = theme.masked;
  t.lineWidth = 3;
  t.beginPath();
  for (let o = -tile.width; o <= tile.width * 2; o += size) {
    t.moveTo(o, tile.height);
    t.lineTo(o + tile.height, 0);
  }
  t.stroke();
  const pattern = ctx.createPattern(tile, 'repeat');
  if (pattern && pattern.setTransform && typeof DOMMatrix !== 'undefined') {
    pattern.setTransform(new DOMMatrix().scale(0.5)); // tile drawn at 2x, shown at 1x CSS px
  }
  return pattern;
}

const TILES = new WeakMap(); // canvas context → its one-pixel-per-cell canvas

// The cells as one image, one pixel per cell, scaled up without smoothing into the cell area.
// → false when the canvas cannot make the image (then the caller fills cell by cell).
function drawCellsAsImage(ctx, p, plain, faded, hasLock) {
  const { layout: L, spec } = p;
  const { rows, cols } = spec;
  const doc = ctx.canvas.ownerDocument;
  if (!doc || typeof ImageData === 'undefined') return false;
  let tile = TILES.get(ctx);
  if (!tile) { tile = doc.createElement('canvas'); TILES.set(ctx, tile); }
  if (tile.width !== cols || tile.height !== rows) { tile.width = cols; tile.height = rows; }
  const t = tile.getContext('2d');
  if (!t) return false;
  const img = new ImageData(cols, rows);
  const px = img.data;
  for (let r = 0; r < rows; r += 1) {
    const paint = hasLock && r !== p.locked ? faded : plain;
    for (let c = 0; c < cols; c += 1) {
      const k = paint.index(spec.values[r * cols + c]);
      const o = 4 * (r * cols + c);
      if (k < 0) continue; // transparent: hatched below
      px[o] = paint.rgb[3 * k];
      px[o + 1] = paint.rgb[3 * k + 1];
      px[o + 2] = paint.rgb[3 * k + 2];
      px[o + 3] = 255;
    }
  }
  t.putImageData(img, 0, 0);
  ctx.save();
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(tile, L.x0, L.y0, cols * L.cell, rows * L.cell);
  ctx.restore();
  return true;
}

function outlineRect(ctx, x, y, w, h, color, width, dash = []) {
  ctx.save();
  ctx.setLineDash(dash);
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.strokeRect(x + width / 2, y + width / 2, w - width, h - width);
  ctx.restore();
}

/**
 * @param {CanvasRenderingContext2D} ctx already scaled to CSS px
 * @param {object} p { layout, spec, domain, theme, pattern, focus, hover, locked, highlight, hasFocus }
 */
export function drawHeatmap(ctx, p) {
  const { layout: L, spec, domain, theme, pattern } = p;
  const { rows, cols } = spec;
  const digits = spec.digits ?? 2;
  const font = (px, weight = '') => `${weight} ${px}px ${theme.font}`.trim();

  ctx.clearRect(0, 0, L.cssWidth, L.cssHeight);
  ctx.fillStyle = theme.bg;
  ctx.fillRect(0, 0, L.cssWidth, L.cssHeight);

  // Axis titles.
  ctx.fillStyle = theme.muted;
  ctx.font = font(12, '600');
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  ctx.fillText(`${spec.colAxisTitle ?? 'key'} \u2192`, L.x0, PAD + AXIS_BAND / 2);
  ctx.save();
  ctx.translate(PAD + AXIS_BAND / 2, L.y0);
  ctx.rotate(Math.PI / 2); // reads top to bottom, the arrow points down the rows
  ctx.textAlign = 'left';
  ctx.fillText(`${spec.rowAxisTitle ?? 'query'} \u2192`, 0, 0);
  ctx.restore();

  // Token labels.
  ctx.fillStyle = theme.fg;
  ctx.font = font(L.labelFont);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (let r = 0; r < rows; r += 1) {
    const t = L.rowLabelTexts[r];
    if (t) ctx.fillText(t, L.x0 - 6, L.y0 + (r + 0.5) * L.cell);
  }
  for (let c = 0; c < cols; c += 1) {
    const t = L.colLabelTexts[c];
    if (!t) continue;
    const cx = L.x0 + (c + 0.5) * L.cell;
    if (L.colLabelMode === 'horizontal') {
      ctx.textAlign = 'center';
      ctx.textBaseline = 'bottom';
      ctx.fillText(t, cx, L.y0 - 4);
    } else {
      ctx.save();
      ctx.translate(cx, L.y0 - 5);
      ctx.rotate(-Math.PI / 2);
      ctx.textAlign = 'left';
      ctx.textBaseline = 'middle';
      ctx.fillText(t, 0, 0);
      ctx.restore();
    }
  }

  // Cells. With a locked row, every other row is faded toward the background, and each printed
  // value's colour is chosen on the faded fill (never drawn first and faded after), so it keeps its
  // contrast.
  const g = L.gap;
  const inner = L.cell - g;
  const hasLock = p.locked !== null && p.locked !== undefined && p.locked < rows;
  // Every cell text is centred; the two fonts (values, the masked mark "−∞" or "0.00") are set
  // only when they change, since each font assignment is parsed as CSS, and the mark's width is
  // measured once.
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const valueFont = font(L.valueFont);
  // "−∞" in bold; a masked weight's "0.00" in the values' own type, so it does not stand out
  const weightMark = spec.maskedAs === 'weight';
  const maskFontPx = weightMark ? L.valueFont : Math.max(9, Math.min(16, Math.round(L.cell * 0.32)));
  const maskFont = weightMark ? valueFont : font(maskFontPx, '700');
  let currentFont = '';
  let maskWidth = -1;
  const maskText = maskedMark(spec); // −∞, or 0.00 for a masked weight (spec.maskedAs)
  const useFont = (f) => { if (f !== currentFont) { ctx.font = f; currentFont = f; } };
  const plain = cellPainter(spec.scale, domain);
  const faded = hasLock ? cellPainter(spec.scale, domain, { dimWith: theme.bg }) : plain;
  if (g === 0 && !L.showValues && drawCellsAsImage(ctx, p, plain, faded, hasLock)) {
    // Small cells without gaps or printed values: one scaled image; masked cells drawn over it.
    for (let i = 0; i < rows * cols; i += 1) {
      if (!isMasked(spec.values[i])) continue;
      ctx.fillStyle = pattern ?? theme.maskedBg;
      ctx.fillRect(L.x0 + (i % cols) * L.cell, L.y0 + Math.floor(i / cols) * L.cell, inner, inner);
    }
  } else {
    for (let r = 0; r < rows; r += 1) {
      const paint = hasLock && r !== p.locked ? faded : plain;
      for (let c = 0; c < cols; c += 1) {
        const v = spec.values[r * cols + c];
        const x = L.x0 + c * L.cell;
        const y = L.y0 + r * L.cell;
        const k = paint.index(v);
        ctx.fillStyle = k < 0 ? pattern ?? theme.maskedBg : paint.fill[k];
        ctx.fillRect(x, y, inner, inner);
        if (k < 0) {
          if (weightMark ? L.showValues : L.cell >= 16) { // ("0.00" only where the values fit too)
            const f = maskFontPx;
            useFont(maskFont);
            if (maskWidth < 0) maskWidth = ctx.measureText(maskText).width;
            const tw = maskWidth;
            ctx.fillStyle = theme.maskedBg;
            ctx.fillRect(x + inner / 2 - tw / 2 - 2, y + inner / 2 - f / 2 - 1, tw + 4, f + 2);
            ctx.fillStyle = theme.fg;
            ctx.fillText(maskText, x + inner / 2, y + inner / 2 + 0.5);
          }
        } else if (L.showValues) {
          useFont(valueFont);
          ctx.fillStyle = paint.text[k];
          ctx.fillText(formatNumber(v, digits), x + inner / 2, y + inner / 2 + 0.5);
        }
      }
    }
  }

  const rowRect = (r) => [L.x0 - 1, L.y0 + r * L.cell - 1, cols * L.cell + 2 - g, L.cell + 2 - g];

  if (p.highlight !== null && p.highlight !== undefined && p.highlight < rows && p.highlight !== p.locked) {
    const [x, y, w, h] = rowRect(p.highlight);
    outlineRect(ctx, x - 2, y - 2, w + 4, h + 4, theme.accent, 2, [6, 3]);
  }
  if (p.locked !== null && p.locked !== undefined && p.locked < rows) {
    const [x, y, w, h] = rowRect(p.locked);
    outlineRect(ctx, x - 3, y - 3, w + 6, h + 6, theme.bg, 5);
    outlineRect(ctx, x - 2, y - 2, w + 4, h + 4, theme.fg, 3);
  }

  // Hover (thin) and focused cell (thick, two-tone so it shows on any colour).
  if (p.hover && !(p.hasFocus && p.focus && p.hover.row === p.focus.row && p.hover.col === p.focus.col)) {
    const x = L.x0 + p.hover.col * L.cell;
    const y = L.y0 + p.hover.row * L.cell;
    outlineRect(ctx, x - 1, y - 1, inner + 2, inner + 2, theme.fg, 2);
  }
  if (p.hasFocus && p.focus) {
    const x = L.x0 + p.focus.col * L.cell;
    const y = L.y0 + p.focus.row * L.cell;
    const s = Math.max(inner, 6);
    outlineRect(ctx, x - 3, y - 3, s + 6, s + 6, theme.bg, 6);
    outlineRect(ctx, x - 2, y - 2, s + 4, s + 4, theme.focus, 3);
  }
}
