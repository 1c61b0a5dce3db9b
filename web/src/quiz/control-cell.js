// control-cell.js — "click the cell" questions: a heatmap of the variant's matrix computed by the
// engine, drawn by views/heatmap.js (createHeatmap(container, { label, onCellActivate }) →
// { update(spec) }), and a plain pair of <select>s ("Query row" / "Key column") so the question
// can be answered without the heatmap (keyboard, screen reader, or if the heatmap failed to load).

import { domFor, setText } from '../lib/dom.js';

export function createCellControl(doc, question, env) {
  let live = null;
  let heatmap = null;
  const mapBox = domFor(doc).el('div', { class: 'al-quiz-heatmap' });
  const status = domFor(doc).el('p', { class: 'al-quiz-cell-status' });
  const rowSel = domFor(doc).el('select', { class: 'al-quiz-select', id: env.uid('row') });
  const colSel = domFor(doc).el('select', { class: 'al-quiz-select', id: env.uid('col') });
  const picked = domFor(doc).el('p', { class: 'al-quiz-picked', 'aria-live': 'polite' });
  let disabled = false;

  function describePick() {
    const r = rowSel.value;
    const c = colSel.value;
    if (r === '' || c === '' || !live) { setText(picked, ''); return; }
    setText(picked, `Selected: row \u201C${live.rowLabels[r]}\u201D, column \u201C${live.colLabels[c]}\u201D.`);
  }

  const shownLabels = new WeakMap(); // select → the labels its options show
  // The options follow the live labels; they are made again only when those change (the quiz
  // refreshes its live questions on every change of the step's inputs, a slider drag included).
  function fillSelect(sel, labels, prompt) {
    const key = JSON.stringify([prompt, labels]);
    if (shownLabels.get(sel) === key) return;
    shownLabels.set(sel, key);
    const keep = sel.value;
    while (sel.firstChild) sel.removeChild(sel.firstChild);
    sel.appendChild(domFor(doc).el('option', { value: '', text: prompt }));
    labels.forEach((lab, i) => sel.appendChild(domFor(doc).el('option', { value: String(i), text: `${i + 1}. ${lab}` })));
    if (keep !== '' && Number(keep) < labels.length) sel.value = keep;
  }

  function draw() {
    try {
      live = env.live();
    } catch (err) {
      live = null;
      setText(status, err && err.message ? err.message : 'This question cannot be computed right now.');
      return;
    }
    setText(status, '');
    fillSelect(rowSel, live.rowLabels, 'Choose a query row');
    fillSelect(colSel, live.colLabels, 'Choose a key column');
    describePick();
    if (!heatmap && typeof env.createHeatmap === 'function') {
      try {
        heatmap = env.createHeatmap(mapBox, {
          label: question.heatmapLabel || 'Attention heatmap',
          onCellActivate(row, col) {
            if (disabled) return;
            rowSel.value = String(row);
            colSel.value = String(col);
            describePick();
          },
        });
      } catch {
        heatmap = null;
      }
    }
    if (heatmap && typeof heatmap.update === 'function') {
      try {
        heatmap.update({
          values: live.values, rows: live.rows, cols: live.cols, rowLabels: live.rowLabels,
          colLabels: live.colLabels, stage: live.stage, scale: 'sequential',
        });
      } catch {
        mapBox.hidden = true; // the selects below still answer the question
      }
    } else {
      mapBox.hidden = true;
    }
  }

  rowSel.addEventListener('change', describePick);
  colSel.addEventListener('change', describePick);

  const el = domFor(doc).el('div', { class: 'al-quiz-cell' }, [
    status,
    mapBox,
    domFor(doc).el('div', { class: 'al-quiz-cellpick' }, [
      domFor(doc).el('label', { class: 'al-quiz-label', for: rowSel.id, text: 'Query row' }), rowSel,
      domFor(doc).el('label', { class: 'al-quiz-label', for: colSel.id, text: 'Key column' }), colSel,
    ]),
    picked,
  ]);
  draw();

  return {
    el,
    getLive() { return live; },
    getResponse() {
      if (rowSel.value === '' || colSel.value === '') return null;
      return { row: Number(rowSel.value), col: Number(colSel.value) };
    },
    setResponse(r) {
      rowSel.value = r && Number.isInteger(r.row) ? String(r.row) : '';
      colSel.value = r && Number.isInteger(r.col) ? String(r.col) : '';
      describePick();
    },
    setDisabled(d) { disabled = d; rowSel.disabled = d; colSel.disabled = d; },
    focus() { rowSel.focus(); },
    refresh() { draw(); },
    destroy() { if (heatmap && typeof heatmap.destroy === 'function') heatmap.destroy(); },
  };
}
