// Step 22's model: the inputs → what the exercise shows before anything is run (the seed, the
// fill-in's answers and the program they make). Grading needs the learner's code, so it happens
// in the view on request, by code/exercise-grader.js with the engine. Pure: no DOM.
import { FILL_IN, fillInProgram } from '../../code/fill-in.js';

/** values: { seed, scale, maskShape, maskPlace, axis } → { seed, seedLine, choice, program } */
export function model(values) {
  const choice = Object.fromEntries(FILL_IN.map((q) => [q.id, values[q.id]]));
  return {
    seed: values.seed,
    seedLine: `Random inputs number ${values.seed}`,
    choice,
    program: fillInProgram(choice),
  };
}
