// The inside of a code panel (code-panel.js is the disclosure around it, and loads this file, a
// separate chunk, the first time the panel opens): the scene's current computation as plain
// Python, NumPy and PyTorch (tabs), a copy button, "Download notebook", the engine's numbers as the
// expected result, and the stages (scores, scale, mask, softmax, weighted sum) linked to their
// lines both ways: hovering or focusing a stage lights its line, and hovering or focusing a line
// lights its stage. Scenes can join in (highlightStage / onStage) to link their own figures.
// Only textContent is written; nothing the learner typed reaches innerHTML.
import { domFor, uid } from '../lib/dom.js';
import { formatCount, formatNumber } from '../lib/format.js';
import { LANGUAGES, STAGES, problemFrom, notebookText, notebookFileName } from './index.js';

export const MAX_PRINTED_NUMBERS = 20000;

const countNumbers = (o) => (o.x?.length ?? 0) + (o.wq?.length ?? 0) + (o.wk?.length ?? 0) + (o.wv?.length ?? 0) + (o.wo?.length ?? 0);

/**
 * mountCodePanelBody(host, { title, onStage }) → { show(options, result, meta), highlightStage(id | null), destroy() }
 *   options/result: the scene's engine.attention call and its answer; meta: { tokens, title }.
 *   onStage(id | null): told when the learner points at a stage or a stage's line.
 */
