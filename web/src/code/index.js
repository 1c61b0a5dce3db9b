// The code generators' front door: a scene's engine call and result in, the three programs and the
// notebook out. See problem.js for what a problem holds and stages.js for the stage ids.

import { problemFrom } from './problem.js';
import { pythonProgram } from './python-source.js';
import { numpyProgram } from './numpy-source.js';
import { torchProgram } from './torch-source.js';

export { problemFrom } from './problem.js';
export { STAGES, STAGE_IDS } from './stages.js';
export { notebookFor, notebookText, notebookFileName } from './notebook.js';

export const LANGUAGES = [
  { id: 'python', label: 'Python', make: pythonProgram },
  { id: 'numpy', label: 'NumPy', make: numpyProgram },
  { id: 'torch', label: 'PyTorch', make: torchProgram },
];

/** { python, numpy, torch }: each { text, lines, stageLines } for a problem. */
export function programsFor(problem) {
  return Object.fromEntries(LANGUAGES.map((l) => [l.id, l.make(problem)]));
}

/** Shortcut: run nothing, just describe what the scene asked the engine and what it answered. */
export function codeFor(options, result, meta) {
  return programsFor(problemFrom(options, result, meta));
}
