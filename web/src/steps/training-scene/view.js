// The training steps' view (steps 17–21): a small shell that loads the playground (playground.js,
// with the runner, the session protocol and the chart: its own chunk, outside the first view)
// when the step opens, and hands it the newest render until then. The single-file builds inline
// the chunk, so nothing is fetched from file://. DOM only.
import { mountLater } from '../../lib/mount-later.js';

export function mountTrainingView(host, ctx, config, inputs) {
  let playground = null, pending = null;
  const later = mountLater(host, () => import('./playground.js'), (m) => {
    playground = m.mountTrainingScene(host, ctx, config, inputs);
    if (pending) playground.render(...pending);
    pending = null;
    return playground;
  }, { loading: 'Loading the training scene\u2026', failed: 'The training scene could not be loaded' });
  later.start();
  return {
    render(m, values) {
      if (playground) playground.render(m, values);
      else pending = [m, values];
    },
    destroy() { later.destroy(); },
  };
}
