// A small builder for generated programs: lines of text, some tagged with the stage they compute
// (see stages.js), joined into a program whose stage → line numbers the code panel can use.

import { stageMarker } from './stages.js';

export class SourceLines {
  constructor() { this.lines = []; }

  /** Add plain lines (strings or arrays of strings). */
  add(...items) {
    for (const item of items) {
      for (const line of [].concat(item)) this.lines.push({ text: line, stage: null });
    }
    return this;
  }

  /** Add the one line that computes `stage`, with its marker comment (and an optional note). */
  stage(stage, code, note = '') {
    const marker = stageMarker(stage) + (note ? ` ${note}` : '');
    this.lines.push({ text: `${code}  # ${marker}`, stage });
    return this;
  }

  /** Append another builder's lines. */
  append(other) {
    this.lines.push(...other.lines);
    return this;
  }

  /** { text, lines: [{ text, stage }], stageLines: { scores: [0-based line indexes], … } } */
  build() {
    const stageLines = {};
    this.lines.forEach((l, i) => { if (l.stage) (stageLines[l.stage] ??= []).push(i); });
    return { text: this.lines.map((l) => l.text).join('\n') + '\n', lines: this.lines.slice(), stageLines };
  }
}