export function mountCodePanelBody(host, { title = 'Self-attention', onStage = () => {} } = {}) {
  const { el } = domFor(host);
  let problem = null, lang = LANGUAGES[0].id, program = null, lastKey = null, lit = null;

  const tablist = el('div', { role: 'tablist', class: 'al-code-tabs', 'aria-label': 'Language' });
  const panelId = uid('al-code-panel');
  const tabs = LANGUAGES.map((l, i) => {
    const tab = el('button', { type: 'button', role: 'tab', id: uid('al-code-tab'), 'aria-controls': panelId, class: 'al-code-tab', 'data-lang': l.id, tabindex: i === 0 ? '0' : '-1' }, l.label);
    tab.addEventListener('click', () => choose(l.id, false));
    tab.addEventListener('keydown', (e) => {
      const k = { ArrowRight: 1, ArrowLeft: -1, Home: -i, End: LANGUAGES.length - 1 - i }[e.key];
      if (k === undefined) return;
      e.preventDefault();
      choose(LANGUAGES[(i + k + LANGUAGES.length) % LANGUAGES.length].id, true);
    });
    tablist.append(tab);
    return tab;
  });
  const stageList = el('ul', { class: 'al-code-stages', 'aria-label': 'Stages: point at one to find its line' });
  const stageItems = STAGES.map((s) => {
    const item = el('button', { type: 'button', class: 'al-code-stage', 'data-stage': s.id, title: s.detail }, `(${s.number}) ${s.label}`);
    for (const ev of ['mouseenter', 'focus']) item.addEventListener(ev, () => point(s.id));
    for (const ev of ['mouseleave', 'blur']) item.addEventListener(ev, () => point(null));
    item.addEventListener('click', () => lineFor(s.id)?.focus());
    stageList.append(el('li', {}, item));
    return item;
  });
  const code = el('pre', { class: 'al-code-listing', id: panelId, role: 'tabpanel', tabindex: '0', 'data-testid': 'code-listing' });
  const copyBtn = el('button', { type: 'button', class: 'al-button' }, 'Copy code');
  const downloadBtn = el('button', { type: 'button', class: 'al-button' }, 'Download notebook (.ipynb)');
  const status = el('span', { class: 'al-note', role: 'status' });
  const expected = el('pre', { class: 'al-code-expected', tabindex: '0', 'aria-label': "The engine's numbers", 'data-testid': 'code-expected' });
  const tooBig = el('p', { class: 'al-message', hidden: '' });
  const parts = [
    el('p', { class: 'al-note' }, 'Filled in with this step\'s current inputs. Every program ends by checking itself against the numbers below, which this page\'s engine computed.'),
    tooBig, tablist, stageList, code,
    el('div', { class: 'al-controls' }, copyBtn, downloadBtn, status),
    el('h4', {}, 'Expected result (from the page\'s engine)'), expected];
  host.append(...parts);

  function lineFor(stage) {
    const index = program?.stageLines[stage]?.[0];
    return index === undefined ? null : code.children[index] ?? null;
  }

  // Light one stage and its line (or nothing), and tell the scene.
  function point(stage, notify = true) {
    if (stage === lit) return;
    lit = stage;
    for (const item of stageItems) item.classList.toggle('al-lit', item.dataset.stage === stage);
    for (const line of code.querySelectorAll('.al-lit')) line.classList.remove('al-lit');
    const line = lineFor(stage);
    if (line) {
      line.classList.add('al-lit');
      // Bring the line into the listing's view (the listing scrolls, not the page).
      const top = line.offsetTop, bottom = top + line.offsetHeight;
      if (top < code.scrollTop || bottom > code.scrollTop + code.clientHeight) code.scrollTop = Math.max(0, top - code.clientHeight / 3);
    }
    if (notify) onStage(stage);
  }

  function choose(id, focus) {
    lang = id;
    tabs.forEach((t) => {
      const on = t.dataset.lang === id;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      if (on) { code.setAttribute('aria-labelledby', t.id); if (focus) t.focus(); }
    });
    draw();
  }

  function draw() {
    lit = null;
    if (!problem) { code.replaceChildren(); return; }
    program = LANGUAGES.find((l) => l.id === lang).make(problem);
    code.replaceChildren(...program.lines.map((line, i) => {
      const span = el('span', { class: 'al-code-line', 'data-line': String(i + 1) }, `${line.text}\n`);
      if (line.stage) {
        span.dataset.stage = line.stage;
        span.tabIndex = 0;
        span.setAttribute('aria-label', `Line ${i + 1}, stage ${STAGES.find((s) => s.id === line.stage).label}: ${line.text.trim()}`);
        for (const ev of ['mouseenter', 'focus']) span.addEventListener(ev, () => point(line.stage));
        for (const ev of ['mouseleave', 'blur']) span.addEventListener(ev, () => point(null));
      }
      return span;
    }));
  }

  copyBtn.addEventListener('click', async () => {
    if (!program) return;
    try {
      await navigator.clipboard.writeText(program.text);
      status.textContent = `Copied the ${LANGUAGES.find((l) => l.id === lang).label} program.`;
    } catch {
      // No clipboard permission: select the listing so Ctrl+C copies it.
      const range = document.createRange();
      range.selectNodeContents(code);
      const sel = code.ownerDocument.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      status.textContent = 'The browser did not allow copying: the code is selected, press Ctrl+C (⌘C on a Mac).';
    }
  });
  downloadBtn.addEventListener('click', () => {
    if (!problem) return;
    const blob = new Blob([notebookText(problem)], { type: 'application/x-ipynb+json' });
    const a = el('a', { href: URL.createObjectURL(blob), download: notebookFileName(problem), hidden: '' });
    host.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    status.textContent = `Downloaded ${notebookFileName(problem)}: open it in Jupyter or Colab and run all cells.`;
  });

  const matrixText = (values, rows, cols) => Array.from({ length: rows }, (_, i) =>
    Array.from(values.subarray(i * cols, (i + 1) * cols), (v) => formatNumber(v, 4).padStart(8)).join(' ')).join('\n');

  choose(lang, false);
  return {
    show,
    highlightStage(stage) { point(stage, false); },
    destroy() { for (const p of parts) p.remove(); },
  };

  function show(options, result, meta = {}) {
    const count = countNumbers(options);
    if (count > MAX_PRINTED_NUMBERS) {
      problem = null;
      lastKey = null;
      tooBig.hidden = false;
      tooBig.textContent = `These inputs hold ${formatCount(count)} numbers, too many to print as code. Make the sizes smaller (at most ${formatCount(MAX_PRINTED_NUMBERS)} numbers in X and the weights) to see and download the code.`;
      copyBtn.disabled = downloadBtn.disabled = true;
      code.replaceChildren();
      expected.textContent = '';
      return;
    }
    tooBig.hidden = true;
    copyBtn.disabled = downloadBtn.disabled = false;
    const p = problemFrom(options, result, { title, ...meta });
    const key = JSON.stringify([Array.from(p.x), Array.from(p.wq), Array.from(p.wk), Array.from(p.wv), p.wo && Array.from(p.wo), p.mask, p.scale, p.mistake, p.heads, p.dK, p.dV, p.tokens, p.title]);
    if (key === lastKey) return;
    lastKey = key;
    problem = p;
    draw();
    const parts = p.expected.weights.map((w, h) => `weights${p.heads > 1 ? `, head ${h + 1}` : ''} (${p.n} × ${p.n}):\n${matrixText(w, p.n, p.n)}`);
    parts.push(`output (${p.n} × ${p.outCols}):\n${matrixText(p.expected.output, p.n, p.outCols)}`);
    expected.textContent = parts.join('\n\n');
  }
}
