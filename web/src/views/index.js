// index.js — the views in one import: drawing components and their pure helpers.

export { createHeatmap } from './heatmap.js';
export { createLegend } from './legend.js';
export { createMatrixTable, createMatrixEditor } from './matrix-table.js';
export { createVectorPlot } from './vector-plot.js';
export { createBarChart } from './bar-chart.js';
export { createLineChart } from './line-chart.js';
export { createPlayer } from './player.js';
export { summarizeMatrix } from './summarize-matrix.js';
export { describeCell } from './cell-text.js';
export * from '../lib/format.js';
export { colorFor, computeDomain, readableTextColor, contrastRatio, isMasked } from './color.js';
export { el, svg, uid } from '../lib/dom.js';
