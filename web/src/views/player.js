// player.js — the stage player: Previous / Play–Pause / Next buttons and a range scrubber whose
// aria-valuetext is the stage name. While playing it advances every ~1.2 s and stops at the last
// stage. onChange(index, { reducedMotion, playing, source }) tells the caller to skip tweening
// when the learner prefers reduced motion (it still steps).

import { domFor, uid, prefersReducedMotion, setText, setAttrs } from '../lib/dom.js';
import { TICK_MS, clampIndex, tick, playStart, stageText } from './player-logic.js';

/**
 * createPlayer(container, { stages: string[], onChange(index, info), label, interval? })
 * → { update({ index?, playing?, stages? }), destroy() }
 */
export function createPlayer(container, options = {}) {
  const { label = 'Stages', onChange = () => {}, interval = TICK_MS } = options;
  let stages = Array.isArray(options.stages) ? options.stages.slice() : [];
  const { el, doc } = domFor(container);
  const id = uid('al-player');
  const win = doc.defaultView;

  const prevBtn = el('button', { type: 'button', class: 'al-button' },
    el('span', { 'aria-hidden': 'true' }, '\u2039 '), 'Previous', el('span', { class: 'al-sr-only' }, ' stage'));
  const playText = el('span', null, 'Play');
  const playIcon = el('span', { 'aria-hidden': 'true', class: 'al-play-icon' }, '\u25B6 ');
  const playBtn = el('button', { type: 'button', class: 'al-button al-play' }, playIcon, playText);
  const nextBtn = el('button', { type: 'button', class: 'al-button' },
    'Next', el('span', { class: 'al-sr-only' }, ' stage'), el('span', { 'aria-hidden': 'true' }, ' \u203A'));
  const range = el('input', { type: 'range', id: `${id}-range`, class: 'al-range', min: '0', step: '1' });
  const rangeLabel = el('label', { for: `${id}-range`, class: 'al-range-label' }, 'Stage');
  const status = el('p', { class: 'al-player-status' });
  const root = el('div', { class: 'al-player', role: 'group', 'aria-label': label },
    el('div', { class: 'al-player-buttons' }, prevBtn, playBtn, nextBtn),
    el('div', { class: 'al-player-scrub' }, rangeLabel, range),
    status);
  container.appendChild(root);

  let index = 0;
  let playing = false;
  let timer = null;

  function render() {
    // (written only when changed: every scene render updates its player)
    const max = String(Math.max(0, stages.length - 1));
    if (range.max !== max) range.max = max;
    if (range.value !== String(index)) range.value = String(index);
    const text = stageText(index, stages);
    if (range.getAttribute('aria-valuetext') !== text) range.setAttribute('aria-valuetext', text);
    setAttrs(range, { disabled: stages.length < 2 }); // (written only when it changes, as below)
    setText(status, text);
    setText(playText, playing ? 'Pause' : 'Play');
    setText(playIcon, playing ? '\u275A\u275A ' : '\u25B6 ');
    setAttrs(prevBtn, { disabled: index <= 0 });
    setAttrs(nextBtn, { disabled: index >= stages.length - 1 });
    setAttrs(playBtn, { disabled: stages.length < 2 });
  }

  function stopTimer() {
    if (timer !== null) { win.clearTimeout(timer); timer = null; }
  }

  function schedule() {
    stopTimer();
    if (!playing) return;
    timer = win.setTimeout(() => {
      timer = null;
      const t = tick(index, stages.length);
      index = t.index;
      playing = t.playing;
      render();
      emit('play');
      schedule();
    }, interval);
  }

  function emit(source) {
    onChange(index, { reducedMotion: prefersReducedMotion(root), playing, source });
  }

  function go(next, source) {
    const i = clampIndex(next, stages.length);
    if (i === index) { render(); return; }
    index = i;
    render();
    emit(source);
  }

  prevBtn.addEventListener('click', () => {
    playing = false; stopTimer(); go(index - 1, 'user');
    if (prevBtn.disabled) playBtn.focus(); // keep focus on a live control
  });
  nextBtn.addEventListener('click', () => {
    playing = false; stopTimer(); go(index + 1, 'user');
    if (nextBtn.disabled) playBtn.focus();
  });
  playBtn.addEventListener('click', () => {
    if (playing) {
      playing = false;
      stopTimer();
      render();
      emit('user');
      return;
    }
    playing = true;
    const start = playStart(index, stages.length);
    if (start !== index) { index = start; render(); emit('user'); } else { render(); }
    schedule();
  });
  range.addEventListener('input', () => {
    playing = false;
    stopTimer();
    go(Number(range.value), 'user');
  });

  render();

  return {
    element: root,
    /** Set the index / playing state / stage names from the caller (does not call onChange). */
    update({ index: nextIndex, playing: nextPlaying, stages: nextStages } = {}) {
      if (Array.isArray(nextStages)) stages = nextStages.slice();
      if (nextIndex !== undefined) index = clampIndex(nextIndex, stages.length);
      else index = clampIndex(index, stages.length);
      if (nextPlaying !== undefined && !!nextPlaying !== playing) {
        playing = !!nextPlaying && stages.length > 1;
        if (playing) schedule(); else stopTimer();
      }
      if (playing && index >= stages.length - 1) { playing = false; stopTimer(); }
      render();
    },
    destroy() {
      stopTimer();
      root.remove();
    },
  };
}
