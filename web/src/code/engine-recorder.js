// Wraps the engine a scene is given so that every engine.attention() call the scene makes while
// drawing is remembered (its options, copied, and its result), for the code panel to show the
// scene's own computation without the scene having to hand it over. Everything else passes through.

const MATRICES = ['x', 'wq', 'wk', 'wv', 'wo'];

/** → { engine (use it in place of the real one), calls: [{ options, result }], reset() } */
export function recordEngine(engine) {
  const calls = [];
  const wrapped = new Proxy(engine, {
    get(target, key) {
      if (key === 'attention') {
        return (options) => {
          const result = target.attention(options);
          if (options && !options.outputOnly) {
            const copy = { ...options };
            for (const m of MATRICES) if (copy[m]) copy[m] = Float32Array.from(copy[m]);
            if (copy.mask && typeof copy.mask === 'object') copy.mask = { ...copy.mask };
            calls.push({ options: copy, result });
          }
          return result;
        };
      }
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { engine: wrapped, calls, reset() { calls.length = 0; } };
}
