// Step 22's view: the exercise (code/exercise-view.js, with its grader, runner and editor loader)
// mounted in the step, its changes sent back through ctx.set so the random-inputs number and the
// fill-in answers live in the link. The exercise's code is a separate chunk, loaded when the step
// opens (never in the lesson's first view); until then the step says it is loading.
import { mountLater } from '../../lib/mount-later.js';

export function mount(host, ctx) {
  let exercise = null, last = null;
  const later = mountLater(host, () => import('../../code/exercise-view.js'), (m) => m.mountExercise(host, {
    engine: ctx.engine,
    announce: ctx.announce,
    onChange: (patch) => ctx.set(patch.seed !== undefined ? { seed: patch.seed } : patch.choice),
  }), { loading: 'Loading the exercise…', failed: 'The exercise could not be loaded' });
  later.start().then((x) => {
    exercise = x;
    if (exercise && last) exercise.update(last);
  });
  return {
    render(m) {
      last = m;
      exercise?.update(m);
    },
    destroy() { later.destroy(); },
  };
}
